package io.shopops.fulfilment.aftersales.review;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The published read of the reviews for other pages, such as the product form (which
 * calls it as the bean {@code reviewSummaries}).
 */
@Component("reviewSummaries")
public class ReviewSummaries {

	private final JdbcClient jdbc;

	ReviewSummaries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The rating of a product.
	 * @param productId the product
	 * @return the count, average and bad reviews (hidden ones left out), never
	 * {@code null}
	 */
	@Transactional(readOnly = true)
	public ReviewSummary of(long productId) {
		return this.jdbc.sql("""
				SELECT count(*), round(avg(rating), 2), count(*) FILTER (WHERE rating <= %d)
				FROM review WHERE product_id = :product AND NOT hidden""".formatted(Ratings.BAD))
			.param("product", productId)
			.query((rs, row) -> new ReviewSummary(rs.getLong(1), rs.getBigDecimal(2), rs.getLong(3)))
			.single();
	}

}
