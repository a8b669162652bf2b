package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.fulfilment.order.Utm;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Re-attribution: late touches (collected after the order, with a time before it) and
 * window changes attribute the affected own-site orders again, moving their GMV and
 * refunds between rollup rows; orders attributed by their own code or UTM are never
 * touched; running it again changes nothing; and after every step the rollup equals a
 * recomputation from the facts.
 */
@SpringBootTest
class ReattributionTests {

	@Autowired
	Attributions attributions;

	@Autowired
	Reattribution reattribution;

	@Autowired
	Sites sites;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PlatformTransactionManager transactions;

	/** Each test's own channel, so the rollup rows compared are its own. */
	private String channel;

	private long site;

	private final Instant paidAt = LocalDate.of(2019, 8, 8)
		.atTime(20, 0)
		.atZone(ZoneId.of("Asia/Shanghai"))
		.toInstant();

	@BeforeEach
	void setUp() {
		this.channel = AttributionFixtures.unique("RA");
		this.site = this.sites.create("Re " + UUID.randomUUID(), "https://" + UUID.randomUUID() + ".re.example").id();
		// events stored before the test are not the test's late touches
		this.reattribution.lateTouches(dbNow());
	}

	@AfterEach
	void restoreTheWindow() {
		new TransactionTemplate(this.transactions).executeWithoutResult((s) -> this.attributions.changeWindow(7));
		this.reattribution.runQueued();
	}

	@Test
	void aLateTouchInsideTheWindowReattributesTheOrderAndMovesItsGmvAndRefunds() {
		String code = AttributionFixtures.unique("LT");
		long piece = AttributionFixtures.piece(this.jdbc, code);
		String visitor = "v-" + UUID.randomUUID();
		OrderSnapshot order = record(order(visitor));
		assertThat(fact(order)).containsEntry("rule", "DIRECT");
		this.attributions.refund(AttributionFixtures.refund(order, "25.00", this.paidAt.plus(Duration.ofDays(1))));
		assertRollupIsARecomputation();

		// collected later, but it happened two days before the order; one after the order
		// and one outside the window change nothing
		Instant placedAt = this.paidAt.minusSeconds(60);
		long touch = AttributionFixtures.touch(this.jdbc, this.site, visitor, placedAt.minus(Duration.ofDays(2)), null,
				null, null, code, "CONTENT");
		AttributionFixtures.touch(this.jdbc, this.site, visitor, placedAt.plusSeconds(5), "baidu", "cpc", null, null,
				"PAID");
		assertThat(this.reattribution.lateTouches(dbNow())).isEqualTo(1);

		assertThat(fact(order)).containsEntry("rule", "TOUCH")
			.containsEntry("traffic_source", "CONTENT")
			.containsEntry("piece_id", piece)
			.containsEntry("touch_event_id", touch);
		assertThat(pieceTotals(piece)).containsExactly(1L, new BigDecimal("100.00"), 1L, new BigDecimal("25.00"));
		assertThat(direct()).containsExactly(0L, new BigDecimal("0.00"), 0L, new BigDecimal("0.00"));
		assertRollupIsARecomputation();

		// the same events again, and a pass with nothing new, change nothing
		this.jdbc.sql("UPDATE attribution_setting SET touches_seen_until = touches_seen_until - interval '1 hour'")
			.update();
		this.reattribution.lateTouches(dbNow());
		assertThat(this.reattribution.lateTouches(dbNow())).isZero();
		assertThat(pieceTotals(piece)).containsExactly(1L, new BigDecimal("100.00"), 1L, new BigDecimal("25.00"));

		// a later (still late) touch of the visitor wins: the last touch before the order
		long later = AttributionFixtures.touch(this.jdbc, this.site, visitor, placedAt.minus(Duration.ofHours(1)),
				"xiaohongshu", "social", null, null, "SOCIAL");
		AttributionFixtures.touch(this.jdbc, this.site, "v-" + UUID.randomUUID(), placedAt.minusSeconds(10), "baidu",
				"cpc", null, null, "PAID");
		assertThat(this.reattribution.lateTouches(dbNow())).isEqualTo(1);
		assertThat(fact(order)).containsEntry("traffic_source", "SOCIAL")
			.containsEntry("piece_id", 0L)
			.containsEntry("touch_event_id", later);
		assertThat(pieceTotals(piece)).containsExactly(0L, new BigDecimal("0.00"), 0L, new BigDecimal("0.00"));
		assertRollupIsARecomputation();

		// redelivered order events agree with the re-attribution
		assertThat(this.attributions.record(order)).isFalse();
	}

