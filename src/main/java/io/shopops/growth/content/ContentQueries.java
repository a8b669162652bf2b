package io.shopops.growth.content;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.growth.content.ContentViews.AttributedOrder;
import io.shopops.growth.content.ContentViews.Attribution;
import io.shopops.growth.content.ContentViews.DayMetrics;
import io.shopops.growth.content.ContentViews.LeaderRow;
import io.shopops.growth.content.ContentViews.PageOf;
import io.shopops.growth.content.ContentViews.PieceRow;
import io.shopops.growth.content.ContentViews.PieceView;
import io.shopops.growth.content.ContentViews.ProductLink;
import io.shopops.growth.content.ContentViews.SessionRow;
import io.shopops.growth.content.ContentViews.SessionView;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The reads of the content pages: the month, the list, a piece with its metrics and
 * attributed orders, livestream sessions and the leaderboard. Attributed orders are paid,
 * not cancelled, and carry the piece's tracking code; a session's also were paid inside
 * its window. GMV is net of refunds.
 */
@Component
class ContentQueries {

	private static final String DUE = "p.status IN ('IDEA', 'SCRIPTING', 'SCHEDULED') AND p.publish_at < :dueBefore";

	static final int PAGE_SIZE = 25;

	static final int LEADERBOARD_SIZE = 50;

	private static final String PIECE_COLUMNS = "p.id, p.type, p.platform, p.title, p.owner, p.status, p.publish_at,"
			+ " p.tracking_code";

	/** Attribution of the orders {@code o} joined to something; one row per group. */
	private static final String ATTRIBUTION = "count(o.order_id), coalesce(sum(o.paid_amount), 0),"
			+ " coalesce(sum(least(o.refunded, o.paid_amount)), 0)";

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	ContentQueries(JdbcClient jdbc, ProductCatalog catalog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
	}

