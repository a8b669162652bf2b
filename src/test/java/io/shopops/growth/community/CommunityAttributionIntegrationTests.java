package io.shopops.growth.community;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;

import io.shopops.TestUsers;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.growth.community.CommunityViews.Attribution;
import io.shopops.growth.community.CommunityViews.StaffRow;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders placed through {@link Orders} with a community code are attributed to the
 * activity with that code, or to the group with it; a group's figures include its
 * activities', cancelled orders never count, refunds are taken off, and the group's owner
 * is credited on the staff table.
 */
@SpringBootTest
class CommunityAttributionIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	CommunityService service;

	@Autowired
	CommunityQueries queries;

	@Autowired
	TestUsers users;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void ordersCarryingAGroupsOrItsActivitysCodeCountForTheGroupAndItsOwner() {
		String owner = this.users.create(Role.OPERATOR);
		GroupForm group = new GroupForm();
		group.setName(CommunityFixtures.unique("福利群 "));
		group.setKind(GroupKind.WECOM_GROUP);
		group.setOwner(owner);
		long groupId = this.service.createGroup(group);
		String groupCode = this.jdbc.sql("SELECT tracking_code FROM community_group WHERE id = ?")
			.param(groupId)
			.query(String.class)
			.single();
		ActivityForm activity = new ActivityForm();
		activity.setGroupId(groupId);
		activity.setType(ActivityType.GROUP_BUY);
		activity.setTitle("年货团购");
		Instant start = Instant.now().minus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.SECONDS);
		activity.setStartsAt(java.time.LocalDateTime.ofInstant(start, java.time.ZoneOffset.UTC));
		activity.setEndsAt(java.time.LocalDateTime.ofInstant(start.plus(Duration.ofDays(3)), java.time.ZoneOffset.UTC));
		String activityCode = CommunityFixtures.unique("GB");
		activity.setTrackingCode(activityCode.toLowerCase());
		long activityId = this.service.createActivity(activity, java.time.ZoneOffset.UTC);

		String sku = CommunityFixtures.sku(this.jdbc, this.inventory, CommunityFixtures.unique("CMS"), 100);
		String channel = CommunityFixtures.channel(this.channels);
		Instant paidAt = Instant.now().minus(1, ChronoUnit.DAYS);
		OrderSnapshot viaActivity = place(channel, sku, 3, "20.00", activityCode.toLowerCase(), paidAt);
		place(channel, sku, 1, "50.00", groupCode, paidAt.plusSeconds(60));
		OrderSnapshot cancelled = place(channel, sku, 1, "99.00", groupCode, paidAt.plusSeconds(120));
		place(channel, sku, 1, "77.00", groupCode + "X", paidAt.plusSeconds(180));
		place(channel, sku, 1, "66.00", null, paidAt.plusSeconds(240));
		this.orders.cancel(cancelled.id(), "test", null);

		Instant from = paidAt.minus(1, ChronoUnit.DAYS);
		Instant to = Instant.now().plus(1, ChronoUnit.DAYS);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(groupAttribution(groupId, from, to).orders()).isEqualTo(2));
		assertThat(groupAttribution(groupId, from, to).gmv()).isEqualByComparingTo("110.00");
		assertThat(activityAttribution(activityId).orders()).isEqualTo(1);
		assertThat(activityAttribution(activityId).net()).isEqualByComparingTo("60.00");
		assertThat(this.queries.activity(activityId).orElseThrow().orders()).extracting((o) -> o.number())
			.containsExactly(viaActivity.number());
		// outside the range: nothing
		assertThat(groupAttribution(groupId, from.minus(10, ChronoUnit.DAYS), from).orders()).isZero();

		RefundCompleted refund = new RefundCompleted(viaActivity.id() * 10, viaActivity.id(), viaActivity.number(),
				channel, new BigDecimal("20.00"), "CNY",
				List.of(new RefundCompleted.Line(sku, 1, new BigDecimal("20.00"))),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(refund));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(groupAttribution(groupId, from, to).net()).isEqualByComparingTo("90.00"));
		assertThat(activityAttribution(activityId).refunded()).isEqualByComparingTo("20.00");

		StaffRow staff = this.queries.staff(from, to, Instant.now(), Map.of())
			.stream()
			.filter((row) -> row.username().equals(owner.toLowerCase()))
			.findFirst()
			.orElseThrow();
		assertThat(staff.groups()).isOne();
		assertThat(staff.attribution().orders()).isEqualTo(2);
		assertThat(staff.attribution().net()).isEqualByComparingTo("90.00");
	}

	@Test
	void aCodeIsUsedByOneThingOnly() {
		GroupForm group = new GroupForm();
		group.setName(CommunityFixtures.unique("唯一码群 "));
		group.setKind(GroupKind.FAN_CLUB);
		String code = CommunityFixtures.unique("U");
		group.setTrackingCode(code);
		long groupId = this.service.createGroup(group);
		ActivityForm activity = new ActivityForm();
		activity.setGroupId(groupId);
		activity.setType(ActivityType.QA);
		activity.setTitle("答疑");
		activity.setStartsAt(java.time.LocalDateTime.of(2030, 1, 1, 10, 0));
		activity.setEndsAt(java.time.LocalDateTime.of(2030, 1, 1, 11, 0));
		activity.setTrackingCode(code);
		org.assertj.core.api.Assertions
			.assertThatThrownBy(() -> this.service.createActivity(activity, java.time.ZoneOffset.UTC))
			.isInstanceOfSatisfying(CommunityFormException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("community.form.trackingCode.taken"));
	}

	private Attribution groupAttribution(long group, Instant from, Instant to) {
		return this.queries.group(group, from, to, Instant.now()).orElseThrow().group().attribution();
	}

	private Attribution activityAttribution(long activity) {
		return this.queries.activity(activity).orElseThrow().activity().attribution();
	}

	private OrderSnapshot place(String channel, String sku, int quantity, String price, String contentCode,
			Instant paidAt) {
		return this.orders.place(CommunityFixtures.paidDraft(channel, sku, quantity, price, contentCode, paidAt))
			.order();
	}

}
