package io.shopops.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.ZoneId;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI page's breakdowns of a range's paid orders (by payment time, from the
 * dashboard's own facts): the top products (SKUs) by GMV, the content pieces and the UTM
 * campaigns the orders came from. A product's GMV is the sum of its lines' amounts
 * (quantity × unit price − line discount), before order discounts and shipping; a content
 * piece's or campaign's GMV is its orders' paid amounts.
 */
@Component
class KpiBreakdowns {

	static final int TOP = 20;

	private final JdbcClient jdbc;

	private final KpiRollups state;

	private final KpiCache cache;

	KpiBreakdowns(JdbcClient jdbc, KpiRollups state, KpiCache cache) {
		this.jdbc = jdbc;
		this.cache = cache;
		this.state = state;
	}

	/**
	 * The top {@value #TOP} SKUs by GMV, then by SKU.
	 */
	@Transactional(readOnly = true)
	List<Product> products(KpiRange range, String channelCode) {
		return this.cache.get("products", range.from(), range.to(), channelCode,
				() -> List.copyOf(queryProducts(range, channelCode)));
	}

	private List<Product> queryProducts(KpiRange range, String channelCode) {
		return this.jdbc
			.sql("""
					SELECT l.sku, max(l.title) AS title, sum(l.quantity) AS units, sum(l.amount) AS gmv, count(DISTINCT l.order_id) AS orders
					FROM kpi_order_line_fact l JOIN kpi_order_fact f ON f.order_id = l.order_id
					WHERE f.paid_at >= :start AND f.paid_at < :end AND (CAST(:channel AS VARCHAR) IS NULL OR f.channel_code = :channel)
					GROUP BY l.sku ORDER BY gmv DESC, l.sku LIMIT %d"""
				.formatted(TOP))
			.params(params(range, channelCode))
			.query((rs, n) -> new Product(rs.getString("sku"), rs.getString("title"), rs.getLong("units"),
					rs.getLong("orders"), rs.getBigDecimal("gmv")))
			.list();
	}

	/**
	 * The top {@value #TOP} content pieces by GMV.
	 */
	@Transactional(readOnly = true)
	List<Source> contents(KpiRange range, String channelCode) {
		return sources("content_code", range, channelCode);
	}

	/**
	 * The top {@value #TOP} UTM campaigns by GMV.
	 */
	@Transactional(readOnly = true)
	List<Source> campaigns(KpiRange range, String channelCode) {
		return sources("utm_campaign", range, channelCode);
	}

	private List<Source> sources(String column, KpiRange range, String channelCode) {
		return this.cache.get(column, range.from(), range.to(), channelCode,
				() -> List.copyOf(querySources(column, range, channelCode)));
	}

	private List<Source> querySources(String column, KpiRange range, String channelCode) {
		return this.jdbc
			.sql("""
					SELECT %1$s AS code, count(*) AS orders, sum(paid_amount) AS gmv FROM kpi_order_fact
					WHERE paid_at >= :start AND paid_at < :end AND (CAST(:channel AS VARCHAR) IS NULL OR channel_code = :channel)
					  AND %1$s IS NOT NULL
					GROUP BY %1$s ORDER BY gmv DESC, %1$s LIMIT %2$d"""
				.formatted(column, TOP))
			.params(params(range, channelCode))
			.query((rs, n) -> new Source(rs.getString("code"), rs.getLong("orders"), rs.getBigDecimal("gmv")))
			.list();
	}

	private java.util.Map<String, Object> params(KpiRange range, String channelCode) {
		ZoneId zone = this.state.zone();
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("start", Timestamp.from(range.from().atStartOfDay(zone).toInstant()));
		params.put("end", Timestamp.from(range.to().plusDays(1).atStartOfDay(zone).toInstant()));
		params.put("channel", channelCode);
		return params;
	}

	/**
	 * A product's paid sales in the range.
	 *
	 * @param sku the SKU
	 * @param title its title on an order line
	 * @param units units paid for
	 * @param orders paid orders with the SKU
	 * @param gmv the lines' amounts
	 */
	record Product(String sku, String title, long units, long orders, BigDecimal gmv) {
	}

	/**
	 * The paid orders of a content piece or campaign in the range.
	 *
	 * @param code the content code or campaign
	 * @param orders paid orders
	 * @param gmv their paid amounts
	 */
	record Source(String code, long orders, BigDecimal gmv) {
	}

}