	@Test
	void aLateTouchOutsideTheWindowOrForAnOrderWithItsOwnCodeChangesNothing() {
		String code = AttributionFixtures.unique("LO");
		long piece = AttributionFixtures.piece(this.jdbc, code);
		String visitor = "v-" + UUID.randomUUID();
		OrderSnapshot direct = record(order(visitor));
		OrderSnapshot byUtm = record(AttributionFixtures.order(this.channel, SalesPlatform.OWN_SITE, "40.00",
				this.paidAt, null, new Utm("baidu", "cpc", null, null), visitor));
		Instant placedAt = this.paidAt.minusSeconds(60);
		AttributionFixtures.touch(this.jdbc, this.site, visitor, placedAt.minus(Duration.ofDays(7)).minusSeconds(1),
				null, null, null, code, "CONTENT");
		assertThat(this.reattribution.lateTouches(dbNow())).isZero();
		AttributionFixtures.touch(this.jdbc, this.site, visitor, placedAt.minus(Duration.ofDays(3)), null, null, null,
				code, "CONTENT");
		assertThat(this.reattribution.lateTouches(dbNow())).isEqualTo(1);
		assertThat(fact(direct)).containsEntry("rule", "TOUCH").containsEntry("piece_id", piece);
		assertThat(fact(byUtm)).containsEntry("rule", "UTM").containsEntry("piece_id", 0L);
		assertRollupIsARecomputation();
	}

