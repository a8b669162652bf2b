package io.shopops.fulfilment.order.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Seeds the demo shop's sales channels and about 90 days of orders (profile
 * {@code demo}), through {@link Orders} like real orders, from a fixed seed. Days follow
 * a weekly rhythm (weekends busier) with a promotion spike on 11 November (双11) when it
 * is within the 90 days, else 30 days ago; hours peak at lunch and in the evening. Orders
 * older than a few days arrive as history (completed, some cancelled or closed, the last
 * week shipped or delivered) and so never touch stock; the last two days' paid orders are
 * live and reserve their stock, a few of them already late to ship. Buyers come back:
 * about a third of new buyers order again on the same channel 20 to 60 days later, and
 * about a third of those again after as long (so a minority order three times or more).
 * It runs once: a shop whose demo channels already have orders is left alone.
 */
@Component
@Profile("demo")
@Order(30)
class DemoOrders implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoOrders.class);

	static final long SEED = 20261202L;

	static final int DAYS = 90;

	/** Orders on an ordinary weekday, over all channels. */
	static final int BASE_PER_DAY = 8;

	/** The percentage of new buyers who order again. */
	static final int RETURN_PERCENT = 35;

	/** The percentage of returning buyers who order once more. */
	static final int RETURN_AGAIN_PERCENT = 30;

	/** The days until a buyer orders again: from … */
	static final int RETURN_MIN_DAYS = 20;

	/** … to. */
	static final int RETURN_MAX_DAYS = 60;

	private static final List<DemoChannel> CHANNELS = List.of(
			new DemoChannel("TMALL", "天猫旗舰店", SalesPlatform.TMALL, 40),
			new DemoChannel("JD", "京东自营", SalesPlatform.JD, 25),
			new DemoChannel("DOUYIN", "抖音小店", SalesPlatform.DOUYIN, 25),
			new DemoChannel("SITE", "官网商城", SalesPlatform.OWN_SITE, 10));

	private static final String[] SURNAMES = { "王", "李", "张", "刘", "陈", "杨", "赵", "黄", "周", "吴", "徐", "孙", "马", "朱",
			"胡", "郭", "何", "林", "高", "罗" };

	private static final String[] GIVEN = { "伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "洋", "艳", "勇", "军", "杰", "娟", "涛",
			"明", "超", "秀英", "霞", "平", "刚", "桂英", "欣怡", "子涵", "浩然", "雨轩" };

	private static final String[][] PLACES = { { "上海市", "上海市", "浦东新区" }, { "北京市", "北京市", "朝阳区" },
			{ "广东省", "广州市", "天河区" }, { "广东省", "深圳市", "南山区" }, { "浙江省", "杭州市", "西湖区" }, { "江苏省", "南京市", "鼓楼区" },
			{ "四川省", "成都市", "武侯区" }, { "湖北省", "武汉市", "洪山区" }, { "陕西省", "西安市", "雁塔区" }, { "福建省", "厦门市", "思明区" },
			{ "山东省", "青岛市", "市南区" }, { "重庆市", "重庆市", "渝中区" } };

	private static final String[] STREETS = { "人民路", "中山路", "解放路", "建设路", "文化路", "和平路", "长江路", "新华路" };

	private static final String[] CARRIERS = { "顺丰速运", "中通快递", "圆通速递", "韵达快递", "京东物流", "EMS" };

	private static final String[] CARRIER_PREFIXES = { "SF", "ZTO", "YT", "YD", "JDV", "EMS" };

	private final Orders orders;

	private final SalesChannels channels;

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	private final TransactionTemplate transactions;

	DemoOrders(Orders orders, SalesChannels channels, JdbcClient jdbc, ShopSettings settings,
			PlatformTransactionManager transactionManager) {
		this.orders = orders;
		this.channels = channels;
		this.jdbc = jdbc;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactionManager);
	}

	@Override
	public void run(ApplicationArguments args) {
		openChannels();
		long existing = this.jdbc
			.sql("SELECT count(*) FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id WHERE c.code IN "
					+ "('TMALL', 'JD', 'DOUYIN', 'SITE')")
			.query(Long.class)
			.single();
		if (existing > 0) {
			return;
		}
		List<DemoSku> skus = this.jdbc.sql("""
				SELECT v.sku, v.price FROM product_variant v
				JOIN product p ON p.id = v.product_id
				JOIN stock_item s ON s.variant_id = v.id AND s.warehouse = 'MAIN'
				WHERE p.status = 'ACTIVE' AND s.on_hand - s.reserved >= 20
				ORDER BY v.sku LIMIT 300""")
			.query((rs, row) -> new DemoSku(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		if (skus.isEmpty()) {
			log.info("Demo orders: no stocked SKU to sell, none seeded");
			return;
		}
		seed(skus, Instant.now());
	}

	/**
	 * Creates the demo's channels that do not exist yet.
	 */
	void openChannels() {
		for (DemoChannel channel : CHANNELS) {
			if (this.channels.find(channel.code()).isEmpty()) {
				this.channels.create(channel.code(), channel.name(), channel.platform());
			}
		}
	}

	/**
	 * Places the demo's orders of the {@link #DAYS} days up to {@code now} over the given
	 * SKUs.
	 * @return the number of orders placed
	 */
	int seed(List<DemoSku> skus, Instant now) {
		long started = System.nanoTime();
		Random random = new Random(SEED);
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		LocalDate spike = spikeDay(today);
		int placed = 0;
		int refused = 0;
		PriorityQueue<Return> returns = new PriorityQueue<>();
		long sequence = 0;
		for (int daysAgo = DAYS - 1; daysAgo >= 0; daysAgo--) {
			LocalDate day = today.minusDays(daysAgo);
			int count = ordersOn(day, spike, random);
			List<OrderDraft> history = new ArrayList<>();
			List<OrderDraft> live = new ArrayList<>();
			for (int i = 0; i < count; i++) {
				Instant at = day.atStartOfDay(zone).plusSeconds(secondOfDay(random)).toInstant();
				if (at.isAfter(now)) {
					continue;
				}
				Return due = (!returns.isEmpty() && !returns.peek().day().isAfter(day)) ? returns.poll() : null;
				DemoBuyer buyer = (due != null) ? due.buyer() : buyer(pickChannel(random), random);
				if (random.nextInt(100) < ((due != null) ? RETURN_AGAIN_PERCENT : RETURN_PERCENT)) {
					returns.add(new Return(
							day.plusDays(RETURN_MIN_DAYS + random.nextInt(RETURN_MAX_DAYS - RETURN_MIN_DAYS + 1)),
							sequence++, buyer));
				}
				OrderDraft draft = draft(buyer, day, i, at, now, skus, random);
				boolean isLive = draft.status() == OrderStatus.PAID || draft.status() == OrderStatus.PENDING_PAYMENT;
				(isLive ? live : history).add(draft);
			}
			// a day's history in one transaction: it never touches stock, so nothing in
			// it
			// can be refused, and one commit per day keeps the start quick
			this.transactions.executeWithoutResult((status) -> history.forEach(this.orders::place));
			placed += history.size();
			for (OrderDraft draft : live) {
				try {
					this.orders.place(draft);
					placed++;
				}
				catch (InsufficientStockException ex) {
					refused++;
				}
			}
		}
		log.info("Demo orders: {} placed ({} refused for stock) over {} days in {} ms", placed, refused, DAYS,
				(System.nanoTime() - started) / 1_000_000);
		return placed;
	}

	/** 双11 when it is within the demo's days, else 30 days ago. */
	static LocalDate spikeDay(LocalDate today) {
		LocalDate elevenEleven = MonthDay.of(11, 11).atYear(today.getYear());
		if (elevenEleven.isAfter(today)) {
			elevenEleven = elevenEleven.minusYears(1);
		}
		return (elevenEleven.isAfter(today.minusDays(DAYS - 1))) ? elevenEleven : today.minusDays(30);
	}

	static int ordersOn(LocalDate day, LocalDate spike, Random random) {
		double factor = switch (day.getDayOfWeek()) {
			case MONDAY -> 0.85;
			case TUESDAY, WEDNESDAY -> 0.9;
			case THURSDAY -> 1.0;
			case FRIDAY -> 1.1;
			case SATURDAY -> 1.35;
			case SUNDAY -> 1.3;
		};
		if (day.equals(spike)) {
			factor = 6.0;
		}
		else if (day.equals(spike.minusDays(1)) || day.equals(spike.plusDays(1))) {
			factor *= 1.8;
		}
		return (int) Math.round(BASE_PER_DAY * factor * (0.8 + 0.4 * random.nextDouble()));
	}

	/** Most orders at lunch and in the evening, few at night. */
	private static int secondOfDay(Random random) {
		double pick = random.nextDouble();
		int hour;
		if (pick < 0.05) {
			hour = random.nextInt(7);
		}
		else if (pick < 0.35) {
			hour = 10 + random.nextInt(4);
		}
		else if (pick < 0.75) {
			hour = 19 + random.nextInt(5);
		}
		else {
			hour = 7 + random.nextInt(17);
		}
		return hour * 3600 + random.nextInt(3600);
	}

	private static DemoChannel pickChannel(Random random) {
		int pick = random.nextInt(100);
		for (DemoChannel channel : CHANNELS) {
			pick -= channel.share();
			if (pick < 0) {
				return channel;
			}
		}
		return CHANNELS.get(0);
	}

	/** A new buyer on a channel, with a name, a phone and an address of its own. */
	private static DemoBuyer buyer(DemoChannel channel, Random random) {
		String name = SURNAMES[random.nextInt(SURNAMES.length)] + GIVEN[random.nextInt(GIVEN.length)];
		String phone = "1" + (30 + random.nextInt(60)) + String.format("%08d", random.nextInt(100_000_000));
		String[] place = PLACES[random.nextInt(PLACES.length)];
		String street = STREETS[random.nextInt(STREETS.length)] + (1 + random.nextInt(300)) + "号"
				+ (1 + random.nextInt(30)) + "栋" + (101 + random.nextInt(2000)) + "室";
		return new DemoBuyer(channel, name, phone, place, street);
	}

	private OrderDraft draft(DemoBuyer buyer, LocalDate day, int index, Instant placedAt, Instant now,
			List<DemoSku> skus, Random random) {
		DemoChannel channel = buyer.channel();
		String number = number(channel, day, index, random);
		List<OrderDraft.Line> lines = new ArrayList<>();
		int lineCount = (random.nextInt(10) < 7) ? 1 : 2 + random.nextInt(2);
		List<String> used = new ArrayList<>();
		BigDecimal goods = BigDecimal.ZERO;
		for (int l = 0; l < lineCount; l++) {
			DemoSku sku = skus.get(random.nextInt(skus.size()));
			if (used.contains(sku.sku())) {
				continue;
			}
			used.add(sku.sku());
			int quantity = (random.nextInt(10) < 8) ? 1 : 2;
			BigDecimal discount = (random.nextInt(4) == 0) ? sku.price()
				.multiply(BigDecimal.valueOf(quantity))
				.multiply(new BigDecimal("0.10"))
				.setScale(2, RoundingMode.HALF_UP) : null;
			lines.add(new OrderDraft.Line(sku.sku(), null, quantity, sku.price(), discount));
			goods = goods.add(sku.price().multiply(BigDecimal.valueOf(quantity)));
		}
		BigDecimal shippingFee = (goods.compareTo(new BigDecimal("99")) >= 0) ? null : new BigDecimal("8.00");
		Duration age = Duration.between(placedAt, now);
		Instant paidAt = placedAt.plusSeconds(30 + random.nextInt(900));
		Instant shippedAt = paidAt.plus(Duration.ofHours(4 + random.nextInt(40)));
		Instant deliveredAt = shippedAt.plus(Duration.ofHours(30 + random.nextInt(60)));
		Instant completedAt = deliveredAt.plus(Duration.ofDays(1 + random.nextInt(7)));
		int roll = random.nextInt(100);
		OrderStatus status;
		Times times;
		OrderDraft.Shipment shipment = null;
		String carrier = null;
		String tracking = null;
		if (shippedAt.isBefore(now)) {
			int c = random.nextInt(CARRIERS.length);
			carrier = CARRIERS[c];
			tracking = CARRIER_PREFIXES[c] + (100_000_000_000L + (long) (random.nextDouble() * 899_999_999_999L));
		}
		if (roll < 4) {
			status = OrderStatus.CANCELLED;
			times = new Times(placedAt, null, null, null, null, placedAt.plus(Duration.ofMinutes(20)), null);
		}
		else if (age.toDays() >= 14 && roll < 9) {
			status = OrderStatus.CLOSED;
			times = new Times(placedAt, paidAt, shippedAt, deliveredAt, null, null,
					deliveredAt.plus(Duration.ofDays(3)));
			shipment = new OrderDraft.Shipment(carrier, tracking);
		}
		else if (age.toHours() < 3 && roll < 20) {
			status = OrderStatus.PENDING_PAYMENT;
			times = Times.placed(placedAt, null);
		}
		else if (age.toHours() < 60 && (shippedAt.isAfter(now) || roll < 35)) {
			// live: paid and waiting to ship, a few already past the 48-hour deadline
			status = OrderStatus.PAID;
			times = Times.placed(placedAt, paidAt.isBefore(now) ? paidAt : placedAt);
		}
		else if (completedAt.isBefore(now) && (age.toDays() >= 10 || roll > 60)) {
			status = OrderStatus.COMPLETED;
			times = new Times(placedAt, paidAt, shippedAt, deliveredAt, completedAt, null, null);
			shipment = new OrderDraft.Shipment(carrier, tracking);
		}
		else if (deliveredAt.isBefore(now) && roll > 12) {
			status = OrderStatus.DELIVERED;
			times = new Times(placedAt, paidAt, shippedAt, deliveredAt, null, null, null);
			shipment = new OrderDraft.Shipment(carrier, tracking);
		}
		else {
			// shipped and still on its way; a few parcels are lost for more than a week
			status = OrderStatus.SHIPPED;
			times = new Times(placedAt, paidAt, shippedAt, null, null, null, null);
			shipment = new OrderDraft.Shipment(carrier, tracking);
		}
		String name = buyer.name();
		String phone = buyer.phone();
		boolean marketplace = channel.platform() != SalesPlatform.OWN_SITE;
		String shownPhone = marketplace ? phone.substring(0, 3) + "****" + phone.substring(7) : phone;
		String[] place = buyer.place();
		Address address = new Address(name, shownPhone, place[0], place[1], place[2], buyer.street(), null);
		Customer customer = new Customer(name, shownPhone,
				marketplace ? null : "demo" + Math.abs(phone.hashCode()) + "@example.com",
				marketplace ? channel.code().toLowerCase() + "_" + Integer.toHexString(phone.hashCode()) : null);
		Utm utm = null;
		String coupon = null;
		if (!marketplace) {
			String[] sources = { "wechat", "xiaohongshu", "baidu", "newsletter" };
			String source = sources[random.nextInt(sources.length)];
			utm = new Utm(source, source.equals("baidu") ? "cpc" : "social", "winter-2026", null);
		}
		if (random.nextInt(6) == 0) {
			coupon = "MAN199-20";
		}
		return new OrderDraft(channel.code(), number, status, times, customer, address, lines, shippingFee, null, null,
				coupon, utm, null, null, shipment, null, OrderSource.DEMO);
	}

	private static String number(DemoChannel channel, LocalDate day, int index, Random random) {
		String date = day.toString().replace("-", "");
		return switch (channel.platform()) {
			case TMALL, DOUYIN ->
				date.substring(2) + String.format("%04d", index) + (1_000_000 + random.nextInt(9_000_000));
			case JD -> "3" + date.substring(3) + String.format("%04d", index);
			default -> "S" + date + "-" + String.format("%04d", index);
		};
	}

	private record DemoChannel(String code, String name, SalesPlatform platform, int share) {
	}

	private record DemoBuyer(DemoChannel channel, String name, String phone, String[] place, String street) {
	}

	/** A buyer's next order, due on a day. */
	private record Return(LocalDate day, long sequence, DemoBuyer buyer) implements Comparable<Return> {

		@Override
		public int compareTo(Return other) {
			int byDay = this.day.compareTo(other.day);
			return (byDay != 0) ? byDay : Long.compare(this.sequence, other.sequence);
		}

	}

	record DemoSku(String sku, BigDecimal price) {
	}

}
