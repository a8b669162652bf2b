package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * RFM scores (recency, frequency, monetary) of every customer with a paid order, in
 * quintiles 1..5, computed set-based in one statement and stored in {@code customer_rfm}.
 * <p>
 * Recency is the number of shop days since the last order, frequency the paid order
 * count, monetary the net spend. A customer's score in each is
 * {@code 1 + ⌊5 × (rank − 1) / n⌋}, where rank is SQL's {@code rank()} from the worst
 * value up (oldest last order, fewest orders, smallest spend) and n the number of scored
 * customers: the quintile of the share of customers who are strictly worse. Equal values
 * get equal scores, unlike {@code ntile}, which splits ties arbitrarily. A score is high
 * when it is above the average score of all scored customers; the three high/low answers
 * name the {@link RfmGroup}.
 * <p>
 * The ranks are computed once per distinct value, not per customer: the customers are
 * grouped by each figure (a few hundred recencies, a few dozen order counts, some
 * thousands of spends), the number strictly worse is a running sum over the groups, and
 * every customer takes its value's score by a hash join; the averages come from the
 * groups too. A recompute writes the scores into a temporary table first and then changes
 * {@code customer_rfm} by three set-based statements: rows whose figures changed are
 * updated, new ones inserted, those of customers no longer scored deleted; unchanged rows
 * are not written at all.
 */
@Component
class RfmScoring {

	/** The key of the transaction lock that keeps two recomputes apart. */
	private static final long RFM_LOCK = 0x52464d01L;

	/**
	 * Scores the rows of a CTE named {@code base(id, recency_days, frequency, monetary)}
	 * into a CTE named {@code grouped} that adds {@code r, f, m, rfm_group}.
	 */
	static final String SCORING = """
			population AS (SELECT count(*) AS n FROM base),
			r_values AS (
			  SELECT b.recency_days AS v, count(*) AS k,
			         CAST(1 + 5 * (CAST(sum(count(*)) OVER (ORDER BY b.recency_days DESC) AS BIGINT) - count(*)) / p.n
			              AS SMALLINT) AS s
			  FROM base b CROSS JOIN population p GROUP BY b.recency_days, p.n),
			f_values AS (
			  SELECT b.frequency AS v, count(*) AS k,
			         CAST(1 + 5 * (CAST(sum(count(*)) OVER (ORDER BY b.frequency) AS BIGINT) - count(*)) / p.n
			              AS SMALLINT) AS s
			  FROM base b CROSS JOIN population p GROUP BY b.frequency, p.n),
			m_values AS (
			  SELECT b.monetary AS v, count(*) AS k,
			         CAST(1 + 5 * (CAST(sum(count(*)) OVER (ORDER BY b.monetary) AS BIGINT) - count(*)) / p.n
			              AS SMALLINT) AS s
			  FROM base b CROSS JOIN population p GROUP BY b.monetary, p.n),
			averages AS MATERIALIZED (
			  SELECT (SELECT sum(k * s) FROM r_values) / CAST(p.n AS NUMERIC) AS r,
			         (SELECT sum(k * s) FROM f_values) / CAST(p.n AS NUMERIC) AS f,
			         (SELECT sum(k * s) FROM m_values) / CAST(p.n AS NUMERIC) AS m
			  FROM population p WHERE p.n > 0),
			highs AS (
			  SELECT b.id, b.recency_days, b.frequency, b.monetary, rv.s AS r, fv.s AS f, mv.s AS m,
			         rv.s > a.r AS high_r, fv.s > a.f AS high_f, mv.s > a.m AS high_m
			  FROM base b JOIN r_values rv ON rv.v = b.recency_days JOIN f_values fv ON fv.v = b.frequency
			  JOIN m_values mv ON mv.v = b.monetary CROSS JOIN averages a),
			grouped AS (
			  SELECT id, recency_days, frequency, monetary, r, f, m, %s AS rfm_group
			  FROM highs)
			""".formatted(RfmGroup.sqlCase("high_r", "high_f", "high_m"));

	/** Whether a stored row differs from its newly computed one. */
	private static final String CHANGED = """
			(r.recency_days, r.frequency, r.monetary, r.r_score, r.f_score, r.m_score, r.rfm_group)
			IS DISTINCT FROM (s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m, s.rfm_group)""";

	private final JdbcClient jdbc;

	private final ShopSettings shop;

