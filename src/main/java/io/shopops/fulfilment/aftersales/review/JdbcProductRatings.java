package io.shopops.fulfilment.aftersales.review;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;

import io.shopops.fulfilment.aftersales.api.ProductRatings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The products' ratings from the review table, one grouped statement for all of them.
 */
@Component
class JdbcProductRatings implements ProductRatings {

	private final JdbcClient jdbc;

	JdbcProductRatings(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, Rating> of(Collection<Long> productIds) {
		Map<Long, Rating> ratings = new HashMap<>();
		if (productIds.isEmpty()) {
			return ratings;
		}
		this.jdbc.sql("""
				SELECT r.product_id, count(*), round(avg(r.rating), 2) FROM unnest(?::bigint[]) AS p(id)
				JOIN review r ON r.product_id = p.id WHERE NOT r.hidden GROUP BY r.product_id""")
			.param(productIds.toArray(Long[]::new))
			.query((rs, row) -> ratings.put(rs.getLong(1), new Rating(rs.getLong(2), rs.getBigDecimal(3))))
			.list();
		return ratings;
	}

}
