package io.shopops.fulfilment.aftersales.review;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of the review pages: the filtered list, one review, the per-product rating
 * summary and the count of bad reviews nobody answered.
 */
@Component
class ReviewQuery {

	static final int PAGE_SIZE = 25;

	static final String OPEN_BAD = "r.rating <= " + Ratings.BAD
			+ " AND r.reply IS NULL AND r.ticket_id IS NULL AND NOT r.hidden";

	private final JdbcClient jdbc;

	ReviewQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional(readOnly = true)
	ReviewPage page(ReviewFilter filter, int pageNumber) {
		Map<String, Object> params = new HashMap<>();
		String where = where(filter, params);
		long total = this.jdbc.sql("SELECT count(*) FROM review r LEFT JOIN product p ON p.id = r.product_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (page - 1) * PAGE_SIZE);
		List<ReviewRow> rows = this.jdbc
			.sql("""
					SELECT r.id, r.rating, r.title, r.body, r.author, r.reviewed_at, r.channel_code, r.source,
					       r.product_id, coalesce(p.title, r.product_name, r.product_handle, r.sku), r.sku,
					       r.reply IS NOT NULL, r.ticket_id, r.hidden, r.order_number
					FROM review r LEFT JOIN product p ON p.id = r.product_id""" + where
					+ " ORDER BY r.reviewed_at DESC, r.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, row) -> new ReviewRow(rs.getLong(1), rs.getInt(2), rs.getString(3), excerpt(rs.getString(4)),
					rs.getString(5), rs.getTimestamp(6).toInstant(), rs.getString(7),
					ReviewSource.valueOf(rs.getString(8)), (Long) rs.getObject(9), rs.getString(10), rs.getString(11),
					rs.getBoolean(12), (Long) rs.getObject(13), rs.getBoolean(14), rs.getString(15)))
			.list();
		return new ReviewPage(rows, page, pages, total);
	}

	private static String where(ReviewFilter filter, Map<String, Object> params) {
		List<String> conditions = new ArrayList<>();
		if (filter.rating() != null) {
			conditions.add("r.rating = :rating");
			params.put("rating", filter.rating());
		}
		if (filter.product() != null && !filter.product().isBlank()) {
			conditions.add("(p.title ILIKE :product OR r.sku ILIKE :product OR r.product_handle ILIKE :product"
					+ " OR r.product_name ILIKE :product)");
			params.put("product", "%" + like(filter.product().strip()) + "%");
		}
		if (filter.channel() != null && !filter.channel().isBlank()) {
			conditions.add("r.channel_code = :channel");
			params.put("channel", filter.channel().strip());
		}
		if (filter.replied() != null) {
			conditions.add(filter.replied() ? "r.reply IS NOT NULL" : "r.reply IS NULL");
		}
		if (filter.bad() == ReviewFilter.Bad.ALL) {
			conditions.add("r.rating <= " + Ratings.BAD);
		}
		else if (filter.bad() == ReviewFilter.Bad.OPEN) {
			conditions.add(OPEN_BAD);
		}
		if (filter.hidden() != null) {
			conditions.add(filter.hidden() ? "r.hidden" : "NOT r.hidden");
		}
		return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
	}

