package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import io.shopops.dashboard.SkuDays.SkuFigures;
import io.shopops.dashboard.SkuDays.SkuKey;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.SalesPlatform;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Keeps the dashboard's facts and rollups from the events, one order or refund at a time:
 * idempotent (an event delivered again, or another event of the same order, changes
 * nothing), and an order whose payment time, amount, channel or buyer changed moves its
 * contribution from the old day to the new one. Days are local days in the time zone the
 * rollups are kept in ({@code kpi_rollup_state}); when the shop's time zone changes,
 * {@link #rebuild(ZoneId)} recomputes everything in the new one. The lines of orders and
 * refunds also feed the rollup per day, channel and SKU ({@link SkuDays}) in the same
 * transaction.
 */
@Service
class KpiRollups {

	private final JdbcClient jdbc;

	private final SkuDays skuDays;

	private final BuyerSpans spans;

	private final BreakdownDays breakdownDays;

	KpiRollups(JdbcClient jdbc, SkuDays skuDays, BuyerSpans spans, BreakdownDays breakdownDays) {
		this.jdbc = jdbc;
		this.skuDays = skuDays;
		this.spans = spans;
		this.breakdownDays = breakdownDays;
	}

	/**
	 * The time zone the rollups' days are in.
	 */
	ZoneId zone() {
		return ZoneId
			.of(this.jdbc.sql("SELECT time_zone FROM kpi_rollup_state WHERE id = 1").query(String.class).single());
	}

	/**
	 * When the rollups were last rebuilt, empty if never.
	 */
	Optional<Instant> rebuiltAt() {
		return this.jdbc.sql("SELECT rebuilt_at FROM kpi_rollup_state WHERE id = 1")
			.query((rs, row) -> Optional.ofNullable(rs.getTimestamp(1)).map(Timestamp::toInstant))
			.single();
	}

	/**
	 * Whether the buyer spans ({@link BuyerSpans}) were built: false after the migration
	 * that added them to a database with facts, until the next rebuild.
	 */
	boolean spansBuilt() {
		return this.jdbc.sql("SELECT spans_built FROM kpi_rollup_state WHERE id = 1").query(Boolean.class).single();
	}

	/**
	 * Records what an order event says about the order, if it was paid.
	 * @return whether the rollups changed
	 */
	@Transactional
	public boolean recordOrder(OrderSnapshot order) {
		ZoneId zone = lockedZone(false);
		recordPlaced(order, zone);
		if (order.times().paidAt() == null) {
			return false;
		}
		// the database keeps microseconds
		Instant paidAt = order.times().paidAt().truncatedTo(ChronoUnit.MICROS);
		Fact fact = new Fact(order.id(), order.channelCode(), BuyerKey.of(order), paidAt,
				LocalDate.ofInstant(paidAt, zone), order.paidAmount().setScale(2, java.math.RoundingMode.HALF_UP));
		Fact old = fact(order.id());
		Paid paid = recordPaid(order, fact, old);
		if (paid.changed()) {
			this.spans.changed(fact, paid.previous());
		}
		// the fact is locked now: the lines read are those the last event of the order
		// left
		Map<SkuKey, SkuFigures> before = (paid.previous() != null) ? recordedLines(paid.previous()) : Map.of();
		// the content piece and campaign the fact had (none when it is new)
		String[] codes = this.jdbc.sql("SELECT content_code, utm_campaign FROM kpi_order_fact WHERE order_id = :id")
			.param("id", order.id())
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.single();
		Map<BreakdownDays.SourceKey, BigDecimal[]> sources = new java.util.HashMap<>();
		if (paid.previous() != null) {
			Fact previous = paid.previous();
			BreakdownDays.source(previous.day(), previous.channel(), previous.amount(), codes[0], codes[1], -1,
					sources);
		}
		BreakdownDays.source(fact.day(), fact.channel(), fact.amount(), order.contentCode(),
				(order.utm() != null) ? order.utm().campaign() : null, 1, sources);
		recordDetails(order);
		this.breakdownDays.applySources(sources);
		this.skuDays.apply(before, SkuDays.lines(fact.day(), fact.channel(), order.lines()));
		return paid.changed();
	}

	/**
	 * Records a batch of orders (imported history) in one transaction, with the result of
	 * {@link #recordOrder} for each in turn. A batch none of whose orders the rollups
	 * know yet (the import's case) is recorded set-based, in a fixed number of
	 * statements; one delivered again, or meeting orders recorded before, goes order by
	 * order.
	 * @param orders the orders from one event
	 * @return how many changed the rollups
	 */
	@Transactional
	public int recordOrders(List<OrderSnapshot> orders) {
		// the rollups to this batch alone, as for a rebuild: batches and single orders
		// touch the same day and SKU rows in different orders, which deadlocked; the SKU
		// titles are then taken in SKU order. A batch resubmitted while the first
		// delivery
		// still runs waits here, then finds its orders known and changes nothing.
		ZoneId zone = lockedZone(true);
		Map<String, String> titles = new java.util.TreeMap<>();
		for (OrderSnapshot order : orders) {
			if (order.times().paidAt() != null && order.lines() != null) {
				order.lines().forEach((line) -> titles.put(line.sku(), line.title()));
			}
		}
		if (!titles.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO kpi_sku_title (sku, title)
					SELECT * FROM unnest(:skus::text[], :titles::text[]) ORDER BY 1
					ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title
					WHERE kpi_sku_title.title IS DISTINCT FROM EXCLUDED.title""")
				.param("skus", titles.keySet().toArray(String[]::new))
				.param("titles", titles.values().toArray(String[]::new))
				.update();
		}
		Set<Long> known = known(orders);
		if (known == null) {
			// an order twice in the batch: one after the other, as the events would
			return recordEach(orders);
		}
		List<OrderSnapshot> fresh = orders.stream().filter((o) -> !known.contains(o.id())).toList();
		int changed = fresh.isEmpty() ? 0 : recordNew(fresh, zone);
		if (fresh.size() == orders.size()) {
			return changed;
		}
		// known orders (a batch delivered again, e.g. resubmitted by the catch-up while
		// still queued): those whose facts already say what the snapshot says change
		// nothing, the others go one by one
		Set<Long> same = unchanged(orders.stream().filter((o) -> known.contains(o.id())).toList(), zone);
		changed += recordEach(orders.stream().filter((o) -> known.contains(o.id()) && !same.contains(o.id())).toList());
		if (!titles.isEmpty()) {
			// the single path wrote its orders' titles: the batch's last title per SKU
			// wins,
			// as one by one
			this.jdbc.sql("""
					INSERT INTO kpi_sku_title (sku, title)
					SELECT * FROM unnest(:skus::text[], :titles::text[]) ORDER BY 1
					ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title
					WHERE kpi_sku_title.title IS DISTINCT FROM EXCLUDED.title""")
				.param("skus", titles.keySet().toArray(String[]::new))
				.param("titles", titles.values().toArray(String[]::new))
				.update();
		}
		return changed;
	}

	private int recordEach(List<OrderSnapshot> orders) {
		int changed = 0;
		for (OrderSnapshot order : orders) {
			if (recordOrder(order)) {
				changed++;
			}
		}
		return changed;
	}

	/**
	 * The orders of the batch that have a placed or a paid fact already, {@code null}
	 * when an order is in the batch twice.
	 */
	private Set<Long> known(List<OrderSnapshot> orders) {
		Long[] ids = orders.stream().map(OrderSnapshot::id).distinct().toArray(Long[]::new);
		if (ids.length != orders.size()) {
			return null;
		}
		return new HashSet<>(this.jdbc.sql("""
				SELECT order_id FROM kpi_placed_fact WHERE order_id = ANY (:ids::bigint[])
				UNION SELECT order_id FROM kpi_order_fact WHERE order_id = ANY (:ids::bigint[])""")
			.param("ids", ids)
			.query(Long.class)
			.list());
	}

	/**
	 * The known orders whose placed fact, paid fact and line facts already hold what
	 * {@link #recordOrder} would write for them, so that recording them changes nothing.
	 */
	private Set<Long> unchanged(List<OrderSnapshot> orders, ZoneId zone) {
		Long[] ids = orders.stream().map(OrderSnapshot::id).toArray(Long[]::new);
		Map<Long, BreakdownDays.Placed> placed = new java.util.HashMap<>();
		this.jdbc.sql(
				"SELECT order_id, own_site, placed_at, paid_at FROM kpi_placed_fact WHERE order_id = ANY (:ids::bigint[])")
			.param("ids", ids)
			.query((rs, n) -> placed.put(rs.getLong(1),
					new BreakdownDays.Placed(rs.getBoolean(2), rs.getTimestamp(3).toInstant(),
							(rs.getTimestamp(4) != null) ? rs.getTimestamp(4).toInstant() : null)))
			.list();
		Map<Long, Fact> facts = new java.util.HashMap<>();
		Map<Long, List<String>> codes = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT order_id, channel_code, buyer_key, paid_at, pay_day, paid_amount, content_code, utm_campaign
				FROM kpi_order_fact WHERE order_id = ANY (:ids::bigint[])""").param("ids", ids).query((rs, n) -> {
			codes.put(rs.getLong(1), java.util.Arrays.asList(rs.getString(7), rs.getString(8)));
			return facts.put(rs.getLong(1), new Fact(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6)));
		}).list();
		Map<Long, List<String>> lines = new java.util.HashMap<>();
		this.jdbc.sql("""
				SELECT order_id, sku, title, quantity, amount FROM kpi_order_line_fact
				WHERE order_id = ANY (:ids::bigint[]) ORDER BY order_id, line_no""")
			.param("ids", ids)
			.query((rs, n) -> lines.computeIfAbsent(rs.getLong(1), (k) -> new ArrayList<>())
				.add(line(rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBigDecimal(5))))
			.list();
		Set<Long> same = new HashSet<>();
		for (OrderSnapshot order : orders) {
			if (order.times().placedAt() == null) {
				continue;
			}
			Instant paidAt = (order.times().paidAt() != null) ? order.times().paidAt().truncatedTo(ChronoUnit.MICROS)
					: null;
			BreakdownDays.Placed now = new BreakdownDays.Placed(order.platform() == SalesPlatform.OWN_SITE,
					order.times().placedAt().truncatedTo(ChronoUnit.MICROS), paidAt);
			if (!now.sameAs(placed.get(order.id()))) {
				continue;
			}
			if (paidAt == null) {
				same.add(order.id());
				continue;
			}
			Fact fact = new Fact(order.id(), order.channelCode(), BuyerKey.of(order), paidAt,
					LocalDate.ofInstant(paidAt, zone), order.paidAmount().setScale(2, RoundingMode.HALF_UP));
			Fact old = facts.get(order.id());
			List<String> want = new ArrayList<>();
			for (OrderSnapshot.Line line : (order.lines() != null) ? order.lines() : List.<OrderSnapshot.Line>of()) {
				want.add(line(line.sku(), line.title(), line.quantity(), line.amount()));
			}
			List<String> sources = java.util.Arrays.asList(order.contentCode(),
					(order.utm() != null) ? order.utm().campaign() : null);
			if (old != null && old.sameAs(fact) && sources.equals(codes.get(order.id()))
					&& want.equals(lines.getOrDefault(order.id(), List.of()))) {
				same.add(order.id());
			}
		}
		return same;
	}

	private static String line(String sku, String title, int quantity, BigDecimal amount) {
		return sku + '\u0000' + title + '\u0000' + quantity + '\u0000'
				+ amount.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/**
	 * Records orders the rollups do not know yet, as {@link #recordOrder} would one after
	 * the other: facts, lines and placed facts inserted in one statement each, the day,
	 * buyer, source and SKU rollups moved by the batch's sums, the buyers' first orders
	 * and spans recomputed once per buyer. Runs under the exclusive rollup lock.
	 * @return how many orders were paid (each of them changed the rollups)
	 */
	private int recordNew(List<OrderSnapshot> orders, ZoneId zone) {
		List<OrderSnapshot> placedOrders = new ArrayList<>();
		List<BreakdownDays.Placed> placed = new ArrayList<>();
		List<OrderSnapshot> paidOrders = new ArrayList<>();
		List<Fact> facts = new ArrayList<>();
		for (OrderSnapshot order : orders) {
			if (order.times().placedAt() == null) {
				continue;
			}
			Instant paidAt = (order.times().paidAt() != null) ? order.times().paidAt().truncatedTo(ChronoUnit.MICROS)
					: null;
			placedOrders.add(order);
			placed.add(new BreakdownDays.Placed(order.platform() == SalesPlatform.OWN_SITE,
					order.times().placedAt().truncatedTo(ChronoUnit.MICROS), paidAt));
			if (paidAt != null) {
				paidOrders.add(order);
				facts.add(new Fact(order.id(), order.channelCode(), BuyerKey.of(order), paidAt,
						LocalDate.ofInstant(paidAt, zone), order.paidAmount().setScale(2, RoundingMode.HALF_UP)));
			}
		}
		if (!placed.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO kpi_placed_fact (order_id, own_site, placed_at, paid_at)
					SELECT * FROM unnest(:ids::bigint[], :ownSite::boolean[], :placedAt::timestamptz[],
					  :paidAt::timestamptz[])""")
				.param("ids", placedOrders.stream().map(OrderSnapshot::id).toArray(Long[]::new))
				.param("ownSite", placed.stream().map(BreakdownDays.Placed::ownSite).toArray(Boolean[]::new))
				.param("placedAt", placed.stream().map((p) -> p.placedAt().toString()).toArray(String[]::new))
				.param("paidAt", placed.stream().map((p) -> text(p.paidAt())).toArray(String[]::new))
				.update();
			this.breakdownDays.placedAdded(placed, zone);
		}
		if (facts.isEmpty()) {
			return 0;
		}
		this.jdbc.sql("""
				INSERT INTO kpi_order_fact (order_id, channel_code, buyer_key, paid_at, pay_day, paid_amount,
				  content_code, utm_campaign)
				SELECT * FROM unnest(:ids::bigint[], :channels::text[], :buyers::text[], :paidAt::timestamptz[],
				  :days::date[], :amounts::numeric[], :contents::text[], :campaigns::text[])""")
			.param("ids", facts.stream().map(Fact::orderId).toArray(Long[]::new))
			.param("channels", facts.stream().map(Fact::channel).toArray(String[]::new))
			.param("buyers", facts.stream().map(Fact::buyerKey).toArray(String[]::new))
			.param("paidAt", facts.stream().map((f) -> f.paidAt().toString()).toArray(String[]::new))
			.param("days", facts.stream().map((f) -> f.day().toString()).toArray(String[]::new))
			.param("amounts", facts.stream().map((f) -> f.amount().toPlainString()).toArray(String[]::new))
			.param("contents", paidOrders.stream().map(OrderSnapshot::contentCode).toArray(String[]::new))
			.param("campaigns",
					paidOrders.stream()
						.map((o) -> (o.utm() != null) ? o.utm().campaign() : null)
						.toArray(String[]::new))
			.update();
		addDays(facts);
		refreshFirsts(facts);
		this.spans.added(facts);
		Map<BreakdownDays.SourceKey, BigDecimal[]> sources = new java.util.HashMap<>();
		Map<SkuKey, SkuFigures> sold = new java.util.HashMap<>();
		List<Long> lineOrders = new ArrayList<>();
		List<Integer> lineNumbers = new ArrayList<>();
		List<OrderSnapshot.Line> lines = new ArrayList<>();
		for (int i = 0; i < facts.size(); i++) {
			Fact fact = facts.get(i);
			OrderSnapshot order = paidOrders.get(i);
			BreakdownDays.source(fact.day(), fact.channel(), fact.amount(), order.contentCode(),
					(order.utm() != null) ? order.utm().campaign() : null, 1, sources);
			List<OrderSnapshot.Line> orderLines = (order.lines() != null) ? order.lines() : List.of();
			for (int n = 0; n < orderLines.size(); n++) {
				lineOrders.add(order.id());
				lineNumbers.add(n);
				lines.add(orderLines.get(n));
			}
			SkuDays.lines(fact.day(), fact.channel(), order.lines())
				.forEach((key, figures) -> sold.merge(key, figures, SkuFigures::plus));
		}
		if (!lines.isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO kpi_order_line_fact (order_id, line_no, sku, title, quantity, amount)
					SELECT * FROM unnest(:ids::bigint[], :numbers::int[], :skus::text[], :titles::text[],
					  :quantities::int[], :amounts::numeric[])""")
				.param("ids", lineOrders.toArray(Long[]::new))
				.param("numbers", lineNumbers.toArray(Integer[]::new))
				.param("skus", lines.stream().map(OrderSnapshot.Line::sku).toArray(String[]::new))
				.param("titles", lines.stream().map(OrderSnapshot.Line::title).toArray(String[]::new))
				.param("quantities", lines.stream().map(OrderSnapshot.Line::quantity).toArray(Integer[]::new))
				.param("amounts",
						lines.stream()
							.map((l) -> l.amount().setScale(2, RoundingMode.HALF_UP).toPlainString())
							.toArray(String[]::new))
				.update();
		}
		this.breakdownDays.applySources(sources);
		this.skuDays.add(sold);
		return facts.size();
	}

	/**
	 * Adds new facts to the day and the buyer-day rollups, summed per row, as
	 * {@link #add} does for each.
	 */
	private void addDays(List<Fact> facts) {
		Map<List<String>, BigDecimal[]> days = new java.util.TreeMap<>(KpiRollups::compareKeys);
		Map<List<String>, Integer> buyerDays = new java.util.TreeMap<>(KpiRollups::compareKeys);
		for (Fact fact : facts) {
			BigDecimal[] day = days.computeIfAbsent(List.of(fact.day().toString(), fact.channel()),
					(k) -> new BigDecimal[] { BigDecimal.ZERO, BigDecimal.ZERO });
			day[0] = day[0].add(BigDecimal.ONE);
			day[1] = day[1].add(fact.amount());
			buyerDays.merge(List.of(fact.day().toString(), fact.channel(), fact.buyerKey()), 1, Integer::sum);
		}
		this.jdbc.sql("""
				INSERT INTO kpi_day (day, channel_code, paid_orders, gmv)
				SELECT u.day, u.channel, u.orders, u.gmv
				FROM unnest(:days::date[], :channels::text[], :orders::int[], :gmv::numeric[]) WITH ORDINALITY
				  AS u (day, channel, orders, gmv, n) ORDER BY u.n
				ON CONFLICT (day, channel_code) DO UPDATE
				SET paid_orders = kpi_day.paid_orders + EXCLUDED.paid_orders, gmv = kpi_day.gmv + EXCLUDED.gmv""")
			.param("days", days.keySet().stream().map((k) -> k.get(0)).toArray(String[]::new))
			.param("channels", days.keySet().stream().map((k) -> k.get(1)).toArray(String[]::new))
			.param("orders", days.values().stream().map((v) -> v[0].intValueExact()).toArray(Integer[]::new))
			.param("gmv", days.values().stream().map((v) -> v[1].toPlainString()).toArray(String[]::new))
			.update();
		this.jdbc.sql("""
				INSERT INTO kpi_buyer_day (day, channel_code, buyer_key, paid_orders)
				SELECT u.day, u.channel, u.buyer, u.orders
				FROM unnest(:days::date[], :channels::text[], :buyers::text[], :orders::int[]) WITH ORDINALITY
				  AS u (day, channel, buyer, orders, n) ORDER BY u.n
				ON CONFLICT (day, channel_code, buyer_key) DO UPDATE
				SET paid_orders = kpi_buyer_day.paid_orders + EXCLUDED.paid_orders""")
			.param("days", buyerDays.keySet().stream().map((k) -> k.get(0)).toArray(String[]::new))
			.param("channels", buyerDays.keySet().stream().map((k) -> k.get(1)).toArray(String[]::new))
			.param("buyers", buyerDays.keySet().stream().map((k) -> k.get(2)).toArray(String[]::new))
			.param("orders", buyerDays.values().toArray(Integer[]::new))
			.update();
	}

	private static int compareKeys(List<String> a, List<String> b) {
		for (int i = 0; i < a.size(); i++) {
			int c = a.get(i).compareTo(b.get(i));
			if (c != 0) {
				return c;
			}
		}
		return 0;
	}

	/**
	 * Sets the first paid orders of the facts' buyers from the facts, as
	 * {@link #refreshFirst} does for each; facts were only added, so no buyer loses its
	 * first order.
	 */
	private void refreshFirsts(List<Fact> facts) {
		this.jdbc.sql("""
				INSERT INTO kpi_buyer_first (buyer_key, first_paid_at, first_order_id, first_day)
				SELECT DISTINCT ON (buyer_key) buyer_key, paid_at, order_id, pay_day FROM kpi_order_fact
				WHERE buyer_key = ANY (:keys::text[])
				ORDER BY buyer_key, paid_at, order_id
				ON CONFLICT (buyer_key) DO UPDATE SET first_paid_at = EXCLUDED.first_paid_at,
				first_order_id = EXCLUDED.first_order_id, first_day = EXCLUDED.first_day
				WHERE (kpi_buyer_first.first_paid_at, kpi_buyer_first.first_order_id, kpi_buyer_first.first_day)
				IS DISTINCT FROM (EXCLUDED.first_paid_at, EXCLUDED.first_order_id, EXCLUDED.first_day)""")
			.param("keys", facts.stream().map(Fact::buyerKey).distinct().sorted().toArray(String[]::new))
			.update();
	}

	private static String text(Instant at) {
		return (at != null) ? at.toString() : null;
	}

	/**
	 * What the order's recorded lines contributed to the SKU rollup, on the day and
	 * channel of its fact.
	 */
	private Map<SkuKey, SkuFigures> recordedLines(Fact fact) {
		Map<SkuKey, SkuFigures> figures = new java.util.HashMap<>();
		this.jdbc.sql("SELECT sku, quantity, amount FROM kpi_order_line_fact WHERE order_id = :id")
			.param("id", fact.orderId())
			.query((rs, n) -> figures.merge(new SkuKey(fact.day(), fact.channel(), rs.getString(1)),
					SkuFigures.sold(rs.getLong(2), rs.getBigDecimal(3)), SkuFigures::plus))
			.list();
		return SkuDays.ofOneOrder(figures);
	}

	/**
	 * Records the paid order's fact.
	 * @return whether it changed, and the fact as it was before, {@code null} when it is
	 * new
	 */
	private Paid recordPaid(OrderSnapshot order, Fact fact, Fact old) {
		if (old == null) {
			int inserted = this.jdbc.sql("""
					INSERT INTO kpi_order_fact (order_id, channel_code, buyer_key, paid_at, pay_day, paid_amount)
					VALUES (:id, :channel, :buyer, :paidAt, :day, :amount) ON CONFLICT (order_id) DO NOTHING""")
				.param("id", fact.orderId())
				.param("channel", fact.channel())
				.param("buyer", fact.buyerKey())
				.param("paidAt", Timestamp.from(fact.paidAt()))
				.param("day", fact.day())
				.param("amount", fact.amount())
				.update();
			if (inserted == 1) {
				add(fact, 1);
				refreshFirst(fact.buyerKey(), null);
				return new Paid(true, null);
			}
			old = fact(order.id());
		}
		if (old.sameAs(fact)) {
			return new Paid(false, old);
		}
		this.jdbc.sql("""
				UPDATE kpi_order_fact SET channel_code = :channel, buyer_key = :buyer, paid_at = :paidAt,
				pay_day = :day, paid_amount = :amount, recorded_at = now() WHERE order_id = :id""")
			.param("id", fact.orderId())
			.param("channel", fact.channel())
			.param("buyer", fact.buyerKey())
			.param("paidAt", Timestamp.from(fact.paidAt()))
			.param("day", fact.day())
			.param("amount", fact.amount())
			.update();
		add(old, -1);
		add(fact, 1);
		refreshFirst(old.buyerKey(), fact.buyerKey());
		return new Paid(true, old);
	}

	/**
	 * Keeps a paid order's content piece, campaign and lines for the breakdowns.
	 */
	private void recordDetails(OrderSnapshot order) {
		String campaign = (order.utm() != null) ? order.utm().campaign() : null;
		this.jdbc.sql("""
				UPDATE kpi_order_fact SET content_code = :content, utm_campaign = :campaign
				WHERE order_id = :id AND (content_code, utm_campaign) IS DISTINCT FROM (:content, :campaign)""")
			.param("id", order.id())
			.param("content", order.contentCode())
			.param("campaign", campaign)
			.update();
		List<OrderSnapshot.Line> lines = (order.lines() != null) ? order.lines() : List.of();
		for (int i = 0; i < lines.size(); i++) {
			OrderSnapshot.Line line = lines.get(i);
			this.jdbc.sql("""
					INSERT INTO kpi_order_line_fact (order_id, line_no, sku, title, quantity, amount)
					VALUES (:id, :no, :sku, :title, :quantity, :amount)
					ON CONFLICT (order_id, line_no) DO UPDATE SET sku = EXCLUDED.sku, title = EXCLUDED.title,
					  quantity = EXCLUDED.quantity, amount = EXCLUDED.amount""")
				.param("id", order.id())
				.param("no", i)
				.param("sku", line.sku())
				.param("title", line.title())
				.param("quantity", line.quantity())
				.param("amount", line.amount().setScale(2, java.math.RoundingMode.HALF_UP))
				.update();
			this.jdbc.sql("""
					INSERT INTO kpi_sku_title (sku, title) VALUES (:sku, :title)
					ON CONFLICT (sku) DO UPDATE SET title = EXCLUDED.title
					WHERE kpi_sku_title.title IS DISTINCT FROM EXCLUDED.title""")
				.param("sku", line.sku())
				.param("title", line.title())
				.update();
		}
		this.jdbc.sql("DELETE FROM kpi_order_line_fact WHERE order_id = :id AND line_no >= :count")
			.param("id", order.id())
			.param("count", lines.size())
			.update();
	}

	/**
	 * Keeps when and in which channel an order was placed, paid or not, for the funnel,
	 * and its counts per day.
	 */
	private void recordPlaced(OrderSnapshot order, ZoneId zone) {
		if (order.times().placedAt() == null) {
			return;
		}
		Instant paidAt = order.times().paidAt();
		BreakdownDays.Placed now = new BreakdownDays.Placed(order.platform() == SalesPlatform.OWN_SITE,
				order.times().placedAt().truncatedTo(ChronoUnit.MICROS),
				(paidAt != null) ? paidAt.truncatedTo(ChronoUnit.MICROS) : null);
		int inserted = this.jdbc.sql("""
				INSERT INTO kpi_placed_fact (order_id, own_site, placed_at, paid_at)
				VALUES (:id, :ownSite, :placedAt, :paidAt) ON CONFLICT (order_id) DO NOTHING""")
			.param("id", order.id())
			.param("ownSite", now.ownSite())
			.param("placedAt", Timestamp.from(now.placedAt()))
			.param("paidAt", (now.paidAt() != null) ? Timestamp.from(now.paidAt()) : null)
			.update();
		BreakdownDays.Placed before = null;
		if (inserted == 0) {
			before = this.jdbc.sql("""
					SELECT own_site, placed_at, paid_at FROM kpi_placed_fact WHERE order_id = :id FOR UPDATE""")
				.param("id", order.id())
				.query((rs, n) -> new BreakdownDays.Placed(rs.getBoolean(1), rs.getTimestamp(2).toInstant(),
						(rs.getTimestamp(3) != null) ? rs.getTimestamp(3).toInstant() : null))
				.single();
			if (now.sameAs(before)) {
				return;
			}
			this.jdbc.sql("""
					UPDATE kpi_placed_fact SET own_site = :ownSite, placed_at = :placedAt, paid_at = :paidAt,
					  recorded_at = now() WHERE order_id = :id""")
				.param("id", order.id())
				.param("ownSite", now.ownSite())
				.param("placedAt", Timestamp.from(now.placedAt()))
				.param("paidAt", (now.paidAt() != null) ? Timestamp.from(now.paidAt()) : null)
				.update();
		}
		this.breakdownDays.placedChanged(before, now, zone);
	}

	/**
	 * Records a completed refund on the day it was completed.
	 * @return whether the rollups changed
	 */
	@Transactional
	public boolean recordRefund(RefundCompleted refund) {
		ZoneId zone = lockedZone(false);
		Instant at = refund.at().truncatedTo(ChronoUnit.MICROS);
		LocalDate day = LocalDate.ofInstant(at, zone);
		BigDecimal amount = refund.amount().setScale(2, java.math.RoundingMode.HALF_UP);
		int inserted = this.jdbc.sql("""
				INSERT INTO kpi_refund_fact (request_id, order_id, channel_code, amount, refunded_at, refund_day)
				VALUES (:id, :order, :channel, :amount, :at, :day) ON CONFLICT (request_id) DO NOTHING""")
			.param("id", refund.requestId())
			.param("order", refund.orderId())
			.param("channel", refund.channelCode())
			.param("amount", amount)
			.param("at", Timestamp.from(at))
			.param("day", day)
			.update();
		if (inserted == 0) {
			return false;
		}
		Map<SkuKey, SkuFigures> lines = new java.util.HashMap<>();
		for (int i = 0; i < refund.lines().size(); i++) {
			RefundCompleted.Line line = refund.lines().get(i);
			BigDecimal lineAmount = line.amount().setScale(2, java.math.RoundingMode.HALF_UP);
			this.jdbc.sql("""
					INSERT INTO kpi_refund_line_fact (request_id, line_no, sku, quantity, amount)
					VALUES (:id, :no, :sku, :quantity, :amount)""")
				.param("id", refund.requestId())
				.param("no", i)
				.param("sku", line.sku())
				.param("quantity", line.quantity())
				.param("amount", lineAmount)
				.update();
			lines.merge(new SkuKey(day, refund.channelCode(), line.sku()),
					SkuFigures.refunded(line.quantity(), lineAmount), SkuFigures::plus);
		}
		this.skuDays.apply(Map.of(), lines);
		this.jdbc.sql("""
				INSERT INTO kpi_day (day, channel_code, refunds, refund_amount) VALUES (:day, :channel, 1, :amount)
				ON CONFLICT (day, channel_code) DO UPDATE
				SET refunds = kpi_day.refunds + 1, refund_amount = kpi_day.refund_amount + EXCLUDED.refund_amount""")
			.param("day", day)
			.param("channel", refund.channelCode())
			.param("amount", amount)
			.update();
		return true;
	}

	/**
	 * Recomputes every rollup from the facts, with the days in {@code zone}, which
	 * becomes the rollups' time zone. Blocks the listeners while it runs.
	 */
	@Transactional
	public void rebuild(ZoneId zone) {
		lockedZone(true);
		this.jdbc
			.sql("UPDATE kpi_rollup_state SET time_zone = :zone, rebuilt_at = now(), spans_built = true WHERE id = 1")
			.param("zone", zone.getId())
			.update();
		this.jdbc.sql("""
				UPDATE kpi_order_fact SET pay_day = (paid_at AT TIME ZONE :zone)::date
				WHERE pay_day IS DISTINCT FROM (paid_at AT TIME ZONE :zone)::date""")
			.param("zone", zone.getId())
			.update();
		this.jdbc.sql("""
				UPDATE kpi_refund_fact SET refund_day = (refunded_at AT TIME ZONE :zone)::date
				WHERE refund_day IS DISTINCT FROM (refunded_at AT TIME ZONE :zone)::date""")
			.param("zone", zone.getId())
			.update();
		this.jdbc.sql("DELETE FROM kpi_day").update();
		this.jdbc.sql("DELETE FROM kpi_buyer_day").update();
		this.jdbc.sql("DELETE FROM kpi_buyer_first").update();
		this.skuDays.rebuild();
		this.jdbc.sql("""
				INSERT INTO kpi_day (day, channel_code, paid_orders, gmv, refunds, refund_amount)
				SELECT day, channel_code, sum(paid_orders), sum(gmv), sum(refunds), sum(refund_amount) FROM (
				  SELECT pay_day AS day, channel_code, count(*) AS paid_orders, sum(paid_amount) AS gmv,
				         0 AS refunds, 0 AS refund_amount
				  FROM kpi_order_fact GROUP BY pay_day, channel_code
				  UNION ALL
				  SELECT refund_day, channel_code, 0, 0, count(*), sum(amount)
				  FROM kpi_refund_fact GROUP BY refund_day, channel_code) parts
				GROUP BY day, channel_code""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_buyer_day (day, channel_code, buyer_key, paid_orders)
				SELECT pay_day, channel_code, buyer_key, count(*) FROM kpi_order_fact
				GROUP BY pay_day, channel_code, buyer_key ORDER BY pay_day, channel_code, buyer_key""").update();
		this.jdbc.sql("""
				INSERT INTO kpi_buyer_first (buyer_key, first_paid_at, first_order_id, first_day)
				SELECT DISTINCT ON (buyer_key) buyer_key, paid_at, order_id, pay_day FROM kpi_order_fact
				ORDER BY buyer_key, paid_at, order_id""").update();
		this.spans.rebuild();
		this.breakdownDays.rebuild(zone);
		this.jdbc.sql("""
				INSERT INTO kpi_sku_title (sku, title) SELECT sku, max(title) FROM kpi_order_line_fact GROUP BY sku
				ON CONFLICT (sku) DO NOTHING""").update();
	}

	/**
	 * The rollups' time zone, locked against a rebuild (shared) or for one (exclusive).
	 */
	private ZoneId lockedZone(boolean exclusive) {
		String zone = this.jdbc
			.sql("SELECT time_zone FROM kpi_rollup_state WHERE id = 1 " + (exclusive ? "FOR UPDATE" : "FOR SHARE"))
			.query(String.class)
			.single();
		return ZoneId.of(zone);
	}

	private Fact fact(long orderId) {
		return this.jdbc.sql("""
				SELECT order_id, channel_code, buyer_key, paid_at, pay_day, paid_amount FROM kpi_order_fact
				WHERE order_id = :id FOR UPDATE""")
			.param("id", orderId)
			.query((rs, row) -> new Fact(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getTimestamp(4).toInstant(), rs.getDate(5).toLocalDate(), rs.getBigDecimal(6)))
			.optional()
			.orElse(null);
	}

	private void add(Fact fact, int sign) {
		BigDecimal amount = (sign < 0) ? fact.amount().negate() : fact.amount();
		this.jdbc.sql("""
				INSERT INTO kpi_day (day, channel_code, paid_orders, gmv) VALUES (:day, :channel, :orders, :amount)
				ON CONFLICT (day, channel_code) DO UPDATE
				SET paid_orders = kpi_day.paid_orders + EXCLUDED.paid_orders, gmv = kpi_day.gmv + EXCLUDED.gmv""")
			.param("day", fact.day())
			.param("channel", fact.channel())
			.param("orders", sign)
			.param("amount", amount)
			.update();
		if (sign > 0) {
			this.jdbc.sql("""
					INSERT INTO kpi_buyer_day (day, channel_code, buyer_key, paid_orders)
					VALUES (:day, :channel, :buyer, 1) ON CONFLICT (day, channel_code, buyer_key) DO UPDATE
					SET paid_orders = kpi_buyer_day.paid_orders + 1""")
				.param("day", fact.day())
				.param("channel", fact.channel())
				.param("buyer", fact.buyerKey())
				.update();
		}
		else {
			this.jdbc.sql("""
					DELETE FROM kpi_buyer_day
					WHERE day = :day AND channel_code = :channel AND buyer_key = :buyer AND paid_orders = 1""")
				.param("day", fact.day())
				.param("channel", fact.channel())
				.param("buyer", fact.buyerKey())
				.update();
			this.jdbc.sql("""
					UPDATE kpi_buyer_day SET paid_orders = paid_orders - 1
					WHERE day = :day AND channel_code = :channel AND buyer_key = :buyer AND paid_orders > 1""")
				.param("day", fact.day())
				.param("channel", fact.channel())
				.param("buyer", fact.buyerKey())
				.update();
		}
	}

	/**
	 * Sets the buyers' first paid orders from the facts. Each buyer is locked first, so
	 * that two orders of one buyer recorded at the same time both see each other's facts.
	 */
	private void refreshFirst(String buyerKey, String otherBuyerKey) {
		TreeSet<String> keys = new TreeSet<>();
		keys.add(buyerKey);
		if (otherBuyerKey != null) {
			keys.add(otherBuyerKey);
		}
		for (String key : keys) {
			this.jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended(:key, 20261202))")
				.param("key", key)
				.query((rs, row) -> 1)
				.list();
		}
		for (String key : keys) {
			int updated = this.jdbc.sql("""
					INSERT INTO kpi_buyer_first (buyer_key, first_paid_at, first_order_id, first_day)
					SELECT buyer_key, paid_at, order_id, pay_day FROM kpi_order_fact WHERE buyer_key = :key
					ORDER BY paid_at, order_id LIMIT 1
					ON CONFLICT (buyer_key) DO UPDATE SET first_paid_at = EXCLUDED.first_paid_at,
					first_order_id = EXCLUDED.first_order_id, first_day = EXCLUDED.first_day
					WHERE (kpi_buyer_first.first_paid_at, kpi_buyer_first.first_order_id, kpi_buyer_first.first_day)
					IS DISTINCT FROM (EXCLUDED.first_paid_at, EXCLUDED.first_order_id, EXCLUDED.first_day)""")
				.param("key", key)
				.update();
			if (updated == 0) {
				this.jdbc.sql("""
						DELETE FROM kpi_buyer_first f WHERE f.buyer_key = :key
						AND NOT EXISTS (SELECT 1 FROM kpi_order_fact o WHERE o.buyer_key = f.buyer_key)""")
					.param("key", key)
					.update();
			}
		}
	}

	/**
	 * What recording a paid order's fact did.
	 *
	 * @param changed whether the fact changed
	 * @param previous the fact before, {@code null} when it was new
	 */
	private record Paid(boolean changed, Fact previous) {
	}

	record Fact(long orderId, String channel, String buyerKey, Instant paidAt, LocalDate day, BigDecimal amount) {

		boolean sameAs(Fact other) {
			return this.channel.equals(other.channel) && this.buyerKey.equals(other.buyerKey)
					&& this.paidAt.equals(other.paidAt) && this.day.equals(other.day)
					&& this.amount.compareTo(other.amount) == 0;
		}

	}

}
