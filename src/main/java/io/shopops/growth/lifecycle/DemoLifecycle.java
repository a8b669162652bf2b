package io.shopops.growth.lifecycle;

import java.time.Duration;
import java.time.Instant;
import java.time.MonthDay;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import io.shopops.growth.coupon.CouponGrants;
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
 * Demo lifecycle rules with history (profile {@code demo}, after the CRM, coupon and
 * retention demos): a win-back coupon for customers dormant 90 days, a welcome call for
 * new customers and a birthday-month greeting, each evaluated three weeks ago and again
 * now, so that their pages show firings and the orders that came back since. Birthdays
 * are set for a few customers, some in the current month. Runs once.
 */
@Component
@Profile("demo")
@Order(75)
class DemoLifecycle implements ApplicationRunner {

	static final String DORMANT = "沉睡 90 天唤回券";

	static final String WELCOME = "新客首单回访";

	static final String BIRTHDAY = "生日月祝福";

	private static final Logger log = LoggerFactory.getLogger(DemoLifecycle.class);

	private final LifecycleRules rules;

	private final LifecycleEvaluator evaluator;

	private final CouponGrants coupons;

	private final UserDirectory users;

	private final ShopSettings settings;

	private final JdbcClient jdbc;

	DemoLifecycle(LifecycleRules rules, LifecycleEvaluator evaluator, CouponGrants coupons, UserDirectory users,
			ShopSettings settings, JdbcClient jdbc) {
		this.rules = rules;
		this.evaluator = evaluator;
		this.coupons = coupons;
		this.users = users;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM lifecycle_rule WHERE name IN (:names)")
			.param("names", List.of(DORMANT, WELCOME, BIRTHDAY))
			.query(Long.class)
			.single() > 0) {
			return;
		}
		Optional<String> staff = this.users.findEnabled("operator")
			.or(() -> this.users.enabledUsers().stream().findFirst())
			.map(UserDirectory.DirectoryUser::username);
		if (staff.isEmpty()) {
			return;
		}
		String manager = this.users.findEnabled("manager")
			.map(UserDirectory.DirectoryUser::username)
			.orElse(staff.get());
		seedBirthdays();
		Optional<CouponGrants.Grantable> coupon = this.coupons.grantable()
			.stream()
			.filter((c) -> c.name().contains("无门槛"))
			.findFirst()
			.or(() -> this.coupons.grantable().stream().findFirst());
		LifecycleRule.Definition dormant = coupon
			.map((c) -> new LifecycleRule.Definition(DORMANT, LifecycleTrigger.DORMANT, 90, List.of(), null,
					LifecycleAction.COUPON, c.id(), null, null, null, null, 60, 30, true))
			.orElse(new LifecycleRule.Definition(DORMANT, LifecycleTrigger.DORMANT, 90, List.of(), null,
					LifecycleAction.TASK, null, "电话回访沉睡客户", staff.get(), 2, null, 60, 30, true));
		long dormantId = this.rules.create(dormant, "demo");
		long welcomeId = this.rules.create(new LifecycleRule.Definition(WELCOME, LifecycleTrigger.NEW_CUSTOMER, 30,
				List.of(), null, LifecycleAction.TASK, null, "首单回访：确认收货并邀请入群", staff.get(), 1, null, 365, 30, true),
				"demo");
		long birthdayId = this.rules.create(new LifecycleRule.Definition(BIRTHDAY, LifecycleTrigger.BIRTHDAY_MONTH,
				null, List.of(), null, LifecycleAction.TASK, null, "发送生日祝福", manager, 3, null, 300, 30, true), "demo");
		Instant past = Instant.now().minus(Duration.ofDays(21));
		int acted = 0;
		for (long id : List.of(dormantId, welcomeId, birthdayId)) {
			acted += this.evaluator.evaluate(id, past, "demo").acted();
			acted += this.evaluator.evaluate(id, Instant.now(), "demo").acted();
		}
		log.info("Demo lifecycle: 3 rules, {} customers acted on", acted);
	}

	/**
	 * Gives every seventh customer a birthday, one in three of them in this month.
	 */
	private void seedBirthdays() {
		ZoneId zone = this.settings.current().timeZone();
		int month = Instant.now().atZone(zone).getMonthValue();
		List<Long> ids = this.jdbc.sql("""
				SELECT id FROM customer WHERE merged_into IS NULL AND birthday_month IS NULL AND id % 7 = 0
				ORDER BY id LIMIT 200""").query(Long.class).list();
		for (int i = 0; i < ids.size(); i++) {
			int m = (i % 3 == 0) ? month : 1 + (int) ((ids.get(i) * 5) % 12);
			int day = 1 + (int) (ids.get(i) % 28);
			MonthDay birthday = MonthDay.of(m, day);
			this.jdbc.sql("UPDATE customer SET birthday_month = :m, birthday_day = :d WHERE id = :id")
				.param("m", birthday.getMonthValue())
				.param("d", birthday.getDayOfMonth())
				.param("id", ids.get(i))
				.update();
		}
	}

}
