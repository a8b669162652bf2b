package io.shopops.growth.content;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.growth.content.ContentViews.Attribution;
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
 * Orders placed through {@link Orders} with content codes are attributed to the piece
 * with that tracking code and, paid inside a session's window, to the livestream session;
 * refunds reduce the GMV; redelivered events count once.
 */
@SpringBootTest
class ContentAttributionIntegrationTests {

	@Autowired
	Orders orders;

	@Autowired
	SalesChannels channels;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ContentQueries queries;

	@Autowired
	ContentAttribution attribution;

	@Autowired
	ApplicationEventPublisher events;

	@Autowired
	PlatformTransactionManager transactions;

	@Test
	void ordersWithAPiecesCodeAreAttributedToItAndItsSessionWindow() {
		String code = ContentFixtures.unique("L");
		String sku = ContentFixtures.sku(this.jdbc, this.inventory, ContentFixtures.unique("ATT"), 100);
		String channel = ContentFixtures.channel(this.channels);
		Instant start = Instant.now().minus(3, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
		long piece = ContentFixtures.piece(this.jdbc, "LIVESTREAM", "PUBLISHED", code, start);
		long session = this.jdbc.sql("""
				INSERT INTO livestream_session (piece_id, starts_at, ends_at, peak_viewers, total_viewers)
				VALUES (:piece, :starts, :ends, 800, 12000) RETURNING id""")
			.param("piece", piece)
			.param("starts", Timestamp.from(start))
			.param("ends", Timestamp.from(start.plus(Duration.ofHours(2))))
			.query(Long.class)
			.single();

		// in the window, lower-case code: counts for piece and session
		OrderSnapshot inWindow = place(channel, sku, 3, "20.00", code.toLowerCase(), start.plusSeconds(600));
		// after the session: counts for the piece only
		place(channel, sku, 1, "50.00", code, start.plus(Duration.ofHours(2)).plusSeconds(60));
		// another code and no code: count for nothing here
		place(channel, sku, 1, "99.00", code + "X", start.plusSeconds(900));
		place(channel, sku, 1, "77.00", null, start.plusSeconds(900));

		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(pieceAttribution(piece).orders()).isEqualTo(2));
		assertThat(pieceAttribution(piece).gmv()).isEqualByComparingTo("110.00");
		assertThat(sessionAttribution(session).orders()).isEqualTo(1);
		assertThat(sessionAttribution(session).net()).isEqualByComparingTo("60.00");

		RefundCompleted refund = new RefundCompleted(inWindow.id() * 10, inWindow.id(), inWindow.number(), channel,
				new BigDecimal("20.00"), "CNY", List.of(new RefundCompleted.Line(sku, 1, new BigDecimal("20.00"))),
				Instant.now().truncatedTo(ChronoUnit.MILLIS));
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> this.events.publishEvent(refund));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(pieceAttribution(piece).net()).isEqualByComparingTo("90.00"));
		assertThat(sessionAttribution(session).net()).isEqualByComparingTo("40.00");
		assertThat(sessionAttribution(session).refunded()).isEqualByComparingTo("20.00");

		// a redelivered refund and order event change nothing
		new TransactionTemplate(this.transactions).executeWithoutResult((status) -> {
			this.attribution.on(refund);
			this.attribution.on(new io.shopops.fulfilment.order.OrderEvents.OrderPaid(inWindow, Instant.now()));
		});
		assertThat(pieceAttribution(piece).net()).isEqualByComparingTo("90.00");
		assertThat(pieceAttribution(piece).orders()).isEqualTo(2);
		assertThat(this.jdbc.sql("SELECT count(*) FROM content_refund WHERE order_id = ?")
			.param(inWindow.id())
			.query(Long.class)
			.single()).isOne();
	}

	@Test
	void aCancelledOrderAndAnUnpaidOneCountForNothing() {
		String code = ContentFixtures.unique("V");
		String sku = ContentFixtures.sku(this.jdbc, this.inventory, ContentFixtures.unique("CAN"), 10);
		String channel = ContentFixtures.channel(this.channels);
		long piece = ContentFixtures.piece(this.jdbc, "SHORT_VIDEO", "PUBLISHED", code, Instant.now());
		OrderSnapshot paid = place(channel, sku, 1, "30.00", code, Instant.now().minusSeconds(30));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(pieceAttribution(piece).orders()).isEqualTo(1));
		this.orders.cancel(paid.id(), "test", null);
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(pieceAttribution(piece).orders()).isZero());
		assertThat(this.queries.piece(piece).orElseThrow().orders()).singleElement()
			.satisfies((order) -> assertThat(order.counted()).isFalse());
	}

	private OrderSnapshot place(String channel, String sku, int quantity, String price, String contentCode,
			Instant paidAt) {
		return this.orders
			.place(ContentFixtures.paidDraft(channel, ContentFixtures.unique("SO"), sku, quantity, price, contentCode,
					paidAt))
			.order();
	}

	private Attribution pieceAttribution(long piece) {
		return this.queries.piece(piece).orElseThrow().attribution();
	}

	private Attribution sessionAttribution(long session) {
		return this.queries.session(session).orElseThrow().session().attribution();
	}

}
