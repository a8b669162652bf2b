package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Turns a {@link SegmentFilter} into one SQL statement over the customers: counts, pages
 * of members and every member's id in batches. The RFM table is joined only when the
 * filter reads it; tags, the first channel and the SKU use their own indexes. A count
 * without criteria on the customer's own figures does not read {@code customer} at all.
 */
@Component
class SegmentQuery {

	static final int PAGE_SIZE = 25;

	static final int BATCH = 10_000;

	private final JdbcClient jdbc;

	private final ShopSettings shop;

	SegmentQuery(JdbcClient jdbc, ShopSettings shop) {
		this.jdbc = jdbc;
		this.shop = shop;
	}

	/**
	 * How many customers match.
	 * @param filter the filter
	 * @return the count
	 */
	long count(SegmentFilter filter) {
		Where side = sideTables(filter);
		if (side != null) {
			return this.jdbc.sql(side.sql()).params(side.params()).query(Long.class).single();
		}
		Where where = where(filter);
		return this.jdbc.sql("SELECT count(*) FROM customer c" + where.join() + where.sql())
			.params(where.params())
			.query(Long.class)
			.single();
	}

	/**
	 * The count of a filter without any criterion on the customer's own figures (tier,
	 * last order, spend, first channel), read from the RFM, tag and SKU tables alone:
	 * their rows only ever belong to customers that are not merged (a merge moves or
	 * drops them), so {@code customer} need not be read at all. The RFM scores hold one
	 * row per customer and lead when they are asked for; else the tags, else the SKU,
	 * counting distinct customers. {@code null} for a filter that reads the customer's
	 * figures, or none of these tables.
	 */
	private static Where sideTables(SegmentFilter filter) {
		boolean customerCriteria = filter.tier() != null || filter.lastOrderAfter() != null
				|| filter.lastOrderBefore() != null || filter.spendMin() != null || filter.spendMax() != null
				|| filter.firstChannel() != null;
		boolean tags = !filter.tags().isEmpty();
		boolean sku = filter.sku() != null;
		boolean rfm = filter.usesRfm();
		if (customerCriteria || !(tags || sku || rfm)) {
			return null;
		}
		List<Object> params = new ArrayList<>();
		StringBuilder sql = new StringBuilder();
		String id;
		if (rfm) {
			id = "r.customer_id";
			sql.append("SELECT count(*) FROM customer_rfm r WHERE TRUE").append(rfmConditions(filter, params));
			if (tags) {
				sql.append(" AND ").append(id).append(" IN (SELECT t.customer_id FROM customer_tag t WHERE t.tag IN (");
				tagParams(sql, params, filter.tags());
				sql.append("))");
			}
		}
		else if (tags) {
			id = "t.customer_id";
			sql.append("SELECT count(DISTINCT t.customer_id) FROM customer_tag t WHERE t.tag IN (");
			tagParams(sql, params, filter.tags());
			sql.append(")");
		}
		else {
			return new Where("", "SELECT count(DISTINCT s.customer_id) FROM customer_sku s WHERE s.sku = ?",
					List.of(filter.sku()));
		}
		if (sku) {
			sql.append(" AND ").append(id).append(" IN (SELECT s.customer_id FROM customer_sku s WHERE s.sku = ?)");
			params.add(filter.sku());
		}
		return new Where("", sql.toString(), params);
	}

	private static void tagParams(StringBuilder sql, List<Object> params, List<String> tags) {
		for (int i = 0; i < tags.size(); i++) {
			sql.append((i > 0) ? ", ?" : "?");
			params.add(tags.get(i));
		}
	}

	private static String rfmConditions(SegmentFilter filter, List<Object> params) {
		StringBuilder sql = new StringBuilder();
		List<Object> ignored = new ArrayList<>();
		List<Object> target = (params != null) ? params : ignored;
		if (filter.rfmGroup() != null) {
			sql.append(" AND r.rfm_group = ?");
			target.add(filter.rfmGroup().name());
		}
		between(sql, target, "r.r_score", filter.rMin(), filter.rMax());
		between(sql, target, "r.f_score", filter.fMin(), filter.fMax());
		between(sql, target, "r.m_score", filter.mMin(), filter.mMax());
		return sql.toString();
	}

	/**
	 * One page of the members, newest customers first (by id: an order that does not
	 * depend on the criteria, so a page never walks a long way to find its rows).
	 * @param filter the filter
	 * @param page the page, from 0
	 * @return the members of the page
	 */
	List<Member> page(SegmentFilter filter, int page) {
		Where where = where(filter);
		List<Object> params = new ArrayList<>(where.params());
		params.add(PAGE_SIZE);
		params.add((long) page * PAGE_SIZE);
		return this.jdbc
			.sql("""
					SELECT c.id, c.name, c.phone, c.email, c.tier_code, c.first_channel, c.order_count, c.net_spend,
					       c.last_order_at, r.r_score, r.f_score, r.m_score, r.rfm_group
					FROM customer c LEFT JOIN customer_rfm r ON r.customer_id = c.id""" + where.sql()
					+ " ORDER BY c.id DESC LIMIT ? OFFSET ?")
			.params(params)
			.query((rs, n) -> new Member(rs.getLong("id"), rs.getString("name"), rs.getString("phone"),
					rs.getString("email"), rs.getString("tier_code"), rs.getString("first_channel"),
					rs.getInt("order_count"), rs.getBigDecimal("net_spend"), instant(rs.getTimestamp("last_order_at")),
					(Integer) rs.getObject("r_score"), (Integer) rs.getObject("f_score"),
					(Integer) rs.getObject("m_score"), rs.getString("rfm_group")))
			.list();
	}