	private final AuditLog audit;

	private final String workMem;

	RfmScoring(JdbcClient jdbc, ShopSettings shop, AuditLog audit,
			@Value("${shopops.segments.rfm-work-mem:128MB}") String workMem) {
		this.jdbc = jdbc;
		this.shop = shop;
		this.audit = audit;
		this.workMem = workMem;
	}

	/**
	 * Recomputes every customer's scores: rows that changed are rewritten, customers no
	 * longer scored (merged away) lose theirs. Two recomputes never run at once.
	 * @param actor who asked, {@code system} for the scheduled job
	 * @return what was done
	 */
	@Transactional
	public Run recompute(String actor) {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", RFM_LOCK).query(Object.class).list();
		long started = System.nanoTime();
		ZoneId zone = this.shop.current().timeZone();
		LocalDate today = LocalDate.now(zone);
		// the groups, the running sums and the hash joins of a million customers fit in
		// memory with this (PostgreSQL's default of 4MB sorts them on disk); this
		// transaction only
		this.jdbc.sql("SELECT set_config('work_mem', :mem, true)").param("mem", this.workMem).query().listOfRows();
		this.jdbc.sql("DROP TABLE IF EXISTS rfm_next").update();
		this.jdbc
			.sql("CREATE TEMPORARY TABLE rfm_next ON COMMIT DROP AS WITH base AS ("
					+ """
							SELECT c.id,
							       greatest(0, CAST(:today AS DATE) - CAST(c.last_order_at AT TIME ZONE CAST(:zone AS TEXT) AS DATE))
							         AS recency_days,
							       c.order_count AS frequency, c.net_spend AS monetary
							FROM customer c
							WHERE c.merged_into IS NULL AND c.order_count > 0 AND c.last_order_at IS NOT NULL),
							"""
					+ SCORING + "SELECT id, recency_days, frequency, monetary, r, f, m, rfm_group FROM grouped")
			.param("today", java.sql.Date.valueOf(today))
			.param("zone", zone.getId())
			.update();
		this.jdbc.sql("ANALYZE rfm_next").update();
		this.jdbc.sql("""
				UPDATE customer_rfm r SET recency_days = s.recency_days, frequency = s.frequency, monetary = s.monetary,
				       r_score = s.r, f_score = s.f, m_score = s.m, rfm_group = s.rfm_group
				FROM rfm_next s WHERE r.customer_id = s.id AND""" + " " + CHANGED).update();
		// in id order: the primary key grows at its right end and the group and score
		// indexes at one place per group, instead of at random (a first run of 1M rows:
		// 9 s of PostgreSQL CPU instead of 14 s)
		this.jdbc.sql("""
				INSERT INTO customer_rfm (customer_id, recency_days, frequency, monetary, r_score, f_score, m_score,
				                          rfm_group)
				SELECT s.id, s.recency_days, s.frequency, s.monetary, s.r, s.f, s.m, s.rfm_group FROM rfm_next s
				WHERE NOT EXISTS (SELECT 1 FROM customer_rfm r WHERE r.customer_id = s.id)
				ORDER BY s.id""").update();
		// read customer again rather than rfm_next: a merge committed since the scores
		// were computed has deleted its duplicate's row, which the insert may have
		// brought
		// back
		this.jdbc.sql("""
				DELETE FROM customer_rfm r WHERE NOT EXISTS (
				  SELECT 1 FROM customer c WHERE c.id = r.customer_id AND c.merged_into IS NULL AND c.order_count > 0
				    AND c.last_order_at IS NOT NULL)
				""").update();
		this.jdbc.sql("DROP TABLE rfm_next").update();
		int scored = this.jdbc.sql("SELECT count(*) FROM customer_rfm").query(Integer.class).single();
		long millis = (System.nanoTime() - started) / 1_000_000;
		Instant now = Instant.now();
		this.jdbc.sql("""
				INSERT INTO rfm_run (id, computed_at, scored, millis, actor) VALUES (1, :at, :scored, :millis, :actor)
				ON CONFLICT (id) DO UPDATE SET computed_at = EXCLUDED.computed_at, scored = EXCLUDED.scored,
				  millis = EXCLUDED.millis, actor = EXCLUDED.actor
				""")
			.param("at", Timestamp.from(now))
			.param("scored", scored)
			.param("millis", millis)
			.param("actor", actor)
			.update();
		this.audit.record("RFM_RECOMPUTED", "rfm", null, scored + " customers, " + millis + " ms");
		return new Run(now, scored, millis, actor);
	}

