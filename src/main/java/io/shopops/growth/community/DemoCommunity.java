package io.shopops.growth.community;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
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
 * Seeds the demo shop's community (profile {@code demo}): four groups with 60 days of
 * member counts, past, running and upcoming activities, SOP items with a fortnight of
 * done, skipped and overdue tasks, and the orders the groups brought. Like the demo
 * content, it places its own completed history orders through {@link Orders} (numbers
 * {@code CM-…}, real catalog SKUs at their prices, paid inside each activity's window, at
 * least {@value #MIN_ORDER_AGE_DAYS} days ago so that they never touch stock); the
 * attribution listener then counts them like any other order. It runs once: a shop that
 * has the group {@code GVIP01} is left alone.
 */
@Component
@Profile("demo")
@Order(61)
class DemoCommunity implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCommunity.class);

	static final String MARKER = "GVIP01";

	static final long SEED = 20261203L;

	static final int MIN_ORDER_AGE_DAYS = 8;

	static final List<DemoGroup> GROUPS = List.of(
			new DemoGroup(MARKER, "VIP 会员福利群", GroupKind.WECOM_GROUP, 420, 3,
					List.of(new DemoActivity("GB1111", ActivityType.GROUP_BUY, "双11 会员专属团购", -40, 3, 16),
							new DemoActivity("QA1125", ActivityType.QA, "羽绒服保养答疑", -20, 1, 4),
							new DemoActivity("GB1212", ActivityType.GROUP_BUY, "双12 年终团购", 6, 3, 0))),
			new DemoGroup("GMOM01", "宝妈育儿交流群", GroupKind.WECHAT_GROUP, 260, 2,
					List.of(new DemoActivity("DR1120", ActivityType.DROP, "冬季新品首发", -28, 2, 9),
							new DemoActivity("DR1203", ActivityType.DROP, "暖冬礼盒限时秒杀", -1, 3, 0))),
			new DemoGroup("GFAN01", "品牌粉丝团", GroupKind.FAN_CLUB, 1200, 6,
					List.of(new DemoActivity("QA1118", ActivityType.QA, "主理人直播前答疑", -30, 1, 3))),
			new DemoGroup("GOLD01", "老客回购群", GroupKind.WECHAT_GROUP, 180, 1, List.of()));

	private final CommunityService service;

	private final SopTasks tasks;

	private final Orders orders;

	private final SalesChannels channels;

	private final UserDirectory users;

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	DemoCommunity(CommunityService service, SopTasks tasks, Orders orders, SalesChannels channels, UserDirectory users,
			JdbcClient jdbc, ShopSettings settings) {
		this.service = service;
		this.tasks = tasks;
		this.orders = orders;
		this.channels = channels;
		this.users = users;
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM community_group WHERE tracking_code = :code")
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
		String operator = this.users.findEnabled("operator").map(UserDirectory.DirectoryUser::username).orElse(null);
		String manager = this.users.findEnabled("manager").map(UserDirectory.DirectoryUser::username).orElse(operator);
		List<DemoSku> skus = this.jdbc.sql("""
				SELECT v.sku, v.price FROM product_variant v JOIN product p ON p.id = v.product_id
				WHERE p.status = 'ACTIVE' AND v.price > 0 ORDER BY v.sku LIMIT 60""")
			.query((rs, row) -> new DemoSku(rs.getString(1), rs.getBigDecimal(2)))
			.list();
		SalesChannel channel = this.channels.find("SITE").orElse(null);
		Random random = new Random(SEED);
		int placed = 0;
		int index = 0;
		for (DemoGroup demo : GROUPS) {
			GroupForm form = new GroupForm();
			form.setName(demo.name());
			form.setKind(demo.kind());
			form.setOwner((index++ % 2 == 0) ? operator : manager);
			form.setTrackingCode(demo.code());
			long groupId = this.service.createGroup(form);
			int members = demo.members() - 59 * demo.dailyGrowth();
			for (LocalDate day = today.minusDays(59); !day.isAfter(today); day = day.plusDays(1)) {
				members = Math.max(0, members + demo.dailyGrowth() + random.nextInt(5) - 2);
				CommunityService.upsertMembers(this.jdbc, groupId, day, members, "DEMO");
			}
			for (DemoActivity activity : demo.activities()) {
				LocalDateTime start = today.plusDays(activity.day()).atTime(10, 0);
				ActivityForm activityForm = new ActivityForm();
				activityForm.setGroupId(groupId);
				activityForm.setType(activity.type());
				activityForm.setTitle(activity.title());
				activityForm.setStartsAt(start);
				activityForm.setEndsAt(start.plusDays(activity.days()).withHour(22));
				activityForm.setTrackingCode(activity.code());
				this.service.createActivity(activityForm, zone);
				if (channel != null && !skus.isEmpty() && activity.orders() > 0) {
					placed += orders(activity.code(), channel, skus, start.atZone(zone).toInstant(),
							start.plusDays(activity.days()).atZone(zone).toInstant(), now, activity.orders(), random);
				}
			}
			if (channel != null && !skus.isEmpty()) {
				placed += orders(demo.code(), channel, skus, now.minus(Duration.ofDays(45)), now, now, 3 + index,
						random);
			}
			if (operator != null) {
				sops(groupId, demo, operator, today, zone, random);
			}
		}
		log.info("Demo community: {} groups, {} attributed orders", GROUPS.size(), placed);
	}

	/**
	 * A weekly new-arrival post and a live reminder for every group, a morning greeting
	 * for the first; then a fortnight of past tasks, mostly done.
	 */
	private void sops(long groupId, DemoGroup demo, String operator, LocalDate today, ZoneId zone, Random random) {
		SopForm weekly = sop("上新推送：本周新品图文", SopKind.POST, SopSchedule.WEEKLY, operator);
		weekly.setDayOfWeek(DayOfWeek.TUESDAY);
		weekly.setAtTime(LocalTime.of(10, 0));
		long weeklyId = this.service.createSop(groupId, weekly);
		SopForm live = sop("直播提醒：发预约链接", SopKind.POST, SopSchedule.BEFORE_LIVESTREAM, operator);
		live.setMinutesBefore(60);
		this.service.createSop(groupId, live);
		if (!MARKER.equals(demo.code())) {
			return;
		}
		SopForm morning = sop("早安问候 + 今日福利", SopKind.TASK, SopSchedule.DAILY, operator);
		morning.setAtTime(LocalTime.of(9, 0));
		long morningId = this.service.createSop(groupId, morning);
		for (int day = 14; day >= 1; day--) {
			Instant due = today.minusDays(day).atTime(9, 0).atZone(zone).toInstant();
			String status = (day == 1) ? "OPEN" : ((random.nextInt(6) == 0) ? "SKIPPED" : "DONE");
			pastTask(morningId, groupId, morning.getTitle(), due, operator, status);
			LocalDate date = today.minusDays(day);
			if (date.getDayOfWeek() == DayOfWeek.TUESDAY) {
				pastTask(weeklyId, groupId, weekly.getTitle(), date.atTime(10, 0).atZone(zone).toInstant(), operator,
						"DONE");
			}
		}
		this.tasks.sync(morningId);
	}

	private void pastTask(long sop, long group, String title, Instant due, String assignee, String status) {
		boolean closed = !"OPEN".equals(status);
		this.jdbc
			.sql("""
					INSERT INTO community_task (sop_id, group_id, title, due_at, assignee, status, closed_by, closed_at, note)
					VALUES (:sop, :group, :title, :due, :assignee, :status, :by, :at, :note)
					ON CONFLICT (sop_id, due_at) DO NOTHING""")
			.param("sop", sop)
			.param("group", group)
			.param("title", title)
			.param("due", Timestamp.from(due))
			.param("assignee", assignee)
			.param("status", status)
			.param("by", closed ? assignee : null)
			.param("at", closed ? Timestamp.from(due.plus(Duration.ofMinutes(25))) : null)
			.param("note", "SKIPPED".equals(status) ? "当天有直播，合并到直播预告" : null)
			.update();
	}

	private static SopForm sop(String title, SopKind kind, SopSchedule schedule, String assignee) {
		SopForm form = new SopForm();
		form.setTitle(title);
		form.setKind(kind);
		form.setSchedule(schedule);
		form.setAssignee(assignee);
		return form;
	}

	/**
	 * Places {@code count} completed history orders carrying {@code code}, paid between
	 * {@code from} and {@code to} (never later than {@link #MIN_ORDER_AGE_DAYS} ago).
	 */
	private int orders(String code, SalesChannel channel, List<DemoSku> skus, Instant from, Instant to, Instant now,
			int count, Random random) {
		Instant latest = now.minus(Duration.ofDays(MIN_ORDER_AGE_DAYS));
		Instant end = to.isAfter(latest) ? latest : to;
		if (!end.isAfter(from)) {
			return 0;
		}
		long span = Duration.between(from, end).toSeconds();
		int placed = 0;
		for (int i = 1; i <= count; i++) {
			DemoSku sku = skus.get(random.nextInt(skus.size()));
			int quantity = 1 + random.nextInt(3);
			Instant paidAt = from.plusSeconds((long) (span * ((double) i / (count + 1))));
			Instant shipped = paidAt.plus(Duration.ofHours(18));
			Instant delivered = shipped.plus(Duration.ofDays(2));
			Instant completed = delivered.plus(Duration.ofDays(3));
			Times times = new Times(paidAt.minusSeconds(120), paidAt, shipped, delivered,
					completed.isBefore(now) ? completed : delivered, null, null);
			OrderDraft draft = new OrderDraft(channel.code(), "CM-" + code + "-" + String.format("%03d", i),
					OrderStatus.COMPLETED, times, null, null,
					List.of(new OrderDraft.Line(sku.sku(), null, quantity, sku.price(), null)), BigDecimal.ZERO, null,
					null, null, null, code, null, new OrderDraft.Shipment("中通快递", "ZT" + (2_000_000_000L + i)), null,
					OrderSource.DEMO);
			if (this.orders.place(draft).created()) {
				placed++;
			}
		}
		return placed;
	}

	/**
	 * One demo group: its members today and their average daily growth over 60 days.
	 */
	record DemoGroup(String code, String name, GroupKind kind, int members, int dailyGrowth,
			List<DemoActivity> activities) {
	}

	/**
	 * One demo activity: {@code day} is its start relative to today, {@code days} how
	 * long it runs and {@code orders} how many orders it brought.
	 */
	record DemoActivity(String code, ActivityType type, String title, int day, int days, int orders) {
	}

	record DemoSku(String sku, BigDecimal price) {
	}

}
