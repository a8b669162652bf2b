package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.platform.AuditLog;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Parsed;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The SEO keywords and their rank history: validated, stored and audited. A keyword is
 * unique per target (none, a page URL, or a product SKU of the catalog) by its
 * {@link SeoKeyword#key key}; a rank is one per keyword and day, entered again it
 * replaces the day's rank.
 */
@Service
class SeoKeywords {

	static final int PAGE_SIZE = 25;

	static final BigDecimal MAX_RANK = new BigDecimal("1000");

	static final String INVALID_RANK = "seo.rank.rank.invalid";

	private static final String WITH_RANKS = """
			SELECT k.*, cur.rank_date AS cur_date, cur.rank AS cur_rank, prev.rank_date AS prev_date,
			       prev.rank AS prev_rank, best.rank AS best_rank, (prev.rank - cur.rank) AS change
			FROM seo_keyword k
			LEFT JOIN LATERAL (SELECT r.rank_date, r.rank FROM seo_rank r WHERE r.keyword_id = k.id
			                   ORDER BY r.rank_date DESC LIMIT 1) cur ON true
			LEFT JOIN LATERAL (SELECT r.rank_date, r.rank FROM seo_rank r WHERE r.keyword_id = k.id
			                   AND r.rank_date <= cur.rank_date - %d AND r.rank_date >= cur.rank_date - %d
			                   ORDER BY r.rank_date DESC LIMIT 1) prev ON true
			LEFT JOIN LATERAL (SELECT min(r.rank) AS rank FROM seo_rank r WHERE r.keyword_id = k.id) best ON true
			""".formatted(SeoRankChange.COMPARE_DAYS, SeoRankChange.WINDOW_DAYS);

	private static final RowMapper<SeoKeyword> ROW = SeoKeywords::keyword;

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	private final AuditLog auditLog;

	SeoKeywords(JdbcClient jdbc, ProductCatalog catalog, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.auditLog = auditLog;
	}

	/**
	 * Adds a keyword, audited.
	 * @throws SiteInvalidException with the field problems
	 */
	@Transactional
	SeoKeyword create(SeoKeywordForm form) {
		Valid valid = validate(form);
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO seo_keyword (keyword, keyword_key, target_url, target_sku, target_key, search_volume,
					  notes, created_by)
					VALUES (:keyword, :key, :url, :sku, :target, :volume, :notes, :actor) RETURNING id""")
				.param("keyword", valid.keyword())
				.param("key", SeoKeyword.key(valid.keyword()))
				.param("url", valid.url())
				.param("sku", valid.sku())
				.param("target", SeoKeyword.targetKey(valid.url(), valid.sku()))
				.param("volume", valid.volume())
				.param("notes", valid.notes())
				.param("actor", Sites.currentActor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw taken();
		}
		this.auditLog.record("SEO_KEYWORD_CREATED", "seokeyword", String.valueOf(id), describe(valid));
		return find(id).orElseThrow();
	}

	/**
	 * Changes a keyword, audited with what it was and what it is.
	 * @throws SiteInvalidException with the field problems
	 * @throws SeoKeywordNotFoundException if there is none
	 */
	@Transactional
	SeoKeyword update(long id, SeoKeywordForm form) {
		SeoKeyword before = find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		Valid valid = validate(form);
		try {
			this.jdbc.sql("""
					UPDATE seo_keyword SET keyword = :keyword, keyword_key = :key, target_url = :url, target_sku = :sku,
					  target_key = :target, search_volume = :volume, notes = :notes, updated_at = now()
					WHERE id = :id""")
				.param("keyword", valid.keyword())
				.param("key", SeoKeyword.key(valid.keyword()))
				.param("url", valid.url())
				.param("sku", valid.sku())
				.param("target", SeoKeyword.targetKey(valid.url(), valid.sku()))
				.param("volume", valid.volume())
				.param("notes", valid.notes())
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken();
		}
		this.auditLog.record("SEO_KEYWORD_UPDATED", "seokeyword", String.valueOf(id),
				describe(new Valid(before.keyword(), before.targetUrl(), before.targetSku(), before.searchVolume(),
						before.notes())) + " → " + describe(valid));
		return find(id).orElseThrow();
	}

	/**
	 * Deletes a keyword and its rank history, audited; {@code false} when there is none.
	 */
	@Transactional
	boolean delete(long id) {
		Optional<SeoKeyword> keyword = find(id);
		if (keyword.isEmpty()) {
			return false;
		}
		long ranks = this.jdbc.sql("SELECT count(*) FROM seo_rank WHERE keyword_id = ?")
			.param(id)
			.query(Long.class)
			.single();
		this.jdbc.sql("DELETE FROM seo_keyword WHERE id = ?").param(id).update();
		SeoKeyword k = keyword.get();
		this.auditLog.record("SEO_KEYWORD_DELETED", "seokeyword", String.valueOf(id),
				describe(new Valid(k.keyword(), k.targetUrl(), k.targetSku(), k.searchVolume(), k.notes())) + " ranks="
						+ ranks);
		return true;
	}

	/**
	 * Enters a keyword's rank of a day by hand, replacing the day's rank, audited.
	 * @param today the shop's today: a later day is refused
	 * @throws SiteInvalidException with the field problems
	 * @throws SeoKeywordNotFoundException if there is none
	 */
	@Transactional
	SeoRank enterRank(long id, String dateText, String rankText, LocalDate today) {
		SeoKeyword keyword = find(id).orElseThrow(() -> new SeoKeywordNotFoundException(id));
		List<SiteInvalidException.Problem> problems = new ArrayList<>();
		LocalDate date = null;
		if (dateText == null || dateText.isBlank()) {
			problems.add(new SiteInvalidException.Problem("date", "seo.rank.date.required"));
		}
		else {
			try {
				date = LocalDate.parse(dateText.strip());
				if (date.isAfter(today) || date.getYear() < 2000) {
					problems.add(new SiteInvalidException.Problem("date", "seo.rank.date.range"));
				}
			}
			catch (RuntimeException ex) {
				problems.add(new SiteInvalidException.Problem("date", "seo.rank.date.invalid"));
			}
		}
		BigDecimal rank = null;
		if (rankText == null || rankText.isBlank()) {
			problems.add(new SiteInvalidException.Problem("rank", "seo.rank.rank.required"));
		}
		else {
			Parsed<BigDecimal> parsed = rank(rankText);
			if (parsed.ok()) {
				rank = parsed.value();
			}
			else {
				problems.add(new SiteInvalidException.Problem("rank", INVALID_RANK));
			}
		}
		if (!problems.isEmpty()) {
			throw new SiteInvalidException(problems);
		}
		String actor = Sites.currentActor();
		BigDecimal before = this.jdbc.sql("SELECT rank FROM seo_rank WHERE keyword_id = ? AND rank_date = ?")
			.params(id, date)
			.query(BigDecimal.class)
			.optional()
			.orElse(null);
		this.jdbc.sql("""
				INSERT INTO seo_rank (keyword_id, rank_date, rank, source, entered_by)
				VALUES (:id, :date, :rank, 'MANUAL', :actor)
				ON CONFLICT (keyword_id, rank_date) DO UPDATE SET rank = EXCLUDED.rank, source = 'MANUAL',
				  job_id = NULL, entered_by = EXCLUDED.entered_by, updated_at = now()""")
			.param("id", id)
			.param("date", date)
			.param("rank", rank)
			.param("actor", actor)
			.update();
		this.auditLog.record("SEO_RANK_ENTERED", "seokeyword", String.valueOf(id), keyword.keyword() + " " + date + ": "
				+ ((before != null) ? SeoKeyword.shown(before) + " → " : "") + SeoKeyword.shown(rank));
		return new SeoRank(date, rank, "MANUAL", actor);
	}

	@Transactional(readOnly = true)
	Optional<SeoKeyword> find(long id) {
		return this.jdbc.sql(WITH_RANKS + " WHERE k.id = ?").param(id).query(ROW).optional();
	}

	/** A keyword's rank history, newest first. */
	@Transactional(readOnly = true)
	List<SeoRank> history(long id) {
		return this.jdbc.sql(
				"SELECT rank_date, rank, source, entered_by FROM seo_rank WHERE keyword_id = ? ORDER BY rank_date DESC")
			.param(id)
			.query((rs, n) -> new SeoRank(rs.getObject("rank_date", LocalDate.class), rs.getBigDecimal("rank"),
					rs.getString("source"), rs.getString("entered_by")))
			.list();
	}

	/** One page of keywords that pass a filter, in its order, with the total count. */
	@Transactional(readOnly = true)
	KeywordPage page(SeoFilter filter) {
		List<String> where = new ArrayList<>();
		if (filter.q() != null) {
			where
				.add("(position(lower(:q) in lower(x.keyword)) > 0 OR position(lower(:q) in lower(x.target_key)) > 0)");
		}
		switch (filter.position()) {
			case "top3" -> where.add("x.cur_rank <= 3");
			case "top10" -> where.add("x.cur_rank <= 10");
			case "top100" -> where.add("x.cur_rank <= 100");
			case "unranked" -> where.add("x.cur_rank IS NULL");
			default -> {
			}
		}
		switch (filter.trend()) {
			case "up" -> where.add("x.change > 0");
			case "down" -> where.add("x.change < 0");
			default -> {
			}
		}
		String condition = where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where);
		String base = "FROM (" + WITH_RANKS + ") x" + condition;
		JdbcClient.StatementSpec count = this.jdbc.sql("SELECT count(*) " + base);
		if (filter.q() != null) {
			count = count.param("q", filter.q());
		}
		long total = count.query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(filter.page(), 0), pages - 1);
		String direction = filter.descending() ? "DESC" : "ASC";
		String column = switch (filter.sort()) {
			case "rank" -> "x.cur_rank";
			case "change" -> "x.change";
			case "best" -> "x.best_rank";
			case "volume" -> "x.search_volume";
			case "updated" -> "x.cur_date";
			default -> "lower(x.keyword)";
		};
		JdbcClient.StatementSpec rows = this.jdbc
			.sql("SELECT x.* " + base + " ORDER BY " + column + " " + direction
					+ " NULLS LAST, lower(x.keyword), x.id LIMIT :limit OFFSET :offset")
			.param("limit", PAGE_SIZE)
			.param("offset", (long) number * PAGE_SIZE);
		if (filter.q() != null) {
			rows = rows.param("q", filter.q());
		}
		return new KeywordPage(rows.query(ROW).list(), number, pages, total);
	}

	/** Whether there is any keyword at all. */
	@Transactional(readOnly = true)
	boolean any() {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM seo_keyword)").query(Boolean.class).single();
	}

	/**
	 * Reads a rank: a number from 1 to 1000 with at most one decimal (Search Console's
	 * average positions have more; they are rounded to one).
	 */
	static Parsed<BigDecimal> rank(String text) {
		String raw = text.strip().replace(',', '.').replace('，', '.');
		if (raw.startsWith("#")) {
			raw = raw.substring(1).strip();
		}
		if (raw.length() > 20) {
			return Parsed.problem(INVALID_RANK);
		}
		BigDecimal value;
		try {
			value = new BigDecimal(raw).setScale(1, RoundingMode.HALF_UP);
		}
		catch (NumberFormatException | ArithmeticException ex) {
			return Parsed.problem(INVALID_RANK);
		}
		if (value.compareTo(BigDecimal.ONE) < 0 || value.compareTo(MAX_RANK) > 0) {
			return Parsed.problem(INVALID_RANK);
		}
		return Parsed.of(value);
	}

	private Valid validate(SeoKeywordForm form) {
		List<SiteInvalidException.Problem> problems = new ArrayList<>();
		String keyword = SeoKeyword.clean(form.getKeyword());
		if (keyword.isEmpty()) {
			problems.add(new SiteInvalidException.Problem("keyword", "seo.keyword.keyword.required"));
		}
		else if (keyword.length() > SeoKeyword.MAX_KEYWORD || keyword.chars().anyMatch(Character::isISOControl)) {
			problems.add(new SiteInvalidException.Problem("keyword", "seo.keyword.keyword.invalid"));
		}
		String url = blankToNull(form.getTargetUrl());
		String sku = blankToNull(form.getSku());
		if (url != null && sku != null) {
			problems.add(new SiteInvalidException.Problem("targetUrl", "seo.keyword.target.both"));
		}
		else if (url != null && UtmLink.parse(url) == null) {
			problems.add(new SiteInvalidException.Problem("targetUrl", "seo.keyword.targetUrl.invalid"));
		}
		else if (sku != null) {
			Optional<ProductMatch> match = (sku.length() > SeoKeyword.MAX_SKU) ? Optional.empty()
					: this.catalog.findBySku(sku);
			if (match.isEmpty()) {
				problems.add(new SiteInvalidException.Problem("sku", "seo.keyword.sku.unknown"));
			}
			else {
				sku = match.get().sku();
			}
		}
		Long volume = null;
		String volumeText = blankToNull(form.getSearchVolume());
		if (volumeText != null) {
			Parsed<BigDecimal> parsed = ShopStatsFile.number(volumeText, 0);
			if (!parsed.ok()) {
				problems.add(new SiteInvalidException.Problem("searchVolume", "seo.keyword.searchVolume.invalid"));
			}
			else if (parsed.value() != null) {
				volume = parsed.value().longValueExact();
			}
		}
		String notes = blankToNull(form.getNotes());
		if (notes != null && notes.length() > SeoKeyword.MAX_NOTES) {
			problems.add(new SiteInvalidException.Problem("notes", "seo.keyword.notes.tooLong"));
		}
		if (!problems.isEmpty()) {
			throw new SiteInvalidException(problems);
		}
		return new Valid(keyword, url, sku, volume, notes);
	}

	private static SiteInvalidException taken() {
		return new SiteInvalidException(List.of(new SiteInvalidException.Problem("keyword", "seo.keyword.taken")));
	}

	private static String describe(Valid valid) {
		String target = (valid.url() != null) ? valid.url() : ((valid.sku() != null) ? "SKU " + valid.sku() : "—");
		return valid.keyword() + " · " + target + " · volume=" + ((valid.volume() != null) ? valid.volume() : "—");
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static SeoKeyword keyword(ResultSet rs, int n) throws SQLException {
		Date current = rs.getDate("cur_date");
		Date previous = rs.getDate("prev_date");
		long volume = rs.getLong("search_volume");
		Long searchVolume = rs.wasNull() ? null : volume;
		SeoRankChange ranks = (current == null) ? SeoRankChange.NONE
				: new SeoRankChange(rs.getBigDecimal("cur_rank"), current.toLocalDate(), rs.getBigDecimal("prev_rank"),
						(previous != null) ? previous.toLocalDate() : null, rs.getBigDecimal("best_rank"));
		return new SeoKeyword(rs.getLong("id"), rs.getString("keyword"), rs.getString("target_url"),
				rs.getString("target_sku"), searchVolume, rs.getString("notes"), rs.getString("created_by"),
				rs.getTimestamp("created_at").toInstant(), rs.getTimestamp("updated_at").toInstant(), ranks);
	}

	private record Valid(String keyword, String url, String sku, Long volume, String notes) {
	}

	/**
	 * What the keyword list shows: a text to look for (in the keyword or target), a
	 * position band ({@code all}, {@code top3}, {@code top10}, {@code top100},
	 * {@code unranked}), a trend ({@code all}, {@code up}, {@code down}), the order and
	 * the page (0-based).
	 */
	record SeoFilter(String q, String position, String trend, String sort, boolean descending, int page) {

		static final List<String> POSITIONS = List.of("all", "top3", "top10", "top100", "unranked");

		static final List<String> TRENDS = List.of("all", "up", "down");

		static final List<String> SORTS = List.of("keyword", "rank", "change", "best", "volume", "updated");

		SeoFilter {
			q = (q == null || q.isBlank()) ? null : q.strip();
			position = (position != null && POSITIONS.contains(position)) ? position : "all";
			trend = (trend != null && TRENDS.contains(trend)) ? trend : "all";
			sort = (sort != null && SORTS.contains(sort)) ? sort : "keyword";
			page = Math.max(0, page);
		}

		static SeoFilter defaults() {
			return new SeoFilter(null, "all", "all", "keyword", false, 0);
		}

		public boolean filtered() {
			return this.q != null || !"all".equals(this.position) || !"all".equals(this.trend);
		}

		public String direction() {
			return this.descending ? "desc" : "asc";
		}

	}

	/**
	 * One page of keywords.
	 */
	record KeywordPage(List<SeoKeyword> rows, int number, int pages, long total) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return this.number + 1 < this.pages;
		}

	}

}
