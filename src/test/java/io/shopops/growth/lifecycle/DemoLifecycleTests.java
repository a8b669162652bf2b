package io.shopops.growth.lifecycle;

import java.util.List;

import io.shopops.TestUsers;
import io.shopops.growth.coupon.CouponGrants;
import io.shopops.platform.Role;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo seeds three rules with history, once.
 */
@SpringBootTest
class DemoLifecycleTests {

	@Autowired
	LifecycleRules rules;

	@Autowired
	LifecycleEvaluator evaluator;

	@Autowired
	CouponGrants coupons;

	@Autowired
	UserDirectory users;

	@Autowired
	ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TestUsers testUsers;

	@Test
	void seedsThreeRulesWithHistoryOnce() {
		this.testUsers.create(Role.OPERATOR);
		// dormant three weeks ago, and new three weeks ago
		long dormant = LifecycleFixtures.buyer(this.jdbc, "Demo dormant", 400, 200, 2);
		long fresh = LifecycleFixtures.buyer(this.jdbc, "Demo new", 25, 25, 1);
		LifecycleFixtures.coupon(this.jdbc);
		DemoLifecycle demo = new DemoLifecycle(this.rules, this.evaluator, this.coupons, this.users, this.settings,
				this.jdbc);

		demo.run(null);

		List<LifecycleRule> seeded = this.rules.list()
			.stream()
			.filter((r) -> List.of(DemoLifecycle.DORMANT, DemoLifecycle.WELCOME, DemoLifecycle.BIRTHDAY)
				.contains(r.name()))
			.toList();
		assertThat(seeded).hasSize(3).allMatch((r) -> r.lastRunAt() != null);
		LifecycleRule dormantRule = seeded.stream()
			.filter((r) -> r.name().equals(DemoLifecycle.DORMANT))
			.findFirst()
			.get();
		LifecycleRule welcome = seeded.stream().filter((r) -> r.name().equals(DemoLifecycle.WELCOME)).findFirst().get();
		assertThat(dormantRule.action()).isEqualTo(LifecycleAction.COUPON);
		assertThat(LifecycleFixtures.fired(this.jdbc, dormantRule.id())).contains(dormant);
		assertThat(LifecycleFixtures.fired(this.jdbc, welcome.id())).contains(fresh);
		assertThat(this.rules.firings(dormantRule.id(), 0).getContent()).isNotEmpty()
			.allMatch((f) -> f.firedAt().isBefore(java.time.Instant.now()));

		long rules = this.jdbc.sql("SELECT count(*) FROM lifecycle_rule").query(Long.class).single();
		long firings = this.jdbc.sql("SELECT count(*) FROM lifecycle_firing").query(Long.class).single();
		demo.run(null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM lifecycle_rule").query(Long.class).single()).isEqualTo(rules);
		assertThat(this.jdbc.sql("SELECT count(*) FROM lifecycle_firing").query(Long.class).single())
			.isEqualTo(firings);
	}

}
