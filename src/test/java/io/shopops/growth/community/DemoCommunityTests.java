package io.shopops.growth.community;

import java.time.Duration;
import java.time.Instant;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo community seeds groups with 60 days of member counts, activities, SOP items
 * with past and future tasks, and orders whose attributed GMV is exactly what those
 * orders paid; it changes nothing when run again.
 */
@SpringBootTest
class DemoCommunityTests {

	@Autowired
	CommunityService service;

	@Autowired
	SopTasks tasks;

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	UserDirectory users;

	@Autowired
	Inventory inventory;

	@Autowired
	ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommunityQueries queries;

	@Test
	void seedsGroupsCountsActivitiesTasksAndAttributedOrdersOnce() {
		if (this.channels.find("SITE").isEmpty()) {
			this.channels.create("SITE", "官网商城", SalesPlatform.OWN_SITE);
		}
		if (this.users.findEnabled("operator").isEmpty()) {
			this.jdbc.sql("""
					INSERT INTO user_account (username, display_name, password_hash, role)
					VALUES ('operator', '运营小王', 'x', 'OPERATOR')""").update();
		}
		String sku = CommunityFixtures.sku(this.jdbc, this.inventory, CommunityFixtures.unique("DEMOG"), 0);
		this.jdbc
			.sql("UPDATE product SET status = 'ACTIVE' WHERE id = "
					+ "(SELECT product_id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update();
		DemoCommunity demo = new DemoCommunity(this.service, this.tasks, this.orders, this.channels, this.users,
				this.jdbc, this.settings);
		demo.run(null);

		assertThat(count("SELECT count(*) FROM community_group WHERE tracking_code IN ('GVIP01', 'GMOM01', 'GFAN01',"
				+ " 'GOLD01')"))
			.isEqualTo(4);
		assertThat(count("SELECT count(*) FROM community_member_count c JOIN community_group g ON g.id = c.group_id"
				+ " WHERE g.tracking_code = 'GVIP01'"))
			.isEqualTo(60);
		assertThat(count("SELECT count(*) FROM community_activity WHERE tracking_code IN ('GB1111', 'QA1125',"
				+ " 'GB1212', 'DR1120', 'DR1203', 'QA1118')"))
			.isEqualTo(6);
		assertThat(count("SELECT count(*) FROM community_sop s JOIN community_group g ON g.id = s.group_id"
				+ " WHERE g.tracking_code = 'GVIP01'"))
			.isEqualTo(3);
		assertThat(count("SELECT count(*) FROM community_task t JOIN community_group g ON g.id = t.group_id"
				+ " WHERE g.tracking_code = 'GVIP01' AND t.status = 'DONE'"))
			.isPositive();
		assertThat(count("SELECT count(*) FROM community_task t JOIN community_group g ON g.id = t.group_id"
				+ " WHERE g.tracking_code = 'GVIP01' AND t.status = 'OPEN' AND t.due_at < now()"))
			.isOne();

		long placed = count("SELECT count(*) FROM shop_order WHERE number LIKE 'CM-%'");
		assertThat(placed).isGreaterThanOrEqualTo(16 + 4 + 9 + 3 + 3);
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(count("SELECT count(*) FROM content_order WHERE order_number LIKE 'CM-%'"))
				.isEqualTo(placed));
		long vip = this.jdbc.sql("SELECT id FROM community_group WHERE tracking_code = 'GVIP01'")
			.query(Long.class)
			.single();
		java.math.BigDecimal paid = this.jdbc.sql("""
				SELECT coalesce(sum(o.paid_amount), 0) FROM shop_order o
				WHERE o.number LIKE 'CM-GVIP01-%' OR o.number LIKE 'CM-GB1111-%'
				    OR o.number LIKE 'CM-QA1125-%' OR o.number LIKE 'CM-GB1212-%'""")
			.query(java.math.BigDecimal.class)
			.single();
		Instant now = Instant.now();
		CommunityViews.Attribution attribution = this.queries
			.group(vip, now.minus(Duration.ofDays(400)), now.plus(Duration.ofDays(1)), now)
			.orElseThrow()
			.group()
			.attribution();
		assertThat(attribution.orders()).isPositive();
		assertThat(attribution.gmv()).isEqualByComparingTo(paid);

		demo.run(null);
		assertThat(count("SELECT count(*) FROM community_group WHERE tracking_code = 'GVIP01'")).isOne();
		assertThat(count("SELECT count(*) FROM shop_order WHERE number LIKE 'CM-%'")).isEqualTo(placed);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
