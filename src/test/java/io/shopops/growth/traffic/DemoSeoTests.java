package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo's SEO keywords: targets on the demo site, 60 days of ranks with a few missed
 * days that climb or slip as planned, seeded once. Seeded here in 2019 so that it stays
 * out of the days other tests look at.
 */
@SpringBootTest
class DemoSeoTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopSettings settings;

	@Autowired
	SeoKeywords keywords;

	@Test
	void theDemoKeywordsAreSeededOnceWithTheirRankHistory() {
		LocalDate today = LocalDate.of(2019, 6, 30);
		DemoSeo demo = new DemoSeo(this.jdbc, this.settings);
		long stored = demo.seed(today);
		assertThat(stored).isBetween(DemoSeo.KEYWORDS.size() * DemoSeo.DAYS * 3L / 4,
				DemoSeo.KEYWORDS.size() * (long) DemoSeo.DAYS);
		assertThat(demo.seed(today)).isZero();

		List<Long> ids = this.jdbc.sql("SELECT id FROM seo_keyword WHERE created_by = 'demo' ORDER BY id")
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(DemoSeo.KEYWORDS.size());
		SeoKeyword jacket = this.keywords.find(ids.get(0)).orElseThrow();
		assertThat(jacket.targetUrl()).isEqualTo(DemoTraffic.ORIGIN + "/products/down-jacket");
		assertThat(jacket.ranks().currentDate()).isEqualTo(today);
		assertThat(jacket.ranks().current()).isEqualByComparingTo("9");
		assertThat(jacket.ranks().trend()).isEqualTo("up");
		SeoKeyword winter = this.keywords.find(ids.get(6)).orElseThrow();
		assertThat(winter.ranks().current()).isEqualByComparingTo("66");
		assertThat(winter.ranks().trend()).isEqualTo("down");
		assertThat(this.keywords.history(ids.get(0))).hasSizeLessThan(DemoSeo.DAYS)
			.allSatisfy((rank) -> assertThat(rank.date()).isBetween(today.minusDays(DemoSeo.DAYS - 1), today));
	}

	@Test
	void aDayRankFollowsTheWayFromFirstToLastWithinTwoPlaces() {
		DemoSeo.Demo demo = new DemoSeo.Demo("x", "/", 1, 40, 10);
		Random random = new Random(1);
		assertThat(DemoSeo.rankOn(demo, 0, random)).isBetween(38, 42);
		assertThat(DemoSeo.rankOn(demo, DemoSeo.DAYS - 1, random)).isEqualTo(10);
		assertThat(DemoSeo.rankOn(new DemoSeo.Demo("x", "/", 1, 1, 1), 5, random)).isPositive();
	}

}
