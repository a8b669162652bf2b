package io.shopops.fulfilment.order;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * {@link OrderLineSkus} from {@code order_line}, by its {@code (order_id, line_no)} key.
 */
@Component
class JdbcOrderLineSkus implements OrderLineSkus {

	private final JdbcClient jdbc;

	JdbcOrderLineSkus(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, List<String>> skusOf(Collection<Long> orderIds) {
		if (orderIds.size() > MAX_ORDERS) {
			throw new IllegalArgumentException("at most " + MAX_ORDERS + " orders at once");
		}
		Map<Long, List<String>> skus = new LinkedHashMap<>();
		if (orderIds.isEmpty()) {
			return skus;
		}
		this.jdbc.sql("""
				SELECT order_id, sku FROM order_line WHERE order_id = ANY(?) ORDER BY order_id, line_no""")
			.param(orderIds.toArray(Long[]::new))
			.query((rs) -> {
				List<String> of = skus.computeIfAbsent(rs.getLong(1), (id) -> new ArrayList<>());
				String sku = rs.getString(2);
				if (!of.contains(sku)) {
					of.add(sku);
				}
			});
		return skus;
	}

}
