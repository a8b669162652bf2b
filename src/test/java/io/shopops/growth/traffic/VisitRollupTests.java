package io.shopops.growth.traffic;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

import io.shopops.dashboard.TrafficFigures.Funnel;
import io.shopops.dashboard.TrafficFigures.Visits;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The traffic rollups against the events themselves: random visitors over the last weeks
 * and today, every range's UV and PV read through the rollups equal to a distinct count
 * over the events, before and after late events for closed days.
 */
// the jobs wait, so that the test decides when the rollups run
@SpringBootTest(properties = { "shopops.traffic.rollup-delay=PT1H", "shopops.traffic.reconcile-delay=PT1H" })
class VisitRollupTests {

	@Autowired
	VisitRollup rollup;

	@Autowired
	CollectedTrafficFigures figures;

	@Autowired
	Sites sites;

	@Autowired
	ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void rangesReadFromTheRollupsEqualDistinctCountsOverTheEvents() {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		String handle = UUID.randomUUID().toString().substring(0, 8);
		Sites.Site site = this.sites.create("Rollup " + handle, "https://" + handle + ".rollup.example");
		Random random = new Random(20261203);
		// an event long before, so that collection covers every day the ranges ask (as in
		// a shop that collects)
		insert(site, handle + "-first", LocalDate.of(2019, 1, 2), random, zone);
		for (int i = 0; i < 1_500; i++) {
			LocalDate day = today.minusDays(random.nextInt(21));
			insert(site, handle + "-v" + random.nextInt(300), day, random, zone);
		}
		this.rollup.refresh();
		assertThat(this.rollup.current()).isPresent();
		assertRangesMatch(today, zone, random);

		// late events for closed days: counted from the events until the job rolls them
		// up
		for (int i = 0; i < 40; i++) {
			insert(site, handle + "-late" + random.nextInt(50), today.minusDays(1 + random.nextInt(20)), random, zone);
		}
		assertThat(this.rollup.current()).isEmpty();
		assertRangesMatch(today, zone, random);
		this.rollup.refresh();
		assertThat(this.rollup.current()).isPresent();
		assertRangesMatch(today, zone, random);
		assertThat(this.rollup.reconcile()).isZero();
	}

	@Test
	void theReconciliationRollsUpADayWhoseEventsChangedUnseen() {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		String handle = UUID.randomUUID().toString().substring(0, 8);
		Sites.Site site = this.sites.create("Reconcile " + handle, "https://" + handle + ".rollup.example");
		Random random = new Random(7);
		insert(site, handle + "-first", LocalDate.of(2019, 1, 2), random, zone);
		insert(site, handle + "-a", today.minusDays(3), random, zone);
		this.rollup.refresh();
		// an event the rollups cannot see as new: its id is below the mark
		this.jdbc.sql("UPDATE traffic_rollup_state SET mark = (SELECT max(id) FROM traffic_event) WHERE id = 1")
			.update();
		this.jdbc.sql("UPDATE traffic_day SET events = events - 1 WHERE day = :day")
			.param("day", today.minusDays(3))
			.update();
		assertThat(this.rollup.reconcile()).isEqualTo(1);
		assertThat(this.rollup.reconcile()).isZero();
		assertRangesMatch(today, zone, random);
	}

	private void assertRangesMatch(LocalDate today, ZoneId zone, Random random) {
		for (int i = 0; i < 25; i++) {
			LocalDate from = today.minusDays(random.nextInt(25));
			LocalDate to = from.plusDays(random.nextInt(30));
			Optional<Visits> visits = this.figures.visits(from, to, null);
			assertThat(visits).as("%s..%s", from, to).contains(truth(from, to, zone));
			assertThat(this.figures.funnel(from, to)).as("funnel %s..%s", from, to).contains(funnel(from, to, zone));
			Map<LocalDate, Optional<Visits>> days = this.figures.dailyVisits(from, to, null);
			for (Map.Entry<LocalDate, Optional<Visits>> day : days.entrySet()) {
				if (!day.getKey().isAfter(today)) {
					assertThat(day.getValue()).as("%s", day.getKey()).contains(truth(day.getKey(), day.getKey(), zone));
				}
			}
		}
	}

	private Visits truth(LocalDate from, LocalDate to, ZoneId zone) {
		return this.jdbc.sql("""
				SELECT count(DISTINCT visitor_id), count(*) FROM traffic_event
				WHERE occurred_at >= :start AND occurred_at < :end AND type IN ('page_view', 'product_view')""")
			.param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new Visits(rs.getLong(1), rs.getLong(2)))
			.single();
	}

	private Funnel funnel(LocalDate from, LocalDate to, ZoneId zone) {
		return this.jdbc.sql("""
				SELECT count(DISTINCT visitor_id),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'product_view'),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'add_to_cart'),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'checkout')
				FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end""")
			.param("start", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("end", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	private void insert(Sites.Site site, String visitor, LocalDate day, Random random, ZoneId zone) {
		Instant start = day.atStartOfDay(zone).toInstant();
		Instant at = start.plusSeconds(random.nextInt(86_400));
		if (at.isAfter(Instant.now())) {
			at = Instant.now().minusSeconds(1);
		}
		String[] types = { "page_view", "product_view", "add_to_cart", "checkout" };
		this.jdbc.sql("""
				INSERT INTO traffic_event (site_id, type, visitor_id, occurred_at, traffic_source)
				VALUES (:site, :type, :visitor, :at, 'DIRECT')""")
			.param("site", site.id())
			.param("type", types[random.nextInt(types.length)])
			.param("visitor", visitor)
			.param("at", Timestamp.from(at))
			.update();
	}

}
