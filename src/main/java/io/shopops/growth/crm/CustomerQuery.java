package io.shopops.growth.crm;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The reads of the CRM pages: customer lists with search and filters, and everything a
 * profile shows. Contact details come unmasked; the pages mask them per role.
 */
@Component
class CustomerQuery {

	static final int PAGE_SIZE = 25;

	private final JdbcClient jdbc;

	CustomerQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of customers, most recent buyers first.
	 * @param filter search text, tier and channel
	 * @param page the page, from 0
	 * @return the customers and the total count
	 */
	Result list(Filter filter, int page) {
		StringBuilder where = new StringBuilder(" WHERE c.merged_into IS NULL");
		List<Object> params = new ArrayList<>();
		appendFilter(filter, where, params);
		long total = this.jdbc.sql("SELECT count(*) FROM customer c" + where).params(params).query(Long.class).single();
		List<Object> pageParams = new ArrayList<>(params);
		pageParams.add(PAGE_SIZE);
		pageParams.add((long) page * PAGE_SIZE);
		List<Row> rows = this.jdbc
			.sql("SELECT c.id, c.name, c.phone, c.email, c.first_channel, c.order_count, c.net_spend, "
					+ "c.last_order_at, c.tier_code FROM customer c" + where
					+ " ORDER BY c.last_order_at DESC NULLS LAST, c.id DESC LIMIT ? OFFSET ?")
			.params(pageParams)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("first_channel"), rs.getInt("order_count"),
					rs.getBigDecimal("net_spend"), instant(rs.getTimestamp("last_order_at")),
					rs.getString("tier_code")))
			.list();
		return new Result(rows, total);
	}

	private static void appendFilter(Filter filter, StringBuilder where, List<Object> params) {
		if (filter.q() != null) {
			String like = "%" + escape(filter.q().toLowerCase(java.util.Locale.ROOT)) + "%";
			String digits = filter.q().replaceAll("[^0-9]", "");
			where.append(" AND (lower(c.name) LIKE ? OR lower(c.email) LIKE ? OR c.phone LIKE ?"
					+ " OR EXISTS (SELECT 1 FROM customer_identity i WHERE i.customer_id = c.id AND i.value LIKE ?)");
			params.add(like);
			params.add(like);
			params.add(like);
			params.add(like);
			if (digits.length() >= 4) {
				where.append(" OR EXISTS (SELECT 1 FROM customer_identity i WHERE i.customer_id = c.id "
						+ "AND i.kind = 'PHONE' AND i.value LIKE ?)");
				params.add("%" + digits + "%");
			}
			where.append(")");
		}
		if (filter.tier() != null) {
			where.append(" AND c.tier_code = ?");
			params.add(filter.tier());
		}
		if (filter.channel() != null) {
			where.append(" AND EXISTS (SELECT 1 FROM customer_order o WHERE o.customer_id = c.id "
					+ "AND o.channel_code = ?)");
			params.add(filter.channel());
		}
	}

	/**
	 * The channels customers have ordered on, for the filter.
	 * @return the channel codes, sorted
	 */
	List<String> channels() {
		return this.jdbc.sql("SELECT DISTINCT channel_code FROM customer_order ORDER BY channel_code")
			.query(String.class)
			.list();
	}

	/**
	 * The tiers customers are in, for the filter.
	 * @return the tier codes, sorted
	 */
	List<String> tiers() {
		return this.jdbc
			.sql("SELECT DISTINCT tier_code FROM customer WHERE tier_code IS NOT NULL AND merged_into IS NULL "
					+ "ORDER BY tier_code")
			.query(String.class)
			.list();
	}

	Optional<Profile> profile(long id) {
		return this.jdbc.sql("""
				SELECT id, name, phone, email, first_channel, first_order_at, last_order_at, order_count, paid_total,
				       refunded_total, net_spend, tier_code, merged_into, created_at
				FROM customer WHERE id = :id
				""")
			.param("id", id)
			.query((rs, n) -> new Profile(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("first_channel"), instant(rs.getTimestamp("first_order_at")),
					instant(rs.getTimestamp("last_order_at")), rs.getInt("order_count"), rs.getBigDecimal("paid_total"),
					rs.getBigDecimal("refunded_total"), rs.getBigDecimal("net_spend"), rs.getString("tier_code"),
					(Long) rs.getObject("merged_into"), instant(rs.getTimestamp("created_at"))))
			.optional();
	}

	List<IdentityRow> identities(long id) {
		return this.jdbc
			.sql("SELECT kind, channel_code, value FROM customer_identity WHERE customer_id = :id ORDER BY kind, id")
			.param("id", id)
			.query((rs, n) -> new IdentityRow(rs.getString("kind"), rs.getString("channel_code"),
					rs.getString("value")))
			.list();
	}

	List<AddressRow> addresses(long id) {
		return this.jdbc.sql("""
				SELECT name, phone, province, city, district, line1, postcode, last_used_at
				FROM customer_address WHERE customer_id = :id ORDER BY last_used_at DESC, id DESC
				""")
			.param("id", id)
			.query((rs, n) -> new AddressRow(rs.getString("name"), rs.getString("phone"), rs.getString("province"),
					rs.getString("city"), rs.getString("district"), rs.getString("line1"), rs.getString("postcode"),
					instant(rs.getTimestamp("last_used_at"))))
			.list();
	}

	List<OrderRow> orders(long id) {
		return this.jdbc.sql("""
				SELECT order_id, order_number, channel_code, status, placed_at, paid_amount, paid_at, refunded_amount,
				       currency
				FROM customer_order WHERE customer_id = :id ORDER BY placed_at DESC, order_id DESC LIMIT 200
				""")
			.param("id", id)
			.query((rs, n) -> new OrderRow(rs.getLong("order_id"), rs.getString("order_number"),
					rs.getString("channel_code"), rs.getString("status"), instant(rs.getTimestamp("placed_at")),
					rs.getBigDecimal("paid_amount"), instant(rs.getTimestamp("paid_at")),
					rs.getBigDecimal("refunded_amount"), rs.getString("currency")))
			.list();
	}

	List<String> tags(long id) {
		return this.jdbc.sql("SELECT tag FROM customer_tag WHERE customer_id = :id ORDER BY tag")
			.param("id", id)
			.query(String.class)
			.list();
	}

	/**
	 * Customers that may be duplicates of one: those matching the search text, or without
	 * it those with the same name.
	 * @param id the customer
	 * @param q the search text, may be {@code null}
	 * @return up to 20 candidates
	 */
	List<Row> candidates(long id, String q, String name) {
		StringBuilder where = new StringBuilder(" WHERE c.merged_into IS NULL AND c.id <> ?");
		List<Object> params = new ArrayList<>();
		params.add(id);
		if (q != null) {
			appendFilter(new Filter(q, null, null), where, params);
		}
		else if (name != null) {
			where.append(" AND lower(c.name) = lower(?)");
			params.add(name);
		}
		else {
			return List.of();
		}
		return this.jdbc
			.sql("SELECT c.id, c.name, c.phone, c.email, c.first_channel, c.order_count, c.net_spend, "
					+ "c.last_order_at, c.tier_code FROM customer c" + where
					+ " ORDER BY c.last_order_at DESC NULLS LAST, c.id DESC LIMIT 20")
			.params(params)
			.query((rs, n) -> new Row(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("first_channel"), rs.getInt("order_count"),
					rs.getBigDecimal("net_spend"), instant(rs.getTimestamp("last_order_at")),
					rs.getString("tier_code")))
			.list();
	}

	private static String escape(String value) {
		return value.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
	}

	private static Instant instant(java.sql.Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * What the list is narrowed to; {@code null} for no narrowing.
	 *
	 * @param q name, phone or e-mail text
	 * @param tier a tier's code
	 * @param channel a channel's code
	 */
	record Filter(String q, String tier, String channel) {

		Filter {
			q = blankToNull(q, 100);
			tier = blankToNull(tier, 32);
			channel = blankToNull(channel, 32);
		}

		public boolean isFiltered() {
			return this.q != null || this.tier != null || this.channel != null;
		}

		private static String blankToNull(String value, int max) {
			if (value == null || value.isBlank()) {
				return null;
			}
			String stripped = value.strip();
			return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
		}

	}

	record Result(List<Row> rows, long total) {
	}

	record Row(long id, String name, String phone, String email, String firstChannel, int orderCount,
			BigDecimal netSpend, Instant lastOrderAt, String tier) {
	}

	record Profile(long id, String name, String phone, String email, String firstChannel, Instant firstOrderAt,
			Instant lastOrderAt, int orderCount, BigDecimal paidTotal, BigDecimal refundedTotal, BigDecimal netSpend,
			String tier, Long mergedInto, Instant createdAt) {
	}

	record IdentityRow(String kind, String channelCode, String value) {
	}

	record AddressRow(String name, String phone, String province, String city, String district, String line1,
			String postcode, Instant lastUsedAt) {
	}

	record OrderRow(long orderId, String number, String channelCode, String status, Instant placedAt,
			BigDecimal paidAmount, Instant paidAt, BigDecimal refundedAmount, String currency) {
	}

}
