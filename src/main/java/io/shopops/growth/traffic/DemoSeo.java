package io.shopops.growth.traffic;

import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo shop's SEO keywords (profile {@code demo}): search terms for the demo
 * site's pages ({@link DemoTraffic#ORIGIN}) with their search volume and {@value #DAYS}
 * days of daily ranks from a fixed seed — some climbing, some slipping, a few days
 * missed, as a person entering ranks by hand leaves them. Seeded once: when a demo
 * keyword exists, nothing is added.
 */
@Component
@Profile("demo")
@Order(61)
class DemoSeo implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoSeo.class);

	static final int DAYS = 60;

	static final String ACTOR = "demo";

	private static final long SEED = 20261203L;

	/** keyword, target path, monthly volume, first rank, last rank. */
	static final List<Demo> KEYWORDS = List.of(new Demo("羽绒服 女 冬季", "/products/down-jacket", 74000, 38, 9),
			new Demo("羊绒围巾", "/products/wool-scarf", 22000, 14, 4),
			new Demo("保暖内衣套装", "/products/thermal-set", 41000, 25, 31),
			new Demo("cashmere sweater", "/products/cashmere-sweater", 2400, 19, 7),
			new Demo("雪地靴 防水", "/products/snow-boots", 18000, 52, 23),
			new Demo("针织帽", "/products/knit-hat", 9600, 8, 3), new Demo("冬季新品", "/collections/winter", 5200, 40, 66),
			new Demo("茶叶礼盒 送礼", "/products/tea-gift-box", 12000, 30, 12));

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	DemoSeo(JdbcClient jdbc, ShopSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		long ranks = seed(LocalDate.now(this.settings.current().timeZone()));
		if (ranks > 0) {
			log.info("Demo SEO keywords: {} keywords, {} ranks", KEYWORDS.size(), ranks);
		}
	}

	/**
	 * Seeds the demo keywords and their ranks of the {@link #DAYS} days up to
	 * {@code today}, once.
	 * @return the ranks stored, 0 when demo keywords exist already
	 */
	@Transactional
	long seed(LocalDate today) {
		boolean seeded = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM seo_keyword WHERE created_by = ?)")
			.param(ACTOR)
			.query(Boolean.class)
			.single();
		if (seeded) {
			return 0;
		}
		Random random = new Random(SEED);
		long stored = 0;
		for (Demo demo : KEYWORDS) {
			String url = DemoTraffic.ORIGIN + demo.path();
			Long id = this.jdbc.sql("""
					INSERT INTO seo_keyword (keyword, keyword_key, target_url, target_key, search_volume, notes,
					  created_by)
					VALUES (:keyword, :key, :url, :target, :volume, :notes, :actor)
					ON CONFLICT (keyword_key, target_key) DO NOTHING RETURNING id""")
				.param("keyword", demo.keyword())
				.param("key", SeoKeyword.key(demo.keyword()))
				.param("url", url)
				.param("target", SeoKeyword.targetKey(url, null))
				.param("volume", demo.volume())
				.param("notes", "百度 PC 端排名，每天上午查一次")
				.param("actor", ACTOR)
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id == null) {
				continue;
			}
			for (int day = DAYS - 1; day >= 0; day--) {
				if (day > 0 && random.nextInt(9) == 0) {
					continue;
				}
				this.jdbc.sql("""
						INSERT INTO seo_rank (keyword_id, rank_date, rank, source, entered_by)
						VALUES (?, ?, ?, 'MANUAL', ?)""")
					.params(id, today.minusDays(day), rankOn(demo, DAYS - 1 - day, random), ACTOR)
					.update();
				stored++;
			}
		}
		return stored;
	}

	/**
	 * A day's rank: the straight way from the first to the last rank, with a wobble of a
	 * couple of places, never above 1.
	 */
	static int rankOn(Demo demo, int day, Random random) {
		double progress = (double) day / (DAYS - 1);
		double trend = demo.first() + (demo.last() - demo.first()) * progress;
		int wobble = (day == DAYS - 1) ? 0 : random.nextInt(5) - 2;
		return Math.max(1, (int) Math.round(trend) + wobble);
	}

	record Demo(String keyword, String path, long volume, int first, int last) {
	}

}