	/**
	 * The last recompute.
	 * @return it, empty before the first
	 */
	Optional<Run> lastRun() {
		return this.jdbc.sql("SELECT computed_at, scored, millis, actor FROM rfm_run WHERE id = 1")
			.query((rs, n) -> new Run(rs.getTimestamp("computed_at").toInstant(), rs.getInt("scored"),
					rs.getLong("millis"), rs.getString("actor")))
			.optional();
	}

	/**
	 * How many customers are in each group, with their average figures.
	 * @return every group, in declaration order, empty groups included
	 */
	List<GroupFigures> groups() {
		Map<RfmGroup, GroupFigures> found = new EnumMap<>(RfmGroup.class);
		this.jdbc
			.sql("""
					SELECT r.rfm_group, count(*) AS customers, avg(r.recency_days) AS recency, avg(r.frequency) AS frequency,
					       avg(r.monetary) AS monetary, coalesce(sum(r.monetary), 0) AS spend
					FROM customer_rfm r
					GROUP BY r.rfm_group
					""")
			.query((rs, n) -> new GroupFigures(RfmGroup.valueOf(rs.getString("rfm_group")), rs.getLong("customers"),
					rs.getBigDecimal("recency"), rs.getBigDecimal("frequency"), rs.getBigDecimal("monetary"),
					rs.getBigDecimal("spend")))
			.list()
			.forEach((figures) -> found.put(figures.group(), figures));
		List<GroupFigures> all = new ArrayList<>();
		for (RfmGroup group : RfmGroup.values()) {
			all.add(found.getOrDefault(group,
					new GroupFigures(group, 0, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO)));
		}
		return all;
	}

	/**
	 * One customer's scores as of the last recompute.
	 * @param customerId the customer
	 * @return the scores, empty when not scored
	 */
	Optional<Score> of(long customerId) {
		return this.jdbc.sql("""
				SELECT customer_id, recency_days, frequency, monetary, r_score, f_score, m_score, rfm_group
				FROM customer_rfm WHERE customer_id = :id
				""").param("id", customerId).query((rs, n) -> score(rs)).optional();
	}

	/**
	 * Scores a population without storing anything: the statement of
	 * {@link #recompute(String)} run on the given figures instead of the customers.
	 * @param population the figures
	 * @return the scores, by id
	 */
	List<Score> score(List<Figures> population) {
		if (population.isEmpty()) {
			return List.of();
		}
		StringBuilder values = new StringBuilder();
		List<Object> params = new ArrayList<>();
		for (Figures figures : population) {
			values.append((values.length() > 0) ? ", " : "")
				.append("(CAST(? AS BIGINT), CAST(? AS INTEGER), CAST(? AS INTEGER), CAST(? AS NUMERIC(14, 2)))");
			params.add(figures.id());
			params.add(figures.recencyDays());
			params.add(figures.frequency());
			params.add(figures.monetary());
		}
		return this.jdbc
			.sql("WITH base (id, recency_days, frequency, monetary) AS (VALUES " + values + "), " + SCORING
					+ "SELECT id AS customer_id, recency_days, frequency, monetary, r AS r_score, f AS f_score, "
					+ "m AS m_score, rfm_group FROM grouped ORDER BY id")
			.params(params)
			.query((rs, n) -> score(rs))
			.list();
	}

	private static Score score(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Score(rs.getLong("customer_id"), rs.getInt("recency_days"), rs.getInt("frequency"),
				rs.getBigDecimal("monetary"), rs.getInt("r_score"), rs.getInt("f_score"), rs.getInt("m_score"),
				RfmGroup.valueOf(rs.getString("rfm_group")));
	}

	record Figures(long id, int recencyDays, int frequency, BigDecimal monetary) {
	}

	record Score(long customerId, int recencyDays, int frequency, BigDecimal monetary, int r, int f, int m,
			RfmGroup group) {

		public String code() {
			return "" + this.r + this.f + this.m;
		}

	}

	record Run(Instant at, int scored, long millis, String actor) {
	}

	record GroupFigures(RfmGroup group, long customers, BigDecimal recencyDays, BigDecimal frequency,
			BigDecimal monetary, BigDecimal spend) {
	}

}