	/**
	 * The pieces published or planned in a month.
	 * @param month the month
	 * @param zone the shop's time zone
	 * @return the pieces by publish time
	 */
	@Transactional(readOnly = true)
	List<PieceRow> month(YearMonth month, ZoneId zone) {
		return this.jdbc.sql("SELECT " + PIECE_COLUMNS
				+ " FROM content_piece p WHERE p.publish_at >= :from AND p.publish_at < :to ORDER BY p.publish_at, p.id")
			.param("from", Timestamp.from(month.atDay(1).atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(month.plusMonths(1).atDay(1).atStartOfDay(zone).toInstant()))
			.query(ContentQueries::piece)
			.list();
	}

	/**
	 * Ideas and pieces in scripting that have no publish time yet.
	 * @return at most 50, newest first
	 */
	@Transactional(readOnly = true)
	List<PieceRow> unscheduled() {
		return this.jdbc
			.sql("SELECT " + PIECE_COLUMNS + " FROM content_piece p WHERE p.publish_at IS NULL"
					+ " AND p.status IN ('IDEA', 'SCRIPTING') ORDER BY p.updated_at DESC, p.id DESC LIMIT 50")
			.query(ContentQueries::piece)
			.list();
	}

	@Transactional(readOnly = true)
	/**
	 * How many pieces are due: not yet published, with a publish time within the next
	 * {@value ContentFilter#DUE_DAYS} days or already past.
	 * @return the count
	 */
	long countDue() {
		return this.jdbc.sql("SELECT count(*) FROM content_piece p WHERE " + DUE)
			.param("dueBefore", dueBefore())
			.query(Long.class)
			.single();
	}

	private static Timestamp dueBefore() {
		return Timestamp.from(Instant.now().plus(ContentFilter.DUE_DAYS, ChronoUnit.DAYS));
	}

	PageOf<PieceRow> page(ContentFilter filter, int pageNumber) {
		Map<String, Object> params = new HashMap<>();
		List<String> conditions = new ArrayList<>();
		if (filter.status() != null) {
			conditions.add("p.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.platform() != null) {
			conditions.add("p.platform = :platform");
			params.put("platform", filter.platform().name());
		}
		if (filter.type() != null) {
			conditions.add("p.type = :type");
			params.put("type", filter.type().name());
		}
		if (filter.owner() != null) {
			conditions.add("lower(p.owner) = lower(:owner)");
			params.put("owner", filter.owner());
		}
		if (filter.due()) {
			conditions.add(DUE);
			params.put("dueBefore", dueBefore());
		}
		String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
		long total = this.jdbc.sql("SELECT count(*) FROM content_piece p" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		params.put("limit", PAGE_SIZE);
		params.put("offset", (page - 1) * PAGE_SIZE);
		List<PieceRow> rows = this.jdbc
			.sql("SELECT " + PIECE_COLUMNS + " FROM content_piece p" + where
					+ " ORDER BY p.publish_at DESC NULLS FIRST, p.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(ContentQueries::piece)
			.list();
		return new PageOf<>(rows, page, pages, total);
	}

	@Transactional(readOnly = true)
	Optional<PieceView> piece(long id) {
		return this.jdbc.sql("SELECT " + PIECE_COLUMNS + ", p.notes, p.version FROM content_piece p WHERE p.id = :id")
			.param("id", id)
			.query((rs, row) -> new Object[] { piece(rs, row), rs.getString(9), rs.getLong(10) })
			.optional()
			.map((found) -> {
				PieceRow piece = (PieceRow) found[0];
				List<DayMetrics> days = this.jdbc.sql("""
						SELECT metric_date, views, likes, comments, shares, clicks FROM content_metric
						WHERE piece_id = :id ORDER BY metric_date DESC LIMIT 60""")
					.param("id", id)
					.query((rs, row) -> new DayMetrics(rs.getObject(1, LocalDate.class), metrics(rs, 2)))
					.list();
				Metrics totals = this.jdbc.sql("""
						SELECT coalesce(sum(views), 0), coalesce(sum(likes), 0), coalesce(sum(comments), 0),
						       coalesce(sum(shares), 0), coalesce(sum(clicks), 0)
						FROM content_metric WHERE piece_id = :id""")
					.param("id", id)
					.query((rs, row) -> metrics(rs, 1))
					.single();
				Attribution attribution = this.jdbc
					.sql("SELECT " + ATTRIBUTION + " FROM content_order o WHERE o.content_code = :code"
							+ " AND o.paid_at IS NOT NULL AND NOT o.cancelled")
					.param("code", piece.trackingCode())
					.query((rs, row) -> attribution(rs, 1))
					.single();
				return new PieceView(piece, (String) found[1], (Long) found[2],
						products("content_piece_product", "piece_id", id), totals, days, attribution,
						orders(piece.trackingCode(), null, null), sessions("s.piece_id = :piece", Map.of("piece", id)));
			});
	}

	/**
	 * The livestream pieces a session may belong to.
	 * @return id and title of each livestream piece that is not archived, newest first
	 */
	@Transactional(readOnly = true)
	List<PieceRow> livestreamPieces() {
		return this.jdbc
			.sql("SELECT " + PIECE_COLUMNS + " FROM content_piece p WHERE p.type = 'LIVESTREAM'"
					+ " AND p.status <> 'ARCHIVED' ORDER BY p.publish_at DESC NULLS FIRST, p.id DESC LIMIT 200")
			.query(ContentQueries::piece)
			.list();
	}

	@Transactional(readOnly = true)
	PageOf<SessionRow> sessionPage(int pageNumber) {
		long total = this.jdbc.sql("SELECT count(*) FROM livestream_session").query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		List<SessionRow> rows = sessions("true", Map.of(), PAGE_SIZE, (page - 1) * PAGE_SIZE);
		return new PageOf<>(rows, page, pages, total);
	}

	@Transactional(readOnly = true)
	Optional<SessionView> session(long id) {
		List<SessionRow> found = sessions("s.id = :id", Map.of("id", id));
		if (found.isEmpty()) {
			return Optional.empty();
		}
		SessionRow session = found.get(0);
		Object[] extra = this.jdbc.sql("SELECT notes, version FROM livestream_session WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> new Object[] { rs.getString(1), rs.getLong(2) })
			.single();
		return Optional.of(new SessionView(session, (String) extra[0], (Long) extra[1],
				products("livestream_session_product", "session_id", id),
				orders(session.trackingCode(), session.startsAt(), session.endsAt())));
	}

	/**
	 * The form values of a session.
	 */
	@Transactional(readOnly = true)
	List<String> sessionSkus(long id) {
		return this.jdbc.sql("SELECT sku FROM livestream_session_product WHERE session_id = :id ORDER BY position")
			.param("id", id)
			.query(String.class)
			.list();
	}

	/**
	 * Pieces ranked for a period: by attributed GMV (net of refunds, orders paid in the
	 * period), views or engagement (days in the period).
	 * @param from the first day
	 * @param to the last day
	 * @param sort what to rank by
	 * @param zone the shop's time zone
	 * @return at most {@link #LEADERBOARD_SIZE} pieces with something in the period
	 */
	@Transactional(readOnly = true)
	List<LeaderRow> leaderboard(LocalDate from, LocalDate to, LeaderboardSort sort, ZoneId zone) {
		String order = switch (sort) {
			case GMV -> "net DESC, views DESC";
			case VIEWS -> "views DESC, net DESC";
			case ENGAGEMENT -> "engagement DESC, views DESC";
		};
		List<LeaderRow> rows = new ArrayList<>();
		this.jdbc.sql("SELECT " + PIECE_COLUMNS + """
				, coalesce(m.views, 0) AS views, coalesce(m.engagement, 0) AS engagement, coalesce(m.clicks, 0),
				       coalesce(a.orders, 0), coalesce(a.gmv, 0), coalesce(a.refunded, 0),
				       coalesce(a.gmv, 0) - coalesce(a.refunded, 0) AS net
				FROM content_piece p
				LEFT JOIN (SELECT piece_id, sum(views) AS views, sum(likes + comments + shares) AS engagement,
				                  sum(clicks) AS clicks
				           FROM content_metric WHERE metric_date BETWEEN :fromDate AND :toDate GROUP BY piece_id) m
				       ON m.piece_id = p.id
				LEFT JOIN (SELECT o.content_code, count(*) AS orders, sum(o.paid_amount) AS gmv,
				                  sum(least(o.refunded, o.paid_amount)) AS refunded
				           FROM content_order o
				           WHERE o.paid_at >= :from AND o.paid_at < :to AND NOT o.cancelled GROUP BY o.content_code) a
				       ON a.content_code = p.tracking_code
				WHERE m.piece_id IS NOT NULL OR a.content_code IS NOT NULL
				ORDER BY """ + " " + order + ", p.id LIMIT " + LEADERBOARD_SIZE)
			.param("fromDate", from)
			.param("toDate", to)
			.param("from", Timestamp.from(from.atStartOfDay(zone).toInstant()))
			.param("to", Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant()))
			.query((rs, row) -> {
				rows.add(new LeaderRow(rows.size() + 1, piece(rs, row), rs.getLong(9), rs.getLong(10), rs.getLong(11),
						attribution(rs, 12)));
				return null;
			})
			.list();
		return rows;
	}

	private List<SessionRow> sessions(String condition, Map<String, Object> params) {
		return sessions(condition, params, 200, 0);
	}

	private List<SessionRow> sessions(String condition, Map<String, Object> params, int limit, int offset) {
		Map<String, Object> all = new HashMap<>(params);
		all.put("limit", limit);
		all.put("offset", offset);
		return this.jdbc.sql("""
				SELECT s.id, s.piece_id, p.title, p.tracking_code, s.starts_at, s.ends_at, s.host, s.peak_viewers,
				       s.total_viewers,
				       (SELECT count(*) FROM content_order o WHERE o.content_code = p.tracking_code
				            AND o.paid_at >= s.starts_at AND o.paid_at < s.ends_at AND NOT o.cancelled),
				       (SELECT coalesce(sum(o.paid_amount), 0) FROM content_order o
				            WHERE o.content_code = p.tracking_code
				            AND o.paid_at >= s.starts_at AND o.paid_at < s.ends_at AND NOT o.cancelled),
				       (SELECT coalesce(sum(least(o.refunded, o.paid_amount)), 0) FROM content_order o
				            WHERE o.content_code = p.tracking_code
				            AND o.paid_at >= s.starts_at AND o.paid_at < s.ends_at AND NOT o.cancelled)
				FROM livestream_session s JOIN content_piece p ON p.id = s.piece_id
				WHERE""" + " " + condition + " ORDER BY s.starts_at DESC, s.id DESC LIMIT :limit OFFSET :offset")
			.params(all)
			.query((rs, row) -> new SessionRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getTimestamp(5).toInstant(), rs.getTimestamp(6).toInstant(), rs.getString(7),
					(Integer) rs.getObject(8), (Integer) rs.getObject(9), attribution(rs, 10)))
			.list();
	}

	private List<AttributedOrder> orders(String code, Instant from, Instant to) {
		String window = (from != null) ? " AND paid_at >= :from AND paid_at < :to" : "";
		Map<String, Object> params = new HashMap<>();
		params.put("code", code);
		if (from != null) {
			params.put("from", Timestamp.from(from));
			params.put("to", Timestamp.from(to));
		}
		return this.jdbc
			.sql("SELECT order_id, order_number, channel_code, paid_amount, refunded, paid_at, cancelled"
					+ " FROM content_order WHERE content_code = :code" + window
					+ " ORDER BY paid_at DESC NULLS LAST, order_id DESC LIMIT 100")
			.params(params)
			.query((rs, row) -> new AttributedOrder(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getBigDecimal(4), rs.getBigDecimal(5), instant(rs.getTimestamp(6)), rs.getBoolean(7)))
			.list();
	}

	private List<ProductLink> products(String table, String column, long id) {
		return this.jdbc.sql("SELECT sku FROM " + table + " WHERE " + column + " = :id ORDER BY position")
			.param("id", id)
			.query(String.class)
			.list()
			.stream()
			.map((sku) -> {
				Optional<ProductMatch> match = this.catalog.findBySku(sku);
				return new ProductLink(sku, match.map(ProductMatch::productId).orElse(null),
						match.map(ProductMatch::title).orElse(null));
			})
			.toList();
	}

	static PieceRow piece(ResultSet rs, int row) throws SQLException {
		return new PieceRow(rs.getLong(1), ContentType.valueOf(rs.getString(2)),
				ContentPlatform.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5),
				ContentStatus.valueOf(rs.getString(6)), instant(rs.getTimestamp(7)), rs.getString(8));
	}

	private static Metrics metrics(ResultSet rs, int first) throws SQLException {
		return new Metrics(rs.getLong(first), rs.getLong(first + 1), rs.getLong(first + 2), rs.getLong(first + 3),
				rs.getLong(first + 4));
	}

	private static Attribution attribution(ResultSet rs, int first) throws SQLException {
		BigDecimal gmv = rs.getBigDecimal(first + 1);
		BigDecimal refunded = rs.getBigDecimal(first + 2);
		return new Attribution(rs.getLong(first), gmv, refunded, gmv.subtract(refunded));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp == null) ? null : timestamp.toInstant();
	}

}
