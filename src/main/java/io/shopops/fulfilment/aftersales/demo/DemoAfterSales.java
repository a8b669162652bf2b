package io.shopops.fulfilment.aftersales.demo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.AfterSalesException;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.LineOutcome;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds a handful of after-sales requests (售后) in every status on the demo orders,
 * through the after-sales service, so that amounts, the refund guard, the stock ledger
 * and the timeline stay consistent. Runs after the demo orders and changes nothing when a
 * demo request exists.
 */
@Component
@Profile("demo")
@Order(50)
class DemoAfterSales implements ApplicationRunner {

	static final List<String> CHANNELS = List.of("TMALL", "JD", "DOUYIN", "SITE");

	private static final Logger log = LoggerFactory.getLogger(DemoAfterSales.class);

	private final AfterSales afterSales;

	private final JdbcClient jdbc;

	DemoAfterSales(AfterSales afterSales, JdbcClient jdbc) {
		this.afterSales = afterSales;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		long existing = this.jdbc.sql("""
				SELECT count(*) FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE c.code IN ('TMALL', 'JD', 'DOUYIN', 'SITE')""")
			.query(Long.class)
			.single();
		if (existing > 0) {
			return;
		}
		List<Candidate> shipped = candidates("o.status IN ('SHIPPED', 'DELIVERED', 'COMPLETED') "
				+ "AND l.shipped_quantity > 0 AND l.variant_id IS NOT NULL", 7);
		List<Long> taken = shipped.stream().map(Candidate::orderId).toList();
		List<Candidate> paid = candidates("o.status IN ('PAID', 'SHIPPED', 'DELIVERED', 'COMPLETED')", 20).stream()
			.filter((c) -> !taken.contains(c.orderId()))
			.toList();
		Instant now = Instant.now().truncatedTo(ChronoUnit.MINUTES);
		int seeded = 0;
		seeded += seed(shipped, 0, RequestType.RETURN_REFUND, "quality", "衣服袖口开线了，希望退货退款",
				now.minus(2, ChronoUnit.HOURS), Step.NONE);
		seeded += seed(paid, 0, RequestType.REFUND_ONLY, "changed_mind", "拍错了颜色，不想要了", now.minus(3, ChronoUnit.DAYS),
				Step.REFUND_CLOSE);
		seeded += seed(shipped, 1, RequestType.RETURN_REFUND, "wrong_size", "尺码偏小，穿不上", now.minus(2, ChronoUnit.DAYS),
				Step.RECEIVE);
		seeded += seed(shipped, 2, RequestType.EXCHANGE, "wrong_size", "想换大一码", now.minus(5, ChronoUnit.DAYS),
				Step.RESTOCK_SHIP);
		seeded += seed(shipped, 3, RequestType.RETURN_REFUND, "damaged_in_transit", "外箱破损，商品有明显划痕",
				now.minus(6, ChronoUnit.DAYS), Step.WRITE_OFF_REFUND);
		seeded += seed(paid, 1, RequestType.REFUND_ONLY, "not_as_described", "颜色和图片不一样", now.minus(4, ChronoUnit.DAYS),
				Step.REJECT);
		seeded += seed(shipped, 4, RequestType.RETURN_REFUND, "quality", "使用一周后拉链坏了", now.minus(4, ChronoUnit.DAYS),
				Step.NONE);
		seeded += seed(shipped, 5, RequestType.RETURN_REFUND, "not_as_described", "材质和描述不符",
				now.minus(1, ChronoUnit.DAYS), Step.APPROVE);
		log.info("Demo after-sales: {} requests seeded", seeded);
	}

	private int seed(List<Candidate> candidates, int index, RequestType type, String reason, String words, Instant at,
			Step step) {
		if (index >= candidates.size()) {
			return 0;
		}
		Candidate candidate = candidates.get(index);
		int quantity = type.returnsGoods() ? Math.min(1, candidate.shipped()) : 1;
		if (quantity < 1) {
			return 0;
		}
		try {
			AfterSalesRequest request = this.afterSales.create(new AfterSalesDraft(candidate.orderId(), type, reason,
					words, List.of(), (step == Step.NONE) ? null : "已与买家电话确认",
					List.of(new AfterSalesDraft.Line(candidate.lineId(), quantity, null)), RequestSource.OPERATOR, at));
			long id = request.id();
			Instant t = at.plus(2, ChronoUnit.HOURS);
			if (step == Step.REJECT) {
				this.afterSales.reject(id, "商品与描述一致，已向买家提供细节图", t);
				return 1;
			}
			if (step == Step.NONE) {
				return 1;
			}
			this.afterSales.approve(id, t, Authority.MANAGER);
			if (step == Step.APPROVE) {
				return 1;
			}
			if (step == Step.REFUND_CLOSE) {
				this.afterSales.refund(id, null, t.plus(1, ChronoUnit.HOURS), Authority.MANAGER);
				this.afterSales.close(id, t.plus(2, ChronoUnit.HOURS));
				return 1;
			}
			this.afterSales.receive(id, t.plus(1, ChronoUnit.DAYS));
			if (step == Step.RECEIVE) {
				return 1;
			}
			long line = request.lines().get(0).id();
			if (step == Step.RESTOCK_SHIP) {
				this.afterSales.inspect(id, line, LineOutcome.RESTOCKED, "包装完好，可二次销售");
				this.afterSales.shipExchange(id, t.plus(2, ChronoUnit.DAYS));
				return 1;
			}
			this.afterSales.inspect(id, line, LineOutcome.WRITTEN_OFF, "划痕严重，无法二次销售");
			this.afterSales.refund(id, null, t.plus(2, ChronoUnit.DAYS), Authority.MANAGER);
			this.afterSales.close(id, t.plus(3, ChronoUnit.DAYS));
			return 1;
		}
		catch (AfterSalesException ex) {
			log.info("Demo after-sales: request on order {} skipped ({})", candidate.orderId(), ex.code());
			return 0;
		}
	}

	/** Recent demo orders' first lines, one per order. */
	private List<Candidate> candidates(String condition, int limit) {
		return this.jdbc.sql("""
				SELECT DISTINCT ON (o.id) o.id, l.id, l.shipped_quantity, o.placed_at
				FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				JOIN order_line l ON l.order_id = o.id
				WHERE c.code IN ('TMALL', 'JD', 'DOUYIN', 'SITE') AND l.amount > 0 AND %s
				ORDER BY o.id DESC, l.line_no""".formatted(condition))
			.query((rs, n) -> new Candidate(rs.getLong(1), rs.getLong(2), rs.getInt(3)))
			.list()
			.stream()
			.limit(limit)
			.toList();
	}

	private enum Step {

		NONE, APPROVE, REJECT, REFUND_CLOSE, RECEIVE, RESTOCK_SHIP, WRITE_OFF_REFUND

	}

	private record Candidate(long orderId, long lineId, int shipped) {
	}

}
