package io.shopops.growth.segment;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The saved segments: a unique name and a filter. Every change is audited.
 */
@Service
class SegmentBook {

	private static final String COLUMNS = """
			id, name, tier_code, tags, rfm_group, r_min, r_max, f_min, f_max, m_min, m_max, last_order_after,
			last_order_before, spend_min, spend_max, first_channel, sku, member_count, counted_at, created_by,
			created_at, updated_at""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	SegmentBook(JdbcClient jdbc, AuditLog audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	List<Saved> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_segment ORDER BY lower(name), id")
			.query((rs, n) -> saved(rs))
			.list();
	}

	Optional<Saved> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_segment WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> saved(rs))
			.optional();
	}

	Saved get(long id) {
		return find(id).orElseThrow(() -> new SegmentNotFoundException(id));
	}

	/**
	 * Saves a new segment.
	 * @param name its name, unique ignoring case
	 * @param filter its filter
	 * @param count its member count now
	 * @param actor who saved it
	 * @return its id
	 * @throws SegmentException {@code segment.name.taken} if the name is in use
	 */
	@Transactional
	long create(String name, SegmentFilter filter, long count, String actor) {
		requireFreeName(name, null);
		long id;
		try {
			id = this.jdbc
				.sql("""
						INSERT INTO customer_segment (name, tier_code, tags, rfm_group, r_min, r_max, f_min, f_max, m_min, m_max,
						  last_order_after, last_order_before, spend_min, spend_max, first_channel, sku, member_count, counted_at,
						  created_by)
						VALUES (:name, :tier, :tags, :rfm, :rMin, :rMax, :fMin, :fMax, :mMin, :mMax, :after, :before, :spendMin,
						  :spendMax, :channel, :sku, :count, now(), :actor)
						RETURNING id
						""")
				.paramSource(params(name, filter, count).actor(actor))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			// saved at the same moment by someone else
			throw new SegmentException("segment.name.taken");
		}
		this.audit.record("SEGMENT_CREATED", "segment", String.valueOf(id), name + ": " + filter.describe());
		return id;
	}

	/**
	 * Changes a segment's name and filter.
	 * @throws SegmentNotFoundException if it does not exist
	 * @throws SegmentException {@code segment.name.taken} if the name is in use
	 */
	@Transactional
	void update(long id, String name, SegmentFilter filter, long count) {
		Saved before = this.jdbc.sql("SELECT " + COLUMNS + " FROM customer_segment WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> saved(rs))
			.optional()
			.orElseThrow(() -> new SegmentNotFoundException(id));
		requireFreeName(name, id);
		try {
			this.jdbc
				.sql("""
						UPDATE customer_segment SET name = :name, tier_code = :tier, tags = :tags, rfm_group = :rfm,
						  r_min = :rMin, r_max = :rMax, f_min = :fMin, f_max = :fMax, m_min = :mMin, m_max = :mMax,
						  last_order_after = :after, last_order_before = :before, spend_min = :spendMin, spend_max = :spendMax,
						  first_channel = :channel, sku = :sku, member_count = :count, counted_at = now(), updated_at = now()
						WHERE id = :id
						""")
				.paramSource(params(name, filter, count).id(id))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new SegmentException("segment.name.taken");
		}
		this.audit.record("SEGMENT_UPDATED", "segment", String.valueOf(id),
				before.name() + ": " + before.filter().describe() + " → " + name + ": " + filter.describe());
	}

	/**
	 * Deletes a segment.
	 * @return whether it existed
	 */
	@Transactional
	boolean delete(long id) {
		Optional<Saved> saved = find(id);
		if (saved.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM customer_segment WHERE id = :id").param("id", id).update();
		this.audit.record("SEGMENT_DELETED", "segment", String.valueOf(id),
				saved.get().name() + ": " + saved.get().filter().describe());
		return true;
	}

	/**
	 * Remembers a count just taken, for the list (a cache, not a change of state).
	 */
	void counted(long id, long count) {
		this.jdbc.sql("UPDATE customer_segment SET member_count = :count, counted_at = now() WHERE id = :id")
			.param("count", count)
			.param("id", id)
			.update();
	}

	private void requireFreeName(String name, Long id) {
		boolean taken = this.jdbc
			.sql("SELECT count(*) FROM customer_segment WHERE lower(name) = lower(:name) AND id <> :id")
			.param("name", name)
			.param("id", (id != null) ? id : -1L)
			.query(Long.class)
			.single() > 0;
		if (taken) {
			throw new SegmentException("segment.name.taken");
		}
	}

	private static Params params(String name, SegmentFilter filter, long count) {
		return new Params(name, filter, count);
	}

	private static Saved saved(ResultSet rs) throws SQLException {
		String tags = rs.getString("tags");
		SegmentFilter filter = new SegmentFilter(rs.getString("tier_code"),
				(tags == null || tags.isEmpty()) ? List.of() : Arrays.asList(tags.split("\n")),
				RfmGroup.parse(rs.getString("rfm_group")).orElse(null), (Integer) rs.getObject("r_min"),
				(Integer) rs.getObject("r_max"), (Integer) rs.getObject("f_min"), (Integer) rs.getObject("f_max"),
				(Integer) rs.getObject("m_min"), (Integer) rs.getObject("m_max"), date(rs.getDate("last_order_after")),
				date(rs.getDate("last_order_before")), rs.getBigDecimal("spend_min"), rs.getBigDecimal("spend_max"),
				rs.getString("first_channel"), rs.getString("sku"));
		return new Saved(rs.getLong("id"), rs.getString("name"), filter, (Long) rs.getObject("member_count"),
				instant(rs.getTimestamp("counted_at")), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));
	}

	private static java.time.LocalDate date(Date date) {
		return (date != null) ? date.toLocalDate() : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A saved segment.
	 */
	record Saved(long id, String name, SegmentFilter filter, Long memberCount, Instant countedAt, String createdBy,
			Instant createdAt, Instant updatedAt) {
	}

	/**
	 * The named parameters of the insert and update.
	 */
	private static final class Params extends org.springframework.jdbc.core.namedparam.MapSqlParameterSource {

		Params(String name, SegmentFilter filter, long count) {
			addValue("name", name);
			addValue("tier", filter.tier(), java.sql.Types.VARCHAR);
			addValue("tags", filter.tags().isEmpty() ? null : String.join("\n", filter.tags()), java.sql.Types.VARCHAR);
			addValue("rfm", (filter.rfmGroup() != null) ? filter.rfmGroup().name() : null, java.sql.Types.VARCHAR);
			addValue("rMin", filter.rMin(), java.sql.Types.SMALLINT);
			addValue("rMax", filter.rMax(), java.sql.Types.SMALLINT);
			addValue("fMin", filter.fMin(), java.sql.Types.SMALLINT);
			addValue("fMax", filter.fMax(), java.sql.Types.SMALLINT);
			addValue("mMin", filter.mMin(), java.sql.Types.SMALLINT);
			addValue("mMax", filter.mMax(), java.sql.Types.SMALLINT);
			addValue("after", (filter.lastOrderAfter() != null) ? Date.valueOf(filter.lastOrderAfter()) : null,
					java.sql.Types.DATE);
			addValue("before", (filter.lastOrderBefore() != null) ? Date.valueOf(filter.lastOrderBefore()) : null,
					java.sql.Types.DATE);
			addValue("spendMin", filter.spendMin(), java.sql.Types.NUMERIC);
			addValue("spendMax", filter.spendMax(), java.sql.Types.NUMERIC);
			addValue("channel", filter.firstChannel(), java.sql.Types.VARCHAR);
			addValue("sku", filter.sku(), java.sql.Types.VARCHAR);
			addValue("count", count);
		}

		Params actor(String actor) {
			addValue("actor", actor);
			return this;
		}

		Params id(long id) {
			addValue("id", id);
			return this;
		}

	}

}
