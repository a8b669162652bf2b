package io.shopops.growth.traffic;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import io.shopops.growth.traffic.Sites.Site;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds 90 days of traffic of the demo shop's own site 官网商城 (profile {@code demo}),
 * stored the way {@code /collect} stores events (classified by the source rules), from a
 * fixed seed. The rhythm follows the demo orders: busier weekends and the 11.11 spike (or
 * the day 30 days ago when 11 November is not within the 90 days), with the same UTM
 * sources and campaign ({@code winter-2026}) the demo's own-site orders carry, and about
 * the conversion a small own site has. A demo site that already has events is left alone.
 */
@Component
@Profile("demo")
@Order(60)
class DemoTraffic implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);

	static final String ORIGIN = "https://shop.shopops.example";

	static final int DAYS = 90;

	private static final long SEED = 20261202L;

	/** Visitors on an ordinary weekday at the start of the 90 days. */
	private static final int VISITORS_PER_DAY = 240;

	private static final String[] PAGES = { "/", "/collections/new", "/collections/winter", "/collections/sale",
			"/about", "/help/shipping" };

	private static final String[] PRODUCTS = { "down-jacket", "wool-scarf", "thermal-set", "cashmere-sweater",
			"snow-boots", "knit-hat", "fleece-hoodie", "gloves", "travel-mug", "tea-gift-box" };

	private final Sites sites;

	private final TrafficEvents events;

	private final ShopSettings settings;

	private final JdbcClient jdbc;

	DemoTraffic(Sites sites, TrafficEvents events, ShopSettings settings, JdbcClient jdbc) {
		this.sites = sites;
		this.events = events;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		seed(Instant.now());
	}

	/**
	 * Seeds the demo site's events of the {@link #DAYS} days up to {@code now}, once.
	 * @param now the end of the last day seeded
	 * @return the events stored, 0 when the demo site already has events
	 */
	long seed(Instant now) {
		Site site = this.sites.list()
			.stream()
			.filter((s) -> s.origin().equals(ORIGIN))
			.findFirst()
			.orElseGet(() -> this.sites.create("官网商城", ORIGIN));
		long existing = this.jdbc.sql("SELECT count(*) FROM traffic_event WHERE site_id = ?")
			.param(site.id())
			.query(Long.class)
			.single();
		if (existing > 0) {
			return 0;
		}
		long started = System.nanoTime();
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = now.atZone(zone).toLocalDate();
		LocalDate spike = spikeDay(today);
		Random random = new Random(SEED);
		long stored = 0;
		List<CollectedEvent> batch = new ArrayList<>();
		for (int daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
			LocalDate day = today.minusDays(daysAgo);
			int visitors = visitorsOn(day, spike, DAYS - 1 - daysAgo, random);
			for (int v = 0; v < visitors; v++) {
				visit(day, zone, now, random, batch);
				if (batch.size() >= 2000) {
					stored += this.events.store(site, batch);
					batch.clear();
				}
			}
		}
		stored += this.events.store(site, batch);
		log.info("Demo traffic: {} events over {} days in {} ms", stored, DAYS,
				(System.nanoTime() - started) / 1_000_000);
		return stored;
	}

	/**
	 * The demo orders' spike: 11 November when it lies within the demo's days, else the
	 * day 30 days ago.
	 */
	static LocalDate spikeDay(LocalDate today) {
		LocalDate elevenEleven = MonthDay.of(11, 11).atYear(today.getYear());
		if (elevenEleven.isAfter(today)) {
			elevenEleven = elevenEleven.minusYears(1);
		}
		return (elevenEleven.isAfter(today.minusDays(DAYS))) ? elevenEleven : today.minusDays(30);
	}

	/**
	 * Visitors of one day: a slow upward trend, busier weekends, three times as many on
	 * the spike day, give or take 15 %.
	 */
	static int visitorsOn(LocalDate day, LocalDate spike, int dayIndex, Random random) {
		double visitors = VISITORS_PER_DAY * (1 + 0.004 * dayIndex);
		if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
			visitors *= 1.3;
		}
		if (day.equals(spike)) {
			visitors *= 3;
		}
		return (int) Math.round(visitors * (0.85 + 0.3 * random.nextDouble()));
	}

	private static void visit(LocalDate day, ZoneId zone, Instant now, Random random, List<CollectedEvent> batch) {
		String visitor = "demo-" + Long.toHexString(random.nextLong() & Long.MAX_VALUE);
		String session = visitor + "-1";
		// hours peak at lunch and in the evening, like the demo orders
		int hour = (random.nextInt(3) == 0) ? 11 + random.nextInt(3) : 8 + random.nextInt(16);
		Instant at = day.atTime(hour, random.nextInt(60), random.nextInt(60)).atZone(zone).toInstant();
		if (at.isAfter(now)) {
			return;
		}
		String[] touch = touch(random);
		String source = touch[0];
		String medium = touch[1];
		String campaign = touch[2];
		String referrer = touch[3];
		String landing = ORIGIN + ((random.nextInt(3) == 0) ? "/products/" + PRODUCTS[random.nextInt(PRODUCTS.length)]
				: PAGES[random.nextInt(3)]);
		batch.add(new CollectedEvent("page_view", visitor, session, landing, referrer, source, medium, campaign, null,
				null, null, at));
		int pages = random.nextInt(4);
		for (int i = 0; i < pages; i++) {
			at = at.plusSeconds(20 + random.nextInt(120));
			batch.add(new CollectedEvent("page_view", visitor, session, ORIGIN + PAGES[random.nextInt(PAGES.length)],
					null, source, medium, campaign, null, null, null, at));
		}
		if (random.nextInt(100) >= 62) {
			return;
		}
		String product = PRODUCTS[random.nextInt(PRODUCTS.length)];
		int views = 1 + random.nextInt(3);
		for (int i = 0; i < views; i++) {
			at = at.plusSeconds(15 + random.nextInt(90));
			product = (i == 0) ? product : PRODUCTS[random.nextInt(PRODUCTS.length)];
			batch.add(new CollectedEvent("product_view", visitor, session, ORIGIN + "/products/" + product, null,
					source, medium, campaign, null, null, null, at));
		}
		if (random.nextInt(100) >= 14) {
			return;
		}
		at = at.plusSeconds(10 + random.nextInt(60));
		batch.add(new CollectedEvent("add_to_cart", visitor, session, ORIGIN + "/products/" + product, null, source,
				medium, campaign, null, null, null, at));
		if (random.nextInt(100) >= 45) {
			return;
		}
		at = at.plusSeconds(30 + random.nextInt(240));
		batch.add(new CollectedEvent("checkout", visitor, session, ORIGIN + "/checkout", null, source, medium, campaign,
				null, null, null, at));
	}

	/**
	 * Where a visitor came from: UTM source, medium, campaign and referrer. The paid and
	 * social sources are those of the demo's own-site orders.
	 */
	private static String[] touch(Random random) {
		int roll = random.nextInt(100);
		if (roll < 28) {
			return new String[] { null, null, null, null };
		}
		if (roll < 43) {
			return new String[] { null, null, null, "https://www.baidu.com/s?wd=羽绒服" };
		}
		if (roll < 53) {
			return new String[] { "baidu", "cpc", "winter-2026", "https://www.baidu.com/" };
		}
		if (roll < 68) {
			return new String[] { "wechat", "social", "winter-2026", null };
		}
		if (roll < 83) {
			return new String[] { "xiaohongshu", "social", "winter-2026", "https://www.xiaohongshu.com/" };
		}
		if (roll < 92) {
			return new String[] { null, null, null, "https://www.douyin.com/" };
		}
		return new String[] { "newsletter", "email", "winter-2026", null };
	}

}
