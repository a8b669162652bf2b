package io.shopops.growth.traffic;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Rolls the collected traffic up per closed local day (every day before today in the
 * shop's time zone), so that the KPI page reads a range's visitors from a few hundred
 * rows instead of counting distinct visitor ids over millions of events.
 * <p>
 * For each closed day it keeps the page and product views, the distinct viewing visitors,
 * each visitor's days with an event of each kind (viewing for UV; any event, product
 * view, add to cart and checkout for the funnel), and per kind and day how many of its
 * visitors were last seen on which earlier day ({@code traffic_visit_gap}). A range's
 * distinct visitors of a kind are then exactly the visitor-days in the range whose
 * previous day lies before the range: each visitor is counted once, on its first day
 * within the range.
 * <p>
 * A scheduled {@link #run() job} (every 10 s by default) rolls up each day once it closes
 * and again any closed day that received late events, found among the events stored since
 * it last looked (by id). Pages never wait for it and never read stale rollups:
 * {@link #current()} says the rollups may be read only when every closed day is rolled up
 * and no event stored since the last look belongs to a closed day; otherwise the figures
 * are counted from the events. A second job recounts the last weeks' events per day and
 * rolls up again any day whose count differs, which heals an event whose insert committed
 * long after later ones.
 */
@Component
class VisitRollup {

	private static final Logger log = LoggerFactory.getLogger(VisitRollup.class);

	/** The previous viewing day of a visitor's first one. */
	static final LocalDate NONE = LocalDate.of(1, 1, 1);

	/** Events below the newest id looked at again, for inserts that committed late. */
	private static final long OVERLAP = 1_000;

	/** Days back the reconciliation recounts. */
	static final int RECONCILED_DAYS = 35;

	private static final String VIEWS = "type IN ('page_view', 'product_view')";

	/**
	 * The kinds of visitor-day each event makes: V view, A any, P product view, C cart, K
	 * checkout.
	 */
	private static final String KINDS = """
			CROSS JOIN LATERAL (VALUES ('A'), (CASE WHEN e.type IN ('page_view', 'product_view') THEN 'V' END),
			  (CASE e.type WHEN 'product_view' THEN 'P' WHEN 'add_to_cart' THEN 'C' WHEN 'checkout' THEN 'K' END)) k (kind)""";

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	private final TransactionTemplate transaction;

	VisitRollup(JdbcClient jdbc, ShopSettings settings, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.transaction = new TransactionTemplate(transactions);
	}

	/**
	 * The rolled-up days, when they are up to date.
	 * @return the time zone and today, empty when the rollups cannot be read now (the
	 * figures must be counted from the events)
	 */
	Optional<Closed> current() {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		State state = state();
		if (!state.upToDate(zone, today) || !dirtyDays(state, zone, today).isEmpty()) {
			return Optional.empty();
		}
		return Optional.of(new Closed(zone, today));
	}

	@Scheduled(initialDelayString = "${shopops.traffic.rollup-delay:PT20S}",
			fixedDelayString = "${shopops.traffic.rollup-interval:PT10S}")
	void run() {
		try {
			refresh();
		}
		catch (RuntimeException ex) {
			log.warn("The traffic rollup failed; it runs again at its next interval", ex);
		}
	}

	@Scheduled(initialDelayString = "${shopops.traffic.reconcile-delay:PT5M}",
			fixedDelayString = "${shopops.traffic.reconcile-interval:PT10M}")
	void reconcileNow() {
		try {
			reconcile();
		}
		catch (RuntimeException ex) {
			log.warn("The traffic rollup reconciliation failed; it runs again at its next interval", ex);
		}
	}

	/**
	 * Recounts the events of the last {@value #RECONCILED_DAYS} closed days and rolls up
	 * again every day whose count differs from its rollup.
	 * @return how many days were rolled up again
	 */
	int reconcile() {
		return this.transaction.execute((status) -> {
			State state = lock();
			ZoneId zone = this.settings.current().timeZone();
			LocalDate today = LocalDate.now(zone);
			if (!state.builtIn(zone)) {
				return 0;
			}
			LocalDate from = today.minusDays(RECONCILED_DAYS);
			List<LocalDate> differing = this.jdbc
				.sql("""
						SELECT coalesce(e.day, r.day) FROM (
						  SELECT (occurred_at AT TIME ZONE :zone)::date AS day, count(*) AS events FROM traffic_event
						  WHERE occurred_at >= :start AND occurred_at < :end GROUP BY 1) e
						FULL JOIN (SELECT day, events FROM traffic_day WHERE day >= :from AND day < :today) r ON r.day = e.day
						WHERE e.events IS DISTINCT FROM r.events""")
				.param("zone", zone.getId())
				.param("start", start(from, zone))
				.param("end", start(today, zone))
				.param("from", from)
				.param("today", today)
				.query(LocalDate.class)
				.list();
			if (!differing.isEmpty()) {
				log.info("Rolling up again {} days whose traffic events changed: {}", differing.size(), differing);
				rollUp(new TreeSet<>(differing), zone, today, maxId(), state);
			}
			return differing.size();
		});
	}

	/**
	 * Rolls up what is new: everything on the first run (or after a change of time zone),
	 * else the days that closed and the closed days that received late events.
	 */
	void refresh() {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		this.transaction.executeWithoutResult((status) -> {
			State locked = lock();
			long maxId = maxId();
			if (!locked.builtIn(zone)) {
				build(zone, today, maxId);
				return;
			}
			TreeSet<LocalDate> days = dirtyDays(locked, zone, today);
			if (!days.isEmpty() || !locked.upToDate(zone, today)) {
				rollUp(days, zone, today, maxId, locked);
			}
			else if (maxId - OVERLAP - locked.mark() > OVERLAP) {
				this.jdbc.sql("UPDATE traffic_rollup_state SET mark = :mark WHERE id = 1")
					.param("mark", maxId - OVERLAP)
					.update();
			}
		});
	}

	/** Recomputes every rollup from the events, in {@code zone}. */
	private void build(ZoneId zone, LocalDate today, long maxId) {
		long started = System.nanoTime();
		// pages read none of these tables meanwhile: the state says they are not built in
		// this zone
		this.jdbc.sql("TRUNCATE traffic_visit_gap, traffic_visitor_day, traffic_day").update();
		Timestamp end = start(today, zone);
		this.jdbc.sql("""
				INSERT INTO traffic_day (day, events, views, visitors, max_event_id)
				SELECT (occurred_at AT TIME ZONE :zone)::date, count(*), count(*) FILTER (WHERE %s),
				       count(DISTINCT visitor_id) FILTER (WHERE %s), max(id)
				FROM traffic_event WHERE occurred_at < :end GROUP BY 1""".formatted(VIEWS, VIEWS))
			.param("zone", zone.getId())
			.param("end", end)
			.update();
		this.jdbc.sql("""
				INSERT INTO traffic_visitor_day (visitor_id, kind, day)
				-- in key order, so that the primary key grows at its right edge
				SELECT DISTINCT e.visitor_id, k.kind, (e.occurred_at AT TIME ZONE :zone)::date
				FROM traffic_event e %s WHERE e.occurred_at < :end AND k.kind IS NOT NULL
				ORDER BY 1, 2, 3""".formatted(KINDS)).param("zone", zone.getId()).param("end", end).update();
		this.jdbc.sql("""
				INSERT INTO traffic_visit_gap (kind, day, prev_day, visitors)
				SELECT kind, day, coalesce(prev_day, :none), count(*) FROM (
				  SELECT kind, day, lag(day) OVER (PARTITION BY visitor_id, kind ORDER BY day) AS prev_day
				  FROM traffic_visitor_day) v
				GROUP BY 1, 2, 3""").param("none", NONE).update();
		this.jdbc.sql("""
				UPDATE traffic_rollup_state SET time_zone = :zone, closed_through = :through,
				  mark = greatest(mark, :mark), rebuilt_at = now() WHERE id = 1""")
			.param("zone", zone.getId())
			.param("through", today.minusDays(1))
			.param("mark", Math.max(0, maxId - OVERLAP))
			.update();
		log.info("Traffic rollups built in {} ({} ms)", zone.getId(), (System.nanoTime() - started) / 1_000_000);
	}

	/**
	 * Rolls up the given closed days again, and the days that closed since the last time.
	 */
	private void rollUp(TreeSet<LocalDate> dirty, ZoneId zone, LocalDate today, long maxId, State state) {
		TreeSet<LocalDate> days = new TreeSet<>(dirty);
		LocalDate through = today.minusDays(1);
		if (state.closedThrough() != null && state.closedThrough().isBefore(through)) {
			for (LocalDate day = state.closedThrough().plusDays(1); !day.isAfter(through); day = day.plusDays(1)) {
				days.add(day);
			}
		}
		for (LocalDate day : days) {
			Timestamp start = start(day, zone);
			Timestamp end = start(day.plusDays(1), zone);
			this.jdbc.sql("DELETE FROM traffic_visitor_day WHERE day = :day").param("day", day).update();
			this.jdbc.sql("DELETE FROM traffic_day WHERE day = :day").param("day", day).update();
			this.jdbc.sql("""
					INSERT INTO traffic_day (day, events, views, visitors, max_event_id)
					SELECT :day, count(*), count(*) FILTER (WHERE %s), count(DISTINCT visitor_id) FILTER (WHERE %s),
					       max(id)
					FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end
					HAVING count(*) > 0""".formatted(VIEWS, VIEWS))
				.param("day", day)
				.param("start", start)
				.param("end", end)
				.update();
			this.jdbc.sql("""
					INSERT INTO traffic_visitor_day (visitor_id, kind, day)
					SELECT DISTINCT e.visitor_id, k.kind, :day FROM traffic_event e %s
					WHERE e.occurred_at >= :start AND e.occurred_at < :end AND k.kind IS NOT NULL""".formatted(KINDS))
				.param("day", day)
				.param("start", start)
				.param("end", end)
				.update();
		}
		if (!days.isEmpty()) {
			LocalDate first = days.first();
			this.jdbc.sql("DELETE FROM traffic_visit_gap WHERE day >= :first").param("first", first).update();
			// each visitor-day from the first changed day on, with its visitor's previous
			// day of the kind
			this.jdbc.sql("""
					INSERT INTO traffic_visit_gap (kind, day, prev_day, visitors)
					SELECT d.kind, d.day, coalesce((SELECT max(p.day) FROM traffic_visitor_day p
					                                WHERE p.visitor_id = d.visitor_id AND p.kind = d.kind
					                                  AND p.day < d.day), :none), count(*)
					FROM traffic_visitor_day d WHERE d.day >= :first GROUP BY 1, 2, 3""")
				.param("none", NONE)
				.param("first", first)
				.update();
		}
		this.jdbc.sql("""
				UPDATE traffic_rollup_state SET closed_through = :through, mark = greatest(mark, :mark)
				WHERE id = 1""").param("through", through).param("mark", Math.max(0, maxId - OVERLAP)).update();
	}

	/**
	 * The closed days that received events since the rollups last looked: events stored
	 * after the mark whose day is closed and has no rollup, or a rollup of fewer events.
	 */
	private TreeSet<LocalDate> dirtyDays(State state, ZoneId zone, LocalDate today) {
		return new TreeSet<>(this.jdbc.sql("""
				SELECT e.day FROM (
				  SELECT (occurred_at AT TIME ZONE :zone)::date AS day, max(id) AS max_id FROM traffic_event
				  WHERE id > :mark AND occurred_at < :end GROUP BY 1) e
				LEFT JOIN traffic_day r ON r.day = e.day
				WHERE (r.day IS NULL AND e.day <= :through) OR e.max_id > r.max_event_id""")
			.param("zone", zone.getId())
			.param("mark", state.mark())
			.param("end", start(today, zone))
			.param("through", (state.closedThrough() != null) ? state.closedThrough() : NONE)
			.query(LocalDate.class)
			.list());
	}

	private long maxId() {
		return this.jdbc.sql("SELECT coalesce(max(id), 0) FROM traffic_event").query(Long.class).single();
	}

	private State state() {
		return this.jdbc.sql("SELECT time_zone, closed_through, mark FROM traffic_rollup_state WHERE id = 1")
			.query((rs, n) -> new State(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.single();
	}

	private State lock() {
		return this.jdbc.sql("SELECT time_zone, closed_through, mark FROM traffic_rollup_state WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new State(rs.getString(1), rs.getObject(2, LocalDate.class), rs.getLong(3)))
			.single();
	}

	static Timestamp start(LocalDate day, ZoneId zone) {
		return Timestamp.from(day.atStartOfDay(zone).toInstant());
	}

	/**
	 * The rollups' state.
	 *
	 * @param timeZone the zone of their days, {@code null} before the first build
	 * @param closedThrough the last closed day rolled up
	 * @param mark the event id after which events are looked at for late ones
	 */
	private record State(String timeZone, LocalDate closedThrough, long mark) {

		boolean builtIn(ZoneId zone) {
			return zone.getId().equals(this.timeZone) && this.closedThrough != null;
		}

		boolean upToDate(ZoneId zone, LocalDate today) {
			return builtIn(zone) && this.closedThrough.equals(today.minusDays(1));
		}

	}

	/**
	 * Rollups that hold every day before {@code today}, in {@code zone}.
	 *
	 * @param zone the shop's time zone
	 * @param today today there
	 */
	record Closed(ZoneId zone, LocalDate today) {

		LocalDate lastClosed() {
			return this.today.minusDays(1);
		}

	}

}
