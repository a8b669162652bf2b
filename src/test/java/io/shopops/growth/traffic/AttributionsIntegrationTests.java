package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Utm;
import io.shopops.platform.ShopSettings;
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
 * Each attribution rule in order, the touch window's edges, refunds reducing attributed
 * GMV, and idempotent redelivery (directly and through the published events).
 */
@SpringBootTest
class AttributionsIntegrationTests {

	@Autowired
	Attributions attributions;

	@Autowired
	AttributionRecorder recorder;

	@Autowired
	Sites sites;

	@Autowired
	ShopSettings shop;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	private final Instant paidAt = LocalDate.of(2019, 5, 20)
		.atTime(12, 0)
		.atZone(ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@Test
	void aContentCodeOfAPieceGroupOrActivityWinsOverUtm() {
		String pieceCode = AttributionFixtures.unique("P");
		long piece = AttributionFixtures.piece(this.jdbc, pieceCode);
		String groupCode = AttributionFixtures.unique("G");
		long group = AttributionFixtures.group(this.jdbc, groupCode);
		String activityCode = AttributionFixtures.unique("A");
		long activity = AttributionFixtures.activity(this.jdbc, group, activityCode);
		String campaign = AttributionFixtures.unique("camp-");
		AttributionFixtures.campaign(this.jdbc, campaign, "TMALL");

		OrderSnapshot byPiece = record(
				order(" " + pieceCode.toLowerCase() + " ", new Utm("baidu", "cpc", campaign, null), null));
		OrderSnapshot byGroup = record(order(groupCode, null, null));
		OrderSnapshot byActivity = record(order(activityCode, null, null));

		assertThat(fact(byPiece)).containsEntry("rule", "CONTENT")
			.containsEntry("traffic_source", "CONTENT")
			.containsEntry("piece_id", piece)
			.containsEntry("group_id", 0L);
		assertThat(fact(byGroup)).containsEntry("rule", "CONTENT")
			.containsEntry("traffic_source", "PRIVATE")
			.containsEntry("group_id", group)
			.containsEntry("piece_id", 0L);
		assertThat(fact(byActivity)).containsEntry("rule", "CONTENT")
			.containsEntry("group_id", group)
			.containsEntry("activity_id", activity);
	}

	@Test
	void anUnknownContentCodeFallsBackToTheUtmCampaignThenTheSourceRules() {
		String name = AttributionFixtures.unique("双12-");
		long campaign = AttributionFixtures.campaign(this.jdbc, name, "TMALL");
		OrderSnapshot byCampaign = record(order("NOSUCH" + UUID.randomUUID().toString().substring(0, 6),
				new Utm("wechat", "social", name.toLowerCase(), null), null));
		OrderSnapshot paidSource = record(order(null, new Utm("baidu", "cpc", "no-such-campaign", null), null));
		OrderSnapshot nameOnly = record(order(null, new Utm(null, null, "no-such-campaign", null), null));

		assertThat(fact(byCampaign)).containsEntry("rule", "CAMPAIGN")
			.containsEntry("traffic_source", "PAID")
			.containsEntry("campaign_id", campaign);
		assertThat(fact(paidSource)).containsEntry("rule", "UTM")
			.containsEntry("traffic_source", "PAID")
			.containsEntry("campaign_id", 0L);
		assertThat(fact(nameOnly)).containsEntry("rule", "UTM").containsEntry("traffic_source", "OTHER");
	}

	@Test
	void anOwnSiteVisitorsLastTrackedTouchInsideTheWindowCounts() {
		long site = this.sites.create("Attr " + UUID.randomUUID(), "https://" + UUID.randomUUID() + ".attr.example")
			.id();
		String pieceCode = AttributionFixtures.unique("T");
		long piece = AttributionFixtures.piece(this.jdbc, pieceCode);
		String visitor = "v-" + UUID.randomUUID();
		Instant placedAt = this.paidAt.minusSeconds(60);
		// an older touch from a piece, then the last one from social; a later untracked
		// page view and a touch after the order change nothing
		AttributionFixtures.touch(this.jdbc, site, visitor, placedAt.minus(Duration.ofDays(3)), null, null, null,
				pieceCode, "CONTENT");
		long last = AttributionFixtures.touch(this.jdbc, site, visitor, placedAt.minus(Duration.ofDays(1)),
				"xiaohongshu", "social", null, null, "SOCIAL");
		AttributionFixtures.touch(this.jdbc, site, visitor, placedAt.minusSeconds(30), null, null, null, null,
				"DIRECT");
		AttributionFixtures.touch(this.jdbc, site, visitor, placedAt.plusSeconds(30), "baidu", "cpc", null, null,
				"PAID");

		OrderSnapshot order = record(order(null, null, visitor));
		assertThat(fact(order)).containsEntry("rule", "TOUCH")
			.containsEntry("traffic_source", "SOCIAL")
			.containsEntry("touch_event_id", last);

		// a touch that carries a content code is attributed to its piece
		String other = "v-" + UUID.randomUUID();
		AttributionFixtures.touch(this.jdbc, site, other, placedAt.minus(Duration.ofHours(5)), null, null, null,
				pieceCode.toLowerCase(), "OTHER");
		assertThat(fact(record(order(null, null, other)))).containsEntry("rule", "TOUCH")
			.containsEntry("traffic_source", "CONTENT")
			.containsEntry("piece_id", piece);

		// a marketplace order is not matched to site visitors
		OrderSnapshot marketplace = AttributionFixtures.order("TMALL", SalesPlatform.TMALL, "10.00", this.paidAt, null,
				null, visitor);
		this.attributions.record(marketplace);
		assertThat(fact(marketplace)).containsEntry("rule", "DIRECT").containsEntry("traffic_source", "DIRECT");
	}

	@Test
	void theWindowEndsExactlySevenDaysBeforeTheOrder() {
		long site = this.sites.create("Edge " + UUID.randomUUID(), "https://" + UUID.randomUUID() + ".attr.example")
			.id();
		Instant placedAt = this.paidAt.minusSeconds(60);
		String inside = "v-" + UUID.randomUUID();
		AttributionFixtures.touch(this.jdbc, site, inside, placedAt.minus(Duration.ofDays(7)), "baidu", "cpc", null,
				null, "PAID");
		String outside = "v-" + UUID.randomUUID();
		AttributionFixtures.touch(this.jdbc, site, outside, placedAt.minus(Duration.ofDays(7)).minusSeconds(1), "baidu",
				"cpc", null, null, "PAID");
		assertThat(this.attributions.windowDays()).isEqualTo(7);
		assertThat(fact(record(order(null, null, inside)))).containsEntry("rule", "TOUCH");
		assertThat(fact(record(order(null, null, outside)))).containsEntry("rule", "DIRECT");
	}

	@Test
	void refundsReduceTheAttributedGmvOnTheirDayAndRedeliveryCountsOnce() {
		String code = AttributionFixtures.unique("R");
		long piece = AttributionFixtures.piece(this.jdbc, code);
		OrderSnapshot order = record(order(code, null, null));
		OrderSnapshot second = record(order(code, null, null));
		Instant refundAt = this.paidAt.plus(Duration.ofDays(2));
		RefundCompleted refund = AttributionFixtures.refund(order, "30.00", refundAt);
		assertThat(this.attributions.refund(refund)).isTrue();
		assertThat(this.attributions.refund(refund)).isFalse();
		// redelivered order events change nothing
		assertThat(this.attributions.record(order)).isFalse();
		assertThat(this.attributions.record(second)).isFalse();

		assertThat(pieceTotals(piece)).isEqualTo(new Totals(2, new BigDecimal("200.00"), 1, new BigDecimal("30.00")));
		LocalDate refundDay = LocalDate.ofInstant(refundAt, this.shop.current().timeZone());
		assertThat(this.jdbc.sql("SELECT sum(refund_amount) FROM attribution_day WHERE piece_id = ? AND day = ?")
			.params(piece, refundDay)
			.query(BigDecimal.class)
			.single()).isEqualByComparingTo("30.00");

		// the order's amount changes: its GMV moves, its refund stays
		OrderSnapshot changed = withAmount(order, "80.00");
		assertThat(this.attributions.record(changed)).isTrue();
		assertThat(pieceTotals(piece)).isEqualTo(new Totals(2, new BigDecimal("180.00"), 1, new BigDecimal("30.00")));
	}

	@Test
	void aRefundBeforeThePaymentIsCountedWhenTheOrderArrives() {
		String code = AttributionFixtures.unique("E");
		long piece = AttributionFixtures.piece(this.jdbc, code);
		OrderSnapshot order = order(code, null, null);
		this.attributions.refund(AttributionFixtures.refund(order, "20.00", this.paidAt.plusSeconds(3600)));
		assertThat(pieceTotals(piece)).isEqualTo(new Totals(0, BigDecimal.ZERO, 0, BigDecimal.ZERO));
		record(order);
		assertThat(pieceTotals(piece)).isEqualTo(new Totals(1, new BigDecimal("100.00"), 1, new BigDecimal("20.00")));
	}

	@Test
	void publishedEventsAreRecordedOnceWhateverTheRedelivery() {
		String code = AttributionFixtures.unique("M");
		long piece = AttributionFixtures.piece(this.jdbc, code);
		OrderSnapshot order = order(code, null, null);
		RefundCompleted refund = AttributionFixtures.refund(order, "10.00", this.paidAt.plusSeconds(7200));
		TransactionTemplate tx = new TransactionTemplate(this.transactions);
		tx.executeWithoutResult((status) -> this.events.publishEvent(new OrderPaid(order, Instant.now())));
		tx.executeWithoutResult((status) -> this.events.publishEvent(refund));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(pieceTotals(piece))
				.isEqualTo(new Totals(1, new BigDecimal("100.00"), 1, new BigDecimal("10.00"))));
		tx.executeWithoutResult((status) -> {
			this.recorder.on(new OrderPaid(order, Instant.now()));
			this.recorder.on(refund);
		});
		assertThat(pieceTotals(piece)).isEqualTo(new Totals(1, new BigDecimal("100.00"), 1, new BigDecimal("10.00")));
	}

