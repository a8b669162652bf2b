package io.shopops.growth.creator;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.ThreadLocalRandom;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.ShopSettings;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo creators: five creators with cooperations linked to the demo content pieces,
 * whose attributed orders are those pieces' orders in the cooperation's window, samples
 * taken from stock, payouts of the fixed fees; run again, it changes nothing.
 */
@SpringBootTest
class DemoCreatorsTests {

	@Autowired
	CreatorService service;

	@Autowired
	CreatorQueries queries;

	@Autowired
	Inventory inventory;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ShopSettings settings;

	@Test
	void seedsCreatorsCooperationsSamplesAndPayoutsOnce() {
		for (String code : new String[] { "DY1111", "XHS1120", "BZ1128", "SPH1125" }) {
			this.jdbc.sql("""
					INSERT INTO content_piece (type, platform, title, status, publish_at, tracking_code)
					VALUES ('SHORT_VIDEO', 'DOUYIN', :title, 'PUBLISHED', now() - interval '30 days', :code)
					ON CONFLICT (tracking_code) DO NOTHING""")
				.param("title", "演示作品 " + code)
				.param("code", code)
				.update();
		}
		String sku = CreatorFixtures.sku(this.jdbc, this.inventory, "12.00", 50);
		this.jdbc.sql(
				"UPDATE product SET status = 'ACTIVE' WHERE id = (SELECT product_id FROM product_variant WHERE sku = ?)")
			.param(sku)
			.update();
		// an order of the piece DY1111, paid inside the demo cooperation's window
		long piece = this.jdbc.sql("SELECT id FROM content_piece WHERE tracking_code = 'DY1111'")
			.query(Long.class)
			.single();
		long orderId = 7_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		this.jdbc
			.sql("""
					INSERT INTO attribution_order (order_id, order_number, channel_code, own_site, paid_at, pay_day,
					    paid_amount, content_code, rule, traffic_source, piece_id)
					VALUES (:id, :number, 'DOUYIN', false, :paidAt, :day, 200.00, 'DY1111', 'CONTENT', 'CONTENT', :piece)""")
			.param("id", orderId)
			.param("number", "CT-DEMO-" + orderId)
			.param("paidAt", Timestamp.from(Instant.now().minus(20, ChronoUnit.DAYS)))
			.param("day", today.minusDays(20))
			.param("piece", piece)
			.update();

		DemoCreators demo = new DemoCreators(this.service, this.inventory, this.jdbc, this.settings);
		boolean seeded = count("SELECT count(*) FROM creator WHERE handle = 'laowang_haowu'") > 0;
		demo.run(null);
		assertThat(count("SELECT count(*) FROM creator WHERE handle IN ('laowang_haowu', 'xiaolu_beauty', 'cup_lab',"
				+ " 'factory_tour', 'zhou_fashion')"))
			.isEqualTo(5);
		assertThat(count("SELECT count(*) FROM creator_cooperation WHERE tracking_code IN ('KDY001', 'KXHS01',"
				+ " 'KBZ001', 'KSPH01', 'KWB001')"))
			.isEqualTo(5);
		assertThat(
				count("""
						SELECT count(*) FROM creator_cooperation_piece l JOIN creator_cooperation k ON k.id = l.cooperation_id
						JOIN content_piece p ON p.id = l.piece_id WHERE k.tracking_code = 'KDY001' AND p.tracking_code = 'DY1111'"""))
			.isOne();
		long laowang = this.jdbc.sql("SELECT id FROM creator WHERE handle = 'laowang_haowu'")
			.query(Long.class)
			.single();
		CreatorViews.CreatorView view = this.queries.view(laowang).orElseThrow();
		if (!seeded) {
			assertThat(
					count("SELECT count(*) FROM creator_sample s JOIN creator_cooperation k ON k.id = s.cooperation_id"
							+ " WHERE k.tracking_code IN ('KDY001', 'KXHS01', 'KBZ001')"))
				.isEqualTo(3);
			assertThat(count(
					"SELECT count(*) FROM stock_movement WHERE kind = 'SAMPLE' AND reference_type = 'creator_sample'"))
				.isGreaterThanOrEqualTo(3);
		}
		// the piece's orders in the window count for the creator, the fee is paid
		long pieceOrders = count("""
				SELECT count(*) FROM attribution_order o JOIN creator_cooperation k ON k.tracking_code = 'KDY001'
				WHERE o.piece_id = (SELECT id FROM content_piece WHERE tracking_code = 'DY1111')
				  AND o.pay_day >= k.starts_on""");
		assertThat(view.total().sales().orders()).isEqualTo(pieceOrders).isPositive();
		assertThat(view.total().fees()).isEqualByComparingTo("3000.00");
		assertThat(view.ledger()).extracting(CreatorViews.LedgerLine::kind).contains("FEE", "COMMISSION", "PAYOUT");
		BigDecimal sum = view.ledger()
			.stream()
			.map(CreatorViews.LedgerLine::amount)
			.reduce(BigDecimal.ZERO, BigDecimal::add);
		assertThat(view.balance()).isEqualByComparingTo(sum).isEqualByComparingTo(view.total().commission());

		demo.run(null);
		assertThat(count("SELECT count(*) FROM creator WHERE handle = 'laowang_haowu'")).isOne();
		assertThat(count("SELECT count(*) FROM creator_payout WHERE reference LIKE 'DEMO-%'")).isEqualTo(2);
	}

	private long count(String sql) {
		return this.jdbc.sql(sql).query(Long.class).single();
	}

}