	/**
	 * Hands every member's id to the consumer, in ascending batches of at most
	 * {@value #BATCH}, each read by its own statement (keyset on the id), so that no
	 * transaction stays open across the whole segment.
	 * @param filter the filter
	 * @param batches receives each batch
	 */
	void forEachBatch(SegmentFilter filter, Consumer<List<Long>> batches) {
		Where where = where(filter);
		long after = 0;
		while (true) {
			List<Object> params = new ArrayList<>(where.params());
			params.add(after);
			params.add(BATCH);
			List<Long> ids = this.jdbc
				.sql("SELECT c.id FROM customer c" + where.join() + where.sql() + " AND c.id > ? ORDER BY c.id LIMIT ?")
				.params(params)
				.query(Long.class)
				.list();
			if (ids.isEmpty()) {
				return;
			}
			batches.accept(ids);
			if (ids.size() < BATCH) {
				return;
			}
			after = ids.get(ids.size() - 1);
		}
	}

	/**
	 * Whether one customer matches.
	 * @param filter the filter
	 * @param customerId the customer
	 * @return whether it is a member
	 */
	boolean contains(SegmentFilter filter, long customerId) {
		Where where = where(filter);
		List<Object> params = new ArrayList<>(where.params());
		params.add(customerId);
		return this.jdbc.sql("SELECT count(*) FROM customer c" + where.join() + where.sql() + " AND c.id = ?")
			.params(params)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * The channels customers first ordered on, for the form.
	 * @return the channel codes, sorted
	 */
	List<String> channels() {
		return this.jdbc.sql("SELECT DISTINCT channel_code FROM customer_order ORDER BY channel_code")
			.query(String.class)
			.list();
	}

	/**
	 * The tiers, best first, for the form.
	 * @return code and name of each
	 */
	java.util.Map<String, String> tiers() {
		java.util.Map<String, String> tiers = new java.util.LinkedHashMap<>();
		this.jdbc.sql("SELECT code, name FROM customer_tier ORDER BY position DESC")
			.query((rs, n) -> java.util.Map.entry(rs.getString("code"), rs.getString("name")))
			.list()
			.forEach((entry) -> tiers.put(entry.getKey(), entry.getValue()));
		return tiers;
	}

	Where where(SegmentFilter filter) {
		StringBuilder sql = new StringBuilder(" WHERE c.merged_into IS NULL");
		List<Object> params = new ArrayList<>();
		if (filter.tier() != null) {
			sql.append(" AND c.tier_code = ?");
			params.add(filter.tier());
		}
		if (!filter.tags().isEmpty()) {
			sql.append(" AND c.id IN (SELECT t.customer_id FROM customer_tag t WHERE t.tag IN (");
			for (int i = 0; i < filter.tags().size(); i++) {
				sql.append((i > 0) ? ", ?" : "?");
				params.add(filter.tags().get(i));
			}
			sql.append("))");
		}
		sql.append(rfmConditions(filter, params));
		ZoneId zone = this.shop.current().timeZone();
		if (filter.lastOrderAfter() != null) {
			sql.append(" AND c.last_order_at >= ?");
			params.add(startOf(filter.lastOrderAfter(), zone));
		}
		if (filter.lastOrderBefore() != null) {
			sql.append(" AND c.last_order_at < ?");
			params.add(startOf(filter.lastOrderBefore(), zone));
		}
		between(sql, params, "c.net_spend", filter.spendMin(), filter.spendMax());
		if (filter.firstChannel() != null) {
			sql.append(" AND c.first_channel = ?");
			params.add(filter.firstChannel());
		}
		if (filter.sku() != null) {
			sql.append(" AND c.id IN (SELECT s.customer_id FROM customer_sku s WHERE s.sku = ?)");
			params.add(filter.sku());
		}
		String join = filter.usesRfm() ? " JOIN customer_rfm r ON r.customer_id = c.id" : "";
		return new Where(join, sql.toString(), params);
	}

	private static void between(StringBuilder sql, List<Object> params, String column, Object min, Object max) {
		if (min != null) {
			sql.append(" AND ").append(column).append(" >= ?");
			params.add((min instanceof BigDecimal decimal) ? decimal : min);
		}
		if (max != null) {
			sql.append(" AND ").append(column).append(" <= ?");
			params.add(max);
		}
	}

	private static Timestamp startOf(LocalDate day, ZoneId zone) {
		return Timestamp.from(day.atStartOfDay(zone).toInstant());
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	record Where(String join, String sql, List<Object> params) {
	}

	/**
	 * A member as the members page shows it; contact details unmasked.
	 */
	record Member(long id, String name, String phone, String email, String tier, String firstChannel, int orderCount,
			BigDecimal netSpend, Instant lastOrderAt, Integer r, Integer f, Integer m, String rfmGroup) {

		public String rfmCode() {
			return (this.r != null) ? "" + this.r + this.f + this.m : null;
		}

	}

}
