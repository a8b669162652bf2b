package io.shopops.growth.content;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Random;

import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.Times;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's content (profile {@code demo}): Chinese pieces on every platform
 * and in every status, two livestreams with sessions, daily metrics, and the orders they
 * brought. The demo orders of fulfilment carry no content code, so this seeder places its
 * own history orders through {@link Orders} (completed, from fixed numbers {@code CT-…},
 * real catalog SKUs at their prices, paid after the piece went out and, for a livestream,
 * inside a session); the attribution listener then attributes them like any other order.
 * It runs once: a shop that has the piece {@code DY1111} is left alone.
 */
@Component
@Profile("demo")
@Order(60)
class DemoContent implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoContent.class);

	static final String MARKER = "DY1111";

	static final long SEED = 20261212L;

	/** Demo orders are history at least this old, so that they never touch stock. */
	static final int MIN_ORDER_AGE_DAYS = 8;

	static final List<DemoPiece> PIECES = List.of(
			new DemoPiece(MARKER, ContentType.SHORT_VIDEO, ContentPlatform.DOUYIN, "双11 爆款开箱：羊毛围巾的三种系法",
					ContentStatus.PUBLISHED, -40, 20, "DOUYIN", 14),
			new DemoPiece("XHS1120", ContentType.NOTE, ContentPlatform.XIAOHONGSHU, "冬季通勤穿搭笔记｜一衣三穿",
					ContentStatus.PUBLISHED, -30, 12, "SITE", 9),
			new DemoPiece("LIVE1201", ContentType.LIVESTREAM, ContentPlatform.DOUYIN, "冬日上新直播", ContentStatus.PUBLISHED,
					-20, 19, "DOUYIN", 0),
			new DemoPiece("SPH1125", ContentType.SHORT_VIDEO, ContentPlatform.CHANNELS, "工厂探访：一件羽绒服的诞生",
					ContentStatus.PUBLISHED, -25, 18, "SITE", 6),
			new DemoPiece("BZ1128", ContentType.SHORT_VIDEO, ContentPlatform.BILIBILI, "五款保温杯横评",
					ContentStatus.PUBLISHED, -15, 21, "SITE", 4),
			new DemoPiece("WB1205", ContentType.POST, ContentPlatform.WEIBO, "转发抽奖：送暖冬礼盒", ContentStatus.PUBLISHED, -10,
					10, "SITE", 3),
			new DemoPiece("OLD1001", ContentType.SHORT_VIDEO, ContentPlatform.KUAISHOU, "国庆旧款清仓视频",
					ContentStatus.ARCHIVED, -60, 20, "DOUYIN", 2),
			new DemoPiece("LIVE1212", ContentType.LIVESTREAM, ContentPlatform.TAOBAO_LIVE, "双12 年终盛典直播",
					ContentStatus.SCHEDULED, 10, 19, null, 0),
			new DemoPiece("XHS1218", ContentType.NOTE, ContentPlatform.XIAOHONGSHU, "圣诞礼物清单", ContentStatus.SCHEDULED,
					5, 12, null, 0),
			new DemoPiece("KS1215", ContentType.SHORT_VIDEO, ContentPlatform.KUAISHOU, "年货节预告", ContentStatus.SCRIPTING,
					null, null, null, 0),
			new DemoPiece("LIVE0101", ContentType.LIVESTREAM, ContentPlatform.DOUYIN, "元旦跨年直播策划", ContentStatus.IDEA,
					null, null, null, 0));

	private final ContentService service;

	private final Orders orders;

	private final SalesChannels channels;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	DemoContent(ContentService service, Orders orders, SalesChannels channels, UserDirectory users, JdbcClient jdbc,
			ShopSettings settings) {
		this.service = service;
		this.orders = orders;
		this.channels = channels;
		this.users = users;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM content_piece WHERE tracking_code = :code")
			.param("code", MARKER)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		seed(Instant.now());
	}

	void seed(Instant now) {
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		List<DemoSku> skus = this.jdbc.sql("""
				SELECT v.sku, v.price FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.status = 'ACTIVE' AND v.price > 0 ORDER BY v.sku LIMIT 60""")
			.query((rs, row) -> new DemoSku(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		String owner = this.users.findEnabled("operator").map(UserDirectory.DirectoryUser::username).orElse(null);
		String host = this.users.findEnabled("manager").map(UserDirectory.DirectoryUser::username).orElse(owner);
		Random random = new Random(SEED);
		int placed = 0;
		for (DemoPiece demo : PIECES) {
			LocalDateTime publishAt = (demo.day() != null) ? today.plusDays(demo.day()).atTime(demo.hour(), 0) : null;
			PieceForm form = new PieceForm();
			form.setType(demo.type());
			form.setPlatform(demo.platform());
			form.setTitle(demo.title());
			form.setOwner(owner);
			form.setPublishAt(publishAt);
			form.setTrackingCode(demo.code());
			form.setProducts(String.join(", ",
					skus.stream().skip(random.nextInt(Math.max(1, skus.size()))).limit(2).map(DemoSku::sku).toList()));
			long id = this.service.create(form, zone);
			for (ContentStatus step : path(demo.status())) {
				this.service.move(id, step);
			}
			if (publishAt == null || demo.day() >= 0) {
				continue;
			}
			Instant published = publishAt.atZone(zone).toInstant();
			metrics(id, publishAt.toLocalDate(), today, demo, random);
			SalesChannel channel = (demo.channel() != null) ? this.channels.find(demo.channel()).orElse(null) : null;
			if (demo.type() == ContentType.LIVESTREAM) {
				for (int session = 0; session < 2; session++) {
					Instant start = published.plus(Duration.ofDays(session * 7L));
					Instant end = start.plus(Duration.ofMinutes(150 + session * 30L));
					SessionForm sessionForm = new SessionForm();
					sessionForm.setPieceId(id);
					sessionForm.setStartsAt(LocalDateTime.ofInstant(start, zone));
					sessionForm.setEndsAt(LocalDateTime.ofInstant(end, zone));
					sessionForm.setHost(host);
					int total = 20_000 + random.nextInt(30_000);
					sessionForm.setTotalViewers(total);
					sessionForm.setPeakViewers(total / 12 + random.nextInt(500));
					sessionForm.setProducts(form.getProducts());
					this.service.createSession(sessionForm, zone);
					if (channel != null && !skus.isEmpty()) {
						placed += orders(demo.code() + "-S" + (session + 1), channel, skus, start, end, now,
								12 + random.nextInt(10), demo.code(), random);
					}
				}
			}
			else if (channel != null && !skus.isEmpty()) {
				Instant last = now.minus(Duration.ofDays(MIN_ORDER_AGE_DAYS));
				placed += orders(demo.code(), channel, skus, published, last, now, demo.orders(), demo.code(), random);
			}
		}
		log.info("Demo content: {} pieces, {} attributed orders", PIECES.size(), placed);
	}

	/**
	 * The moves from idea to a status.
	 */
	static List<ContentStatus> path(ContentStatus status) {
		return switch (status) {
			case IDEA -> List.of();
			case SCRIPTING -> List.of(ContentStatus.SCRIPTING);
			case SCHEDULED -> List.of(ContentStatus.SCRIPTING, ContentStatus.SCHEDULED);
			case PUBLISHED -> List.of(ContentStatus.SCRIPTING, ContentStatus.SCHEDULED, ContentStatus.PUBLISHED);
			case ARCHIVED -> List.of(ContentStatus.SCRIPTING, ContentStatus.SCHEDULED, ContentStatus.PUBLISHED,
					ContentStatus.ARCHIVED);
		};
	}

	private void metrics(long id, LocalDate from, LocalDate today, DemoPiece demo, Random random) {
		int base = 5_000 + random.nextInt(40_000);
		int day = 0;
		for (LocalDate date = from; date.isBefore(today) && day < 30; date = date.plusDays(1), day++) {
			long views = Math.round(base * Math.exp(-day / 5.0)) + random.nextInt(300);
			long likes = views * (3 + random.nextInt(5)) / 100;
			Metrics metrics = new Metrics(views, likes, likes / 8, likes / 15, views * (1 + random.nextInt(3)) / 100);
			ContentService.upsertMetrics(this.jdbc, id, date, metrics, "DEMO");
		}
	}

	/**
	 * Places {@code count} completed history orders carrying {@code code}, paid between
	 * {@code from} and {@code to} (never later than {@link #MIN_ORDER_AGE_DAYS} ago).
	 */
	private int orders(String prefix, SalesChannel channel, List<DemoSku> skus, Instant from, Instant to, Instant now,
			int count, String code, Random random) {
		Instant latest = now.minus(Duration.ofDays(MIN_ORDER_AGE_DAYS));
		Instant end = to.isAfter(latest) ? latest : to;
		if (!end.isAfter(from)) {
			return 0;
		}
		long span = Duration.between(from, end).toSeconds();
		int placed = 0;
		for (int i = 1; i <= count; i++) {
			DemoSku sku = skus.get(random.nextInt(skus.size()));
			int quantity = 1 + random.nextInt(2);
			Instant paidAt = from.plusSeconds((long) (span * ((double) i / (count + 1))));
			Instant shipped = paidAt.plus(Duration.ofHours(20));
			Instant delivered = shipped.plus(Duration.ofDays(2));
			Instant completed = delivered.plus(Duration.ofDays(3));
			Times times = new Times(paidAt.minusSeconds(90), paidAt, shipped, delivered,
					completed.isBefore(now) ? completed : delivered, null, null);
			OrderDraft draft = new OrderDraft(channel.code(), "CT-" + prefix + "-" + String.format("%03d", i),
					OrderStatus.COMPLETED, times, null, null,
					List.of(new OrderDraft.Line(sku.sku(), null, quantity, sku.price(), null)), BigDecimal.ZERO, null,
					null, null, null, code, null, new OrderDraft.Shipment("顺丰速运", "SF" + (1_000_000_000L + i)), null,
					OrderSource.DEMO);
			if (this.orders.place(draft).created()) {
				placed++;
			}
		}
		return placed;
	}

	/**
	 * One demo piece: {@code day} is its publish day relative to today ({@code null} for
	 * none), {@code channel} the sales channel its orders come through and {@code orders}
	 * how many (a livestream's come per session).
	 */
	record DemoPiece(String code, ContentType type, ContentPlatform platform, String title, ContentStatus status,
			Integer day, Integer hour, String channel, int orders) {
	}

	record DemoSku(String sku, BigDecimal price) {
	}

}