	@Test
	void aWindowChangeReattributesEveryTouchableOrderAndIsAudited() {
		String visitor = "v-" + UUID.randomUUID();
		Instant placedAt = this.paidAt.minusSeconds(60);
		long touch = AttributionFixtures.touch(this.jdbc, this.site, visitor, placedAt.minus(Duration.ofDays(10)),
				"baidu", "cpc", null, null, "PAID");
		String recent = "v-" + UUID.randomUUID();
		long recentTouch = AttributionFixtures.touch(this.jdbc, this.site, recent, placedAt.minus(Duration.ofDays(2)),
				"weibo", "social", null, null, "SOCIAL");
		this.reattribution.lateTouches(dbNow());
		OrderSnapshot old = record(order(visitor));
		OrderSnapshot fresh = record(order(recent));
		this.attributions.refund(AttributionFixtures.refund(old, "10.00", this.paidAt.plus(Duration.ofDays(3))));
		assertThat(fact(old)).containsEntry("rule", "DIRECT");
		assertThat(fact(fresh)).containsEntry("rule", "TOUCH").containsEntry("touch_event_id", recentTouch);

		tx(() -> this.attributions.changeWindow(14));
		// nothing moves until the queued job runs
		assertThat(fact(old)).containsEntry("rule", "DIRECT");
		assertThat(
				this.jdbc.sql("SELECT count(*) FROM attribution_rework WHERE reason = 'WINDOW' AND finished_at IS NULL")
					.query(Long.class)
					.single())
			.isEqualTo(1);
		assertThat(this.reattribution.runQueued()).isPositive();
		assertThat(fact(old)).containsEntry("rule", "TOUCH")
			.containsEntry("traffic_source", "PAID")
			.containsEntry("touch_event_id", touch);
		assertThat(fact(fresh)).containsEntry("rule", "TOUCH").containsEntry("touch_event_id", recentTouch);
		assertThat(channelTotals("TOUCH")).containsExactly(2L, new BigDecimal("200.00"), 1L, new BigDecimal("10.00"));
		assertRollupIsARecomputation();
		Map<String, Object> audit = this.jdbc.sql("""
				SELECT summary FROM audit_entry WHERE action = 'ATTRIBUTION_REATTRIBUTED' ORDER BY id DESC LIMIT 1""")
			.query()
			.singleRow();
		assertThat((String) audit.get("summary")).startsWith("window_days: 14;");
		assertThat(this.reattribution.runQueued()).isZero();

		// back to 7 days: the old touch is outside again; a change superseded by another
		// before it ran gives way to it
		tx(() -> this.attributions.changeWindow(30));
		tx(() -> this.attributions.changeWindow(7));
		this.reattribution.runQueued();
		assertThat(fact(old)).containsEntry("rule", "DIRECT").containsEntry("touch_event_id", null);
		assertThat(channelTotals("DIRECT")).containsExactly(1L, new BigDecimal("100.00"), 1L, new BigDecimal("10.00"));
		assertThat(channelTotals("TOUCH")).containsExactly(1L, new BigDecimal("100.00"), 0L, new BigDecimal("0.00"));
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM attribution_rework WHERE reason = 'WINDOW' AND finished_at IS NULL""")
			.query(Long.class)
			.single()).isZero();
		assertRollupIsARecomputation();
	}

	@Test
	void theAttributionPageShowsTheMovedGmv() {
		String code = AttributionFixtures.unique("PG");
		long piece = AttributionFixtures.piece(this.jdbc, code);
		String visitor = "v-" + UUID.randomUUID();
		record(order(visitor));
		AttributionReportCheck before = report();
		AttributionFixtures.touch(this.jdbc, this.site, visitor, this.paidAt.minus(Duration.ofDays(1)), null, null,
				null, code, "CONTENT");
		this.reattribution.lateTouches(dbNow());
		AttributionReportCheck after = report();
		assertThat(before.piece(piece)).isNull();
		assertThat(after.piece(piece)).isEqualByComparingTo("100.00");
		assertThat(after.total()).isEqualByComparingTo(before.total());
	}

	@Autowired
	AttributionReport report;

	private AttributionReportCheck report() {
		LocalDate day = LocalDate.ofInstant(this.paidAt, ZoneId.of("Asia/Shanghai"));
		return new AttributionReportCheck(this.report.report(day, day));
	}

	record AttributionReportCheck(AttributionReport.Report report) {

		BigDecimal total() {
			return this.report.totals().gmv();
		}

		BigDecimal piece(long id) {
			return this.report.pieces()
				.stream()
				.filter((l) -> l.key().equals(String.valueOf(id)))
				.map(AttributionReport.Line::gmv)
				.findFirst()
				.orElse(null);
		}

	}

	/**
	 * The rollup rows of the test's channel are what summing its facts and refunds gives
	 * (rows whose sums are all zero are no rows).
	 */
	private void assertRollupIsARecomputation() {
		String rollup = """
				SELECT day, rule, traffic_source, campaign_id, piece_id, group_id, orders, gmv, refunds, refund_amount
				FROM attribution_day WHERE channel_code = :channel
				  AND (orders <> 0 OR gmv <> 0 OR refunds <> 0 OR refund_amount <> 0)""";
		String recomputed = """
				SELECT day, rule, traffic_source, campaign_id, piece_id, group_id, sum(orders) AS orders, sum(gmv) AS gmv,
				       sum(refunds) AS refunds, sum(refund_amount) AS refund_amount FROM (
				  SELECT pay_day AS day, rule, traffic_source, campaign_id, piece_id, group_id, 1 AS orders,
				         paid_amount AS gmv, 0 AS refunds, 0 AS refund_amount
				  FROM attribution_order WHERE channel_code = :channel
				  UNION ALL
				  SELECT r.refund_day, o.rule, o.traffic_source, o.campaign_id, o.piece_id, o.group_id, 0, 0, 1, r.amount
				  FROM attribution_refund r JOIN attribution_order o ON o.order_id = r.order_id
				  WHERE o.channel_code = :channel) f
				GROUP BY 1, 2, 3, 4, 5, 6""";
		List<Map<String, Object>> missing = this.jdbc.sql("(" + recomputed + ") EXCEPT (" + rollup + ")")
			.param("channel", this.channel)
			.query()
			.listOfRows();
		List<Map<String, Object>> extra = this.jdbc.sql("(" + rollup + ") EXCEPT (" + recomputed + ")")
			.param("channel", this.channel)
			.query()
			.listOfRows();
		assertThat(missing).as("recomputed rows missing from the rollup").isEmpty();
		assertThat(extra).as("rollup rows a recomputation does not give").isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM attribution_order WHERE channel_code = :channel")
			.param("channel", this.channel)
			.query(Long.class)
			.single()).isPositive();
	}

	private List<Object> pieceTotals(long piece) {
		return totals("piece_id = " + piece);
	}

	private List<Object> direct() {
		return channelTotals("DIRECT");
	}

	private List<Object> channelTotals(String rule) {
		return totals("rule = '" + rule + "'");
	}

	private List<Object> totals(String condition) {
		return this.jdbc
			.sql("""
					SELECT coalesce(sum(orders), 0), coalesce(sum(gmv), 0.00), coalesce(sum(refunds), 0),
					       coalesce(sum(refund_amount), 0.00) FROM attribution_day WHERE channel_code = :channel AND\s"""
					+ condition)
			.param("channel", this.channel)
			.query((rs, n) -> List.<Object>of(rs.getLong(1), rs.getBigDecimal(2).setScale(2), rs.getLong(3),
					rs.getBigDecimal(4).setScale(2)))
			.single();
	}

	private OrderSnapshot order(String visitor) {
		return AttributionFixtures.order(this.channel, SalesPlatform.OWN_SITE, "100.00", this.paidAt, null, null,
				visitor);
	}

	private OrderSnapshot record(OrderSnapshot order) {
		assertThat(this.attributions.record(order)).isTrue();
		return order;
	}

	private Map<String, Object> fact(OrderSnapshot order) {
		return this.jdbc.sql("SELECT * FROM attribution_order WHERE order_id = ?")
			.param(order.id())
			.query()
			.singleRow();
	}

	private Instant dbNow() {
		return this.jdbc.sql("SELECT clock_timestamp()").query(Timestamp.class).single().toInstant();
	}

	private void tx(Runnable work) {
		new TransactionTemplate(this.transactions).executeWithoutResult((s) -> work.run());
	}

}
