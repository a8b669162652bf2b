package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import io.shopops.dashboard.TrafficFigures;
import io.shopops.dashboard.TrafficFigures.Funnel;
import io.shopops.dashboard.TrafficFigures.Visits;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The KPI page's UV and PV from collected events: distinct visitors over the whole range,
 * page and product views counted, days at the shop's midnight, unknown outside what
 * collection covers and for a sales channel.
 */
@SpringBootTest
class CollectedTrafficFiguresTests {

	@Autowired
	TrafficFigures figures;

	@Autowired
	Sites sites;

	@Autowired
	TrafficEvents events;

	@Autowired
	ShopSettings settings;

	@Test
	void visitorsAreDistinctOverTheRangeAndViewsCountPagesAndProducts() {
		assertThat(this.figures).isInstanceOf(CollectedTrafficFigures.class);
		String handle = UUID.randomUUID().toString().substring(0, 8);
		Sites.Site site = this.sites.create("Figures " + handle, "https://" + handle + ".figures.example");
		LocalDate day = LocalDate.of(2017, 3, 1);
		String a = "fig-a-" + handle;
		String b = "fig-b-" + handle;
		this.events.store(site,
				List.of(event("page_view", a, day, 9), event("product_view", a, day, 10),
						event("add_to_cart", a, day, 11), event("checkout", b, day, 12),
						event("page_view", b, day.plusDays(1), 0), event("product_view", a, day.plusDays(1), 8),
						// 23:30 on the second day in the shop's zone: still the second
						// day
						event("page_view", b, day.plusDays(1), 23), event("page_view", b, day.plusDays(3), 12)));

		assertThat(this.figures.visits(day, day, null)).contains(new Visits(1, 2));
		assertThat(this.figures.visits(day.plusDays(1), day.plusDays(1), null)).contains(new Visits(2, 3));
		assertThat(this.figures.visits(day, day.plusDays(1), null)).contains(new Visits(2, 5));
		// a day that collection covers but without events is a known zero; days before
		// the
		// first event or after the last are unknown
		assertThat(this.figures.visits(day.plusDays(2), day.plusDays(2), null)).contains(new Visits(0, 0));
		assertThat(this.figures.visits(day.minusDays(4000), day.minusDays(4000), null)).isEmpty();
		assertThat(this.figures.visits(LocalDate.of(2040, 1, 1), LocalDate.of(2040, 1, 2), null)).isEmpty();
		assertThat(this.figures.visits(day, day, "TMALL")).isEmpty();
		// the daily figures in one query say what asking day by day says
		for (LocalDate from : List.of(day.minusDays(4000), day.minusDays(2), LocalDate.of(2039, 12, 30))) {
			java.util.Map<LocalDate, java.util.Optional<Visits>> daily = this.figures.dailyVisits(from,
					from.plusDays(6), null);
			assertThat(daily).hasSize(7);
			daily.forEach((d, v) -> assertThat(v).as(d.toString()).isEqualTo(this.figures.visits(d, d, null)));
		}
		assertThat(this.figures.dailyVisits(day, day.plusDays(1), "TMALL").values())
			.allMatch(java.util.Optional::isEmpty);
	}

	@Test
	void theFunnelCountsDistinctVisitorsAtEachStepOverTheRange() {
		String handle = UUID.randomUUID().toString().substring(0, 8);
		Sites.Site site = this.sites.create("Funnel " + handle, "https://" + handle + ".funnel.example");
		LocalDate day = LocalDate.of(2016, 8, 10);
		String a = "fun-a-" + handle;
		String b = "fun-b-" + handle;
		String c = "fun-c-" + handle;
		this.events.store(site,
				List.of(event("page_view", a, day, 9), event("product_view", a, day, 10),
						event("product_view", a, day, 11), event("add_to_cart", a, day, 12),
						event("page_view", b, day, 9), event("product_view", b, day, 13),
						// a checkout without a tracked cart still counts at its step
						event("checkout", c, day, 14), event("add_to_cart", b, day.plusDays(1), 8),
						event("checkout", a, day.plusDays(1), 9)));

		assertThat(this.figures.funnel(day, day)).contains(new Funnel(3, 2, 1, 1));
		assertThat(this.figures.funnel(day.plusDays(1), day.plusDays(1))).contains(new Funnel(2, 0, 1, 1));
		// distinct over the range: a checks out on both days, b adds to cart on the
		// second
		assertThat(this.figures.funnel(day, day.plusDays(1))).contains(new Funnel(3, 2, 2, 2));
		assertThat(this.figures.funnel(day.minusDays(4000), day.minusDays(4000))).isEmpty();
		assertThat(this.figures.funnel(LocalDate.of(2040, 1, 1), LocalDate.of(2040, 1, 2))).isEmpty();
	}

	private CollectedEvent event(String type, String visitor, LocalDate day, int hour) {
		ZoneId zone = this.settings.current().timeZone();
		return new CollectedEvent(type, visitor, visitor + "-s", "https://figures.example/", null, null, null, null,
				null, null, null, day.atTime(hour, 30).atZone(zone).toInstant());
	}

}