	private OrderSnapshot order(String code, Utm utm, String visitor) {
		return AttributionFixtures.order("OWN", SalesPlatform.OWN_SITE, "100.00", this.paidAt, code, utm, visitor);
	}

	private OrderSnapshot record(OrderSnapshot order) {
		assertThat(this.attributions.record(order)).isTrue();
		return order;
	}

	private static OrderSnapshot withAmount(OrderSnapshot o, String amount) {
		BigDecimal paid = new BigDecimal(amount);
		return new OrderSnapshot(o.id(), o.channelCode(), o.platform(), o.number(), o.status(), o.times(), o.customer(),
				o.address(), o.lines(), paid, o.shippingFee(), o.discount(), paid, o.currency(), o.couponCode(),
				o.utm(), o.contentCode(), o.visitorId(), o.note(), o.source(), o.history(), o.warehouse());
	}

	private Map<String, Object> fact(OrderSnapshot order) {
		return this.jdbc.sql("SELECT * FROM attribution_order WHERE order_id = ?")
			.param(order.id())
			.query()
			.singleRow();
	}

	private Totals pieceTotals(long piece) {
		return this.jdbc.sql("""
				SELECT coalesce(sum(orders), 0), coalesce(sum(gmv), 0), coalesce(sum(refunds), 0),
				       coalesce(sum(refund_amount), 0) FROM attribution_day WHERE piece_id = ?""")
			.param(piece)
			.query((rs, n) -> new Totals(rs.getLong(1), rs.getBigDecimal(2).stripTrailingZeros(), rs.getLong(3),
					rs.getBigDecimal(4).stripTrailingZeros()))
			.single();
	}

	record Totals(long orders, BigDecimal gmv, long refunds, BigDecimal refundAmount) {

		Totals {
			gmv = gmv.stripTrailingZeros();
			refundAmount = refundAmount.stripTrailingZeros();
		}

	}

}
