package io.shopops.dashboard;

import java.io.IOException;
import java.math.BigDecimal;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;

import com.sun.net.httpserver.HttpServer;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The alert rules evaluated against real data and sent through the deliveries to a local
 * HTTP server: a promoted SKU out of stock (promoted by growth's content calendar), a
 * work queue beyond its limit and a refund spike, each once per rule and day.
 */
@SpringBootTest
class AlertsIntegrationTests {

	@Autowired
	DigestChannels channels;

	@Autowired
	AlertRules rules;

	@Autowired
	DigestJobs jobs;

	@Autowired
	DigestSender sender;

	@Autowired
	KpiRollups rollups;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	private HttpServer server;

	private final ConcurrentLinkedQueue<String> bodies = new ConcurrentLinkedQueue<>();

	@BeforeEach
	void setUp() throws IOException {
		this.jdbc.sql("DELETE FROM digest_channel").update();
		this.jdbc.sql("DELETE FROM digest_alert_rule").update();
		this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		this.server.createContext("/", (exchange) -> {
			this.bodies.add(new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
			byte[] out = "{\"errcode\":0}".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, out.length);
			exchange.getResponseBody().write(out);
			exchange.close();
		});
		this.server.start();
		DigestChannelForm form = new DigestChannelForm();
		form.setName("Alerts robot");
		form.setKind(DigestChannelKind.WECOM);
		form.setTarget("http://127.0.0.1:" + this.server.getAddress().getPort() + "/alerts");
		form.setLanguage("en");
		form.setDailyDigest(false);
		this.channels.create(form);
	}

	@AfterEach
	void stopServer() {
		this.server.stop(0);
	}

	private long rule(AlertRuleKind kind, String threshold, String queueKey) {
		AlertRuleForm form = new AlertRuleForm();
		form.setKind(kind);
		form.setThreshold(new BigDecimal(threshold));
		form.setQueueKey(queueKey);
		return this.rules.create(form);
	}

	@Test
	void aPromotedSkuOutOfStockIsAlertedOncePerDay() {
		String prefix = "ALRT" + UUID.randomUUID().toString().substring(0, 6).toUpperCase(Locale.ROOT);
		String empty = sku(prefix + "E", 0);
		String plenty = sku(prefix + "P", 50);
		String notPromoted = sku(prefix + "N", 0);
		long piece = this.jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
				VALUES ('SHORT_VIDEO', 'DOUYIN', 'Promo', 'SCHEDULED', :at, :code) RETURNING id""")
			.param("at", Timestamp.from(Instant.now().plus(Duration.ofDays(1))))
			.param("code", prefix)
			.query(Long.class)
			.single();
		int position = 0;
		for (String sku : List.of(empty, plenty)) {
			this.jdbc.sql("INSERT INTO content_piece_product (piece_id, sku, position) VALUES (:piece, :sku, :p)")
				.param("piece", piece)
				.param("sku", sku)
				.param("p", position++)
				.update();
		}
		long rule = rule(AlertRuleKind.PROMOTED_STOCK_OUT, "0", null);
		LocalDate today = this.jobs.today();
		Instant now = Instant.now();
		assertThat(this.jobs.queueAlerts(today, now)).isEqualTo(1);
		assertThat(this.jobs.queueAlerts(today, now.plusSeconds(900))).isZero();
		this.sender.deliverDue(now);
		assertThat(this.bodies).hasSize(1);
		String body = this.bodies.peek();
		assertThat(body).contains("promoted SKUs out of stock").contains(empty + " (0)");
		assertThat(body).doesNotContain(plenty).doesNotContain(notPromoted);
		assertThat(
				this.jdbc.sql("SELECT dedup_key FROM digest_delivery WHERE kind = 'ALERT'").query(String.class).list())
			.anySatisfy((key) -> assertThat(key).endsWith(":" + today + ":" + rule));
		// the next day it is alerted again
		assertThat(this.jobs.queueAlerts(today.plusDays(1), now)).isEqualTo(1);
	}

	@Test
	void aWorkQueueBeyondItsLimitIsAlerted() {
		// a piece of content due this week: the content-due queue holds at least one
		this.jdbc.sql("""
				INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
				VALUES ('NOTE', 'XIAOHONGSHU', 'Due', 'SCRIPTING', :at, :code)""")
			.param("at", Timestamp.from(Instant.now().plus(Duration.ofDays(2))))
			.param("code", "AQ" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT))
			.update();
		long count = this.rules.queue("queue.contentDue").orElseThrow().count();
		assertThat(count).isPositive();
		long beyond = rule(AlertRuleKind.SLA_BACKLOG, Long.toString(count - 1), "queue.contentDue");
		rule(AlertRuleKind.SLA_BACKLOG, Long.toString(count + 5), "queue.contentDue");
		LocalDate today = this.jobs.today();
		assertThat(this.jobs.queueAlerts(today, Instant.now())).isEqualTo(1);
		assertThat(
				this.jdbc.sql("SELECT dedup_key FROM digest_delivery WHERE kind = 'ALERT'").query(String.class).list())
			.anySatisfy((key) -> assertThat(key).endsWith(":" + beyond));
		this.sender.deliverDue(Instant.now());
		assertThat(this.bodies).singleElement()
			.asString()
			.contains("Alert: backlog in")
			.contains("more than the limit of");
	}

	@Test
	void aRefundSpikeAgainstTheSevenDaysBeforeIsAlerted() {
		// a day of a year no other test uses: seven days with 1 % refunds, then one with
		// 10 %
		ZoneId zone = this.rollups.zone();
		LocalDate today = LocalDate.of(2042, 2, 1).plusDays(KpiFixtures.nextId() % 300);
		LocalDate yesterday = today.minusDays(1);
		for (int i = 0; i <= 7; i++) {
			LocalDate day = yesterday.minusDays(i);
			String channel = KpiFixtures.channel();
			Instant at = day.atTime(11, 0).atZone(zone).toInstant();
			OrderSnapshot order = KpiFixtures.order(KpiFixtures.nextId(), channel, KpiFixtures.buyerId("r-" + channel),
					at, "1000.00");
			this.rollups.recordOrder(order);
			this.rollups.recordRefund(
					KpiFixtures.refund(KpiFixtures.nextId(), order, (i == 0) ? "100.00" : "10.00", at.plusSeconds(60)));
		}
		long fires = rule(AlertRuleKind.REFUND_SPIKE, "8.5", null);
		rule(AlertRuleKind.REFUND_SPIKE, "9", null);
		// no UV for those days: the conversion rule cannot say anything
		rule(AlertRuleKind.CONVERSION_DROP, "0", null);
		assertThat(this.jobs.queueAlerts(today, Instant.now())).isEqualTo(1);
		this.sender.deliverDue(Instant.now());
		assertThat(this.bodies).singleElement()
			.asString()
			.contains("Alert: refund rate up on " + yesterday)
			.contains("10.00%")
			.contains("9 percentage points above its 7-day average of 1.00%");
		assertThat(this.jdbc.sql("SELECT dedup_key FROM digest_delivery WHERE kind = 'ALERT'")
			.query(String.class)
			.single()).endsWith(":" + fires);
	}

	private String sku(String prefix, int stock) {
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (:handle, :title) RETURNING id")
			.param("handle", prefix.toLowerCase(Locale.ROOT))
			.param("title", "告警商品 " + prefix)
			.query(Long.class)
			.single();
		String sku = prefix + "-1";
		long variant = this.jdbc
			.sql("INSERT INTO product_variant (product_id, sku, price, position) VALUES (:product, :sku, 10, 1)"
					+ " RETURNING id")
			.param("product", product)
			.param("sku", sku)
			.query(Long.class)
			.single();
		this.inventory.openStock(variant, stock);
		return sku;
	}

}
