package io.shopops.growth.traffic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;

import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's traffic: 90 days of events of the demo site with the demo orders' rhythm, a
 * funnel that narrows, the own-site orders' sources, seeded once. It is seeded here in
 * 2019 so that it stays out of the days other tests look at.
 */
@SpringBootTest
class DemoTrafficTests {

	@Autowired
	Sites sites;

	@Autowired
	TrafficEvents events;

	@Autowired
	ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSpikeIs11NovemberWithinTheDaysElseThirtyDaysAgo() {
		assertThat(DemoTraffic.spikeDay(LocalDate.of(2026, 12, 2))).isEqualTo(LocalDate.of(2026, 11, 11));
		assertThat(DemoTraffic.spikeDay(LocalDate.of(2027, 6, 1))).isEqualTo(LocalDate.of(2027, 5, 2));
	}

	@Test
	void weekendsAndTheSpikeBringMoreVisitors() {
		Random random = new Random(3);
		LocalDate spike = LocalDate.of(2026, 11, 11);
		double weekday = 0;
		double weekend = 0;
		for (int i = 0; i < 200; i++) {
			weekday += DemoTraffic.visitorsOn(LocalDate.of(2026, 11, 4), spike, 10, random);
			weekend += DemoTraffic.visitorsOn(LocalDate.of(2026, 11, 7), spike, 10, random);
		}
		assertThat(LocalDate.of(2026, 11, 7).getDayOfWeek()).isEqualTo(DayOfWeek.SATURDAY);
		assertThat(weekend / weekday).isBetween(1.2, 1.4);
		assertThat(DemoTraffic.visitorsOn(spike, spike, 10, new Random(1)))
			.isGreaterThan(2 * DemoTraffic.visitorsOn(LocalDate.of(2026, 11, 4), spike, 10, new Random(1)));
	}

	@Test
	void ninetyDaysOfANarrowingFunnelAreSeededOnce() {
		DemoTraffic demo = new DemoTraffic(this.sites, this.events, this.settings, this.jdbc);
		ZoneId zone = this.settings.current().timeZone();
		Instant now = LocalDate.of(2019, 6, 30).atTime(23, 0).atZone(zone).toInstant();
		long stored = demo.seed(now);
		assertThat(stored).isGreaterThan(50_000);
		long site = this.sites.list()
			.stream()
			.filter((s) -> s.origin().equals(DemoTraffic.ORIGIN))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(demo.seed(now)).isZero();
		assertThat(count("SELECT count(*) FROM traffic_event WHERE site_id = ?", site)).isEqualTo(stored);

		List<LocalDate> days = this.jdbc
			.sql("SELECT DISTINCT (occurred_at AT TIME ZONE ?)::date FROM traffic_event WHERE site_id = ? ORDER BY 1")
			.params(zone.getId(), site)
			.query(LocalDate.class)
			.list();
		assertThat(days).hasSize(DemoTraffic.DAYS);
		assertThat(days.get(days.size() - 1)).isEqualTo(LocalDate.of(2019, 6, 30));

		Map<String, Long> visitors = this.jdbc
			.sql("SELECT type, count(DISTINCT visitor_id) FROM traffic_event WHERE site_id = ? GROUP BY type")
			.param(site)
			.query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
		assertThat(visitors.get("page_view")).isGreaterThan(visitors.get("product_view"));
		assertThat(visitors.get("product_view")).isGreaterThan(visitors.get("add_to_cart"));
		assertThat(visitors.get("add_to_cart")).isGreaterThan(visitors.get("checkout"));
		assertThat(visitors.get("checkout")).isPositive();

		List<String> sources = this.jdbc
			.sql("SELECT DISTINCT traffic_source FROM traffic_event WHERE site_id = ? ORDER BY 1")
			.param(site)
			.query(String.class)
			.list();
		assertThat(sources).contains("DIRECT", "SEARCH", "PAID", "SOCIAL");
		assertThat(count("SELECT count(*) FROM traffic_event WHERE site_id = ? AND utm_campaign = 'winter-2026'", site))
			.isPositive();
	}

	private long count(String sql, long site) {
		return this.jdbc.sql(sql).param(site).query(Long.class).single();
	}

}
