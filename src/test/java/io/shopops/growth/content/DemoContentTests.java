package io.shopops.growth.content;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.growth.content.ContentViews.PieceView;
import io.shopops.growth.content.ContentViews.SessionRow;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.UserDirectory;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The demo content seeds pieces in every status, livestream sessions and metrics, and
 * places orders with the pieces' codes through {@link Orders} whose attributed GMV is
 * exactly what those orders paid; it changes nothing when run again.
 */
@SpringBootTest
class DemoContentTests {

	@Autowired
	ContentService service;

	@Autowired
	ContentQueries queries;

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

	@Test
	void seedsPiecesSessionsMetricsAndAttributedOrdersOnce() {
		if (this.channels.find("DOUYIN").isEmpty()) {
			this.channels.create("DOUYIN", "抖音小店", SalesPlatform.DOUYIN);
		}
		if (this.channels.find("SITE").isEmpty()) {
			this.channels.create("SITE", "官网商城", SalesPlatform.OWN_SITE);
		}
		String sku = ContentFixtures.sku(this.jdbc, this.inventory, ContentFixtures.unique("DEMOC"), 0);
		this.jdbc
			.sql("UPDATE product SET status = 'ACTIVE' WHERE id = "
					+ "(SELECT product_id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update();
		DemoContent demo = new DemoContent(this.service, this.orders, this.channels, this.users, this.jdbc,
				this.settings);
		demo.run(null);

		List<String> codes = DemoContent.PIECES.stream().map(DemoContent.DemoPiece::code).toList();
		assertThat(this.jdbc
			.sql("SELECT tracking_code || ':' || status FROM content_piece WHERE tracking_code IN (:codes)")
			.param("codes", codes)
			.query(String.class)
			.list()).hasSize(DemoContent.PIECES.size())
			.contains("DY1111:PUBLISHED", "OLD1001:ARCHIVED", "LIVE1212:SCHEDULED", "KS1215:SCRIPTING",
					"LIVE0101:IDEA");
		long marker = id(DemoContent.MARKER);
		assertThat(this.jdbc.sql("SELECT count(*) FROM content_metric WHERE piece_id = ?")
			.param(marker)
			.query(Long.class)
			.single()).isEqualTo(30);

		// every order the demo placed is attributed, and GMV is exactly what they paid
		for (String code : List.of(DemoContent.MARKER, "XHS1120", "LIVE1201")) {
			BigDecimal paid = this.jdbc
				.sql("SELECT coalesce(sum(paid_amount), 0) FROM shop_order WHERE number LIKE :prefix")
				.param("prefix", "CT-" + code + "-%")
				.query(BigDecimal.class)
				.single();
			long count = this.jdbc.sql("SELECT count(*) FROM shop_order WHERE number LIKE :prefix")
				.param("prefix", "CT-" + code + "-%")
				.query(Long.class)
				.single();
			assertThat(count).as(code).isPositive();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(piece(code).attribution().orders()).as(code).isEqualTo(count));
			assertThat(piece(code).attribution().net()).as(code).isEqualByComparingTo(paid);
		}
		List<SessionRow> sessions = piece("LIVE1201").sessions();
		assertThat(sessions).hasSize(2);
		assertThat(sessions.stream().mapToLong((s) -> s.attribution().orders()).sum())
			.isEqualTo(piece("LIVE1201").attribution().orders());
		assertThat(sessions).allSatisfy((s) -> assertThat(s.peakViewers()).isLessThan(s.totalViewers()));

		long pieces = this.jdbc.sql("SELECT count(*) FROM content_piece").query(Long.class).single();
		long demoOrders = this.jdbc.sql("SELECT count(*) FROM shop_order WHERE number LIKE 'CT-%'")
			.query(Long.class)
			.single();
		demo.run(null);
		assertThat(this.jdbc.sql("SELECT count(*) FROM content_piece").query(Long.class).single()).isEqualTo(pieces);
		assertThat(this.jdbc.sql("SELECT count(*) FROM shop_order WHERE number LIKE 'CT-%'").query(Long.class).single())
			.isEqualTo(demoOrders);
	}

	private long id(String code) {
		return this.jdbc.sql("SELECT id FROM content_piece WHERE tracking_code = ?")
			.param(code)
			.query(Long.class)
			.single();
	}

	private PieceView piece(String code) {
		return this.queries.piece(id(code)).orElseThrow();
	}

}