	private static String like(String text) {
		return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static String excerpt(String body) {
		if (body == null) {
			return null;
		}
		return (body.length() > 120) ? body.substring(0, 120) + "…" : body;
	}

	@Transactional(readOnly = true)
	Optional<ReviewView> find(long id) {
		return this.jdbc.sql("""
				SELECT r.id, r.channel_code, c.name, r.source, r.external_id, r.product_id, p.title, r.sku,
				       r.product_handle, r.product_name, r.order_id, r.order_number, r.rating, r.title, r.body,
				       r.author, r.author_email, r.reviewed_at, r.reply, r.reply_by, r.replied_at, r.hidden,
				       r.ticket_id, r.import_job_id, r.version
				FROM review r LEFT JOIN product p ON p.id = r.product_id
				LEFT JOIN sales_channel c ON c.code = r.channel_code WHERE r.id = :id""")
			.param("id", id)
			.query((rs, row) -> new ReviewView(rs.getLong(1), rs.getString(2), rs.getString(3),
					ReviewSource.valueOf(rs.getString(4)), rs.getString(5), (Long) rs.getObject(6), rs.getString(7),
					rs.getString(8), rs.getString(9), rs.getString(10), (Long) rs.getObject(11), rs.getString(12),
					rs.getInt(13), rs.getString(14), rs.getString(15), rs.getString(16), rs.getString(17),
					rs.getTimestamp(18).toInstant(), rs.getString(19), rs.getString(20), instant(rs.getTimestamp(21)),
					rs.getBoolean(22), (Long) rs.getObject(23), (Long) rs.getObject(24), rs.getLong(25)))
			.optional();
	}

	@Transactional(readOnly = true)
	long countOpenBad() {
		return this.jdbc.sql("SELECT count(*) FROM review r WHERE " + OPEN_BAD).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	SummaryPage products(ProductSort sort, int pageNumber) {
		long total = this.jdbc
			.sql("SELECT count(DISTINCT product_id) FROM review WHERE product_id IS NOT NULL AND NOT hidden")
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		List<ProductRating> rows = this.jdbc
			.sql("""
					SELECT p.id, p.title, p.handle, count(*) AS reviews, round(avg(r.rating), 2) AS average,
					       count(*) FILTER (WHERE r.rating <= %d) AS bad,
					       round(count(*) FILTER (WHERE r.rating <= %d) * 1.0 / count(*), 4) AS bad_share
					FROM review r JOIN product p ON p.id = r.product_id WHERE NOT r.hidden
					GROUP BY p.id, p.title, p.handle ORDER BY %s LIMIT :limit OFFSET :offset""".formatted(Ratings.BAD,
					Ratings.BAD, sort.orderBy()))
			.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query((rs, row) -> new ProductRating(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getBigDecimal(5), rs.getLong(6), rs.getBigDecimal(7)))
			.list();
		return new SummaryPage(rows, page, pages, total);
	}

	@Transactional(readOnly = true)
	List<ChannelOption> channels() {
		return this.jdbc.sql("SELECT code, name FROM sales_channel ORDER BY name, code")
			.query((rs, row) -> new ChannelOption(rs.getString(1), rs.getString(2)))
			.list();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * The orders of the product summary; each sorts the way one reads it first.
	 */
	enum ProductSort {

		/** Most reviewed first. */
		COUNT("reviews DESC, p.id"),

		/** Worst rated first. */
		AVERAGE("average ASC, reviews DESC, p.id"),

		/** Largest share of bad reviews first. */
		BAD("bad_share DESC, reviews DESC, p.id"),

		/** By title. */
		TITLE("p.title, p.id");

		private final String orderBy;

		ProductSort(String orderBy) {
			this.orderBy = orderBy;
		}

		String orderBy() {
			return this.orderBy;
		}

		public String param() {
			return name().toLowerCase(java.util.Locale.ROOT);
		}

	}

	record ReviewPage(List<ReviewRow> items, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

	record ReviewRow(long id, int rating, String title, String excerpt, String author, Instant reviewedAt,
			String channelCode, ReviewSource source, Long productId, String product, String sku, boolean replied,
			Long ticketId, boolean hidden, String orderNumber) {

		public boolean bad() {
			return Ratings.bad(this.rating);
		}

		public String stars() {
			return Ratings.stars(this.rating);
		}

		public boolean needsAttention() {
			return bad() && !this.replied && this.ticketId == null && !this.hidden;
		}

	}

	record ReviewView(long id, String channelCode, String channelName, ReviewSource source, String externalId,
			Long productId, String productTitle, String sku, String handle, String productName, Long orderId,
			String orderNumber, int rating, String title, String body, String author, String email, Instant reviewedAt,
			String reply, String replyBy, Instant repliedAt, boolean hidden, Long ticketId, Long importJobId,
			long version) {

		public boolean bad() {
			return Ratings.bad(this.rating);
		}

		public String stars() {
			return Ratings.stars(this.rating);
		}

		public boolean needsAttention() {
			return bad() && this.reply == null && this.ticketId == null && !this.hidden;
		}

		public String product() {
			return (this.productTitle != null) ? this.productTitle
					: (this.productName != null) ? this.productName : (this.handle != null) ? this.handle : this.sku;
		}

	}

	record ProductRating(long productId, String title, String handle, long reviews, BigDecimal average, long bad,
			BigDecimal badShare) {
	}

	record SummaryPage(List<ProductRating> items, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

	record ChannelOption(String code, String name) {
	}

}
