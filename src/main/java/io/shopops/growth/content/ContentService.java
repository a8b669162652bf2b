package io.shopops.growth.content;

import io.shopops.growth.TrackingCodeRegistry;
import io.shopops.growth.TrackingCodes;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.platform.AuditLog;
import io.shopops.platform.UserDirectory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes of content: pieces (with their status machine, linked SKUs and tracking
 * code), livestream sessions and daily metrics. Each change is one transaction with its
 * audit entry.
 */
@Service
class ContentService {

	static final int MAX_PRODUCTS = 30;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final UserDirectory users;

	private final ProductCatalog catalog;

	private final TrackingCodeRegistry codes;

	ContentService(JdbcClient jdbc, AuditLog audit, UserDirectory users, ProductCatalog catalog,
			TrackingCodeRegistry codes) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.users = users;
		this.catalog = catalog;
		this.codes = codes;
	}

	/**
	 * Adds a piece; a new piece always starts as an idea, with or without a publish time.
	 * @param form the piece
	 * @param zone the shop's time zone
	 * @return the new piece's id
	 * @throws ContentFormException for an unknown owner or SKU or a code in use
	 */
	@Transactional
	long create(PieceForm form, ZoneId zone) {
		String owner = owner("owner", form.getOwner());
		List<String> skus = skus("products", form.getProducts());
		String code = TrackingCodes.normalize(form.getTrackingCode());
		boolean generated = code == null;
		if (generated) {
			code = freeCode();
		}
		else {
			checkCode(code, null);
		}
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO content_piece (type, platform, title, owner, status, publish_at, tracking_code, notes)
					VALUES (:type, :platform, :title, :owner, 'IDEA', :publishAt, :code, :notes) RETURNING id""")
				.param("type", form.getType().name())
				.param("platform", form.getPlatform().name())
				.param("title", form.getTitle().strip())
				.param("owner", owner)
				.param("publishAt", timestamp(form.getPublishAt(), zone))
				.param("code", code)
				.param("notes", blankToNull(form.getNotes()))
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new ContentFormException("trackingCode", "content.form.trackingCode.taken", code);
		}
		writeProducts("content_piece_product", "piece_id", id, skus);
		this.audit.record("CONTENT_CREATED", "content", Long.toString(id), "type=" + form.getType() + " platform="
				+ form.getPlatform() + " code=" + code + " title=" + shorten(form.getTitle().strip()));
		return id;
	}

	/**
	 * Changes a piece's fields (not its status).
	 * @param id the piece
	 * @param form the new values, with the version the operator saw
	 * @param zone the shop's time zone
	 * @throws ContentFormException for an unknown owner or SKU, a code in use, or a
	 * missing publish time of a scheduled or published piece
	 * @throws OptimisticLockingFailureException if someone changed the piece meanwhile
	 */
	@Transactional
	void update(long id, PieceForm form, ZoneId zone) {
		Locked piece = lock(id);
		if (piece.version() != form.getVersion()) {
			throw new OptimisticLockingFailureException("content piece " + id + " changed");
		}
		String owner = owner("owner", form.getOwner());
		List<String> skus = skus("products", form.getProducts());
		String code = TrackingCodes.normalize(form.getTrackingCode());
		if (code == null) {
			throw new ContentFormException("trackingCode", "content.form.trackingCode.required");
		}
		checkCode(code, id);
		if (piece.status().needsPublishTime() && form.getPublishAt() == null) {
			throw new ContentFormException("publishAt", "content.form.publishAt.required");
		}
		try {
			this.jdbc.sql("""
					UPDATE content_piece SET type = :type, platform = :platform, title = :title, owner = :owner,
					    publish_at = :publishAt, tracking_code = :code, notes = :notes, updated_at = now(),
					    version = version + 1
					WHERE id = :id""")
				.param("type", form.getType().name())
				.param("platform", form.getPlatform().name())
				.param("title", form.getTitle().strip())
				.param("owner", owner)
				.param("publishAt", timestamp(form.getPublishAt(), zone))
				.param("code", code)
				.param("notes", blankToNull(form.getNotes()))
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new ContentFormException("trackingCode", "content.form.trackingCode.taken", code);
		}
		this.jdbc.sql("DELETE FROM content_piece_product WHERE piece_id = :id").param("id", id).update();
		writeProducts("content_piece_product", "piece_id", id, skus);
		String summary = "title=" + shorten(form.getTitle().strip());
		if (!code.equals(piece.trackingCode())) {
			summary += " code=" + piece.trackingCode() + "→" + code;
		}
		this.audit.record("CONTENT_UPDATED", "content", Long.toString(id), summary);
	}

	/**
	 * Moves a piece through its statuses.
	 * @param id the piece
	 * @param target the status asked for
	 * @throws ContentRuleException if the move is not allowed or the piece has no publish
	 * time
	 */
	@Transactional
	void move(long id, ContentStatus target) {
		Locked piece = lock(id);
		piece.status().checkMoveTo(target, piece.publishAt() != null);
		this.jdbc
			.sql("UPDATE content_piece SET status = :status, updated_at = now(), version = version + 1 WHERE id = :id")
			.param("status", target.name())
			.param("id", id)
			.update();
		this.audit.record("CONTENT_STATUS_CHANGED", "content", Long.toString(id),
				"status=" + piece.status() + "→" + target);
	}

	/**
	 * Enters one day's numbers of a piece, replacing that day's numbers.
	 * @param id the piece
	 * @param date the day
	 * @param metrics the numbers
	 */
	@Transactional
	void recordMetrics(long id, LocalDate date, Metrics metrics) {
		lock(id);
		upsertMetrics(this.jdbc, id, date, metrics, "MANUAL");
		this.audit.record("CONTENT_METRICS_RECORDED", "content", Long.toString(id),
				"date=" + date + " views=" + metrics.views() + " clicks=" + metrics.clicks());
	}

	/**
	 * Writes a piece's day, changing nothing when it already holds the same numbers.
	 * @return 1 when a row was inserted or changed, 0 when it was already so
	 */
	static int upsertMetrics(JdbcClient jdbc, long pieceId, LocalDate date, Metrics metrics, String source) {
		return jdbc.sql("""
				INSERT INTO content_metric (piece_id, metric_date, views, likes, comments, shares, clicks, source)
				VALUES (:piece, :date, :views, :likes, :comments, :shares, :clicks, :source)
				ON CONFLICT (piece_id, metric_date) DO UPDATE SET views = EXCLUDED.views, likes = EXCLUDED.likes,
				    comments = EXCLUDED.comments, shares = EXCLUDED.shares, clicks = EXCLUDED.clicks,
				    source = EXCLUDED.source, updated_at = now()
				WHERE (content_metric.views, content_metric.likes, content_metric.comments, content_metric.shares,
				       content_metric.clicks)
				    IS DISTINCT FROM (EXCLUDED.views, EXCLUDED.likes, EXCLUDED.comments, EXCLUDED.shares,
				       EXCLUDED.clicks)""")
			.param("piece", pieceId)
			.param("date", date)
			.param("views", metrics.views())
			.param("likes", metrics.likes())
			.param("comments", metrics.comments())
			.param("shares", metrics.shares())
			.param("clicks", metrics.clicks())
			.param("source", source)
			.update();
	}

	/**
	 * Adds a livestream session to a livestream piece.
	 * @param form the session
	 * @param zone the shop's time zone
	 * @return the session's id
	 * @throws ContentFormException for a piece that is not a livestream, a window that
	 * ends before it starts, an unknown host or SKU, or more peak than total viewers
	 */
	@Transactional
	long createSession(SessionForm form, ZoneId zone) {
		SessionValues values = sessionValues(form);
		long id = this.jdbc.sql("""
				INSERT INTO livestream_session (piece_id, starts_at, ends_at, host, peak_viewers, total_viewers, notes)
				VALUES (:piece, :starts, :ends, :host, :peak, :total, :notes) RETURNING id""")
			.param("piece", form.getPieceId())
			.param("starts", timestamp(form.getStartsAt(), zone))
			.param("ends", timestamp(form.getEndsAt(), zone))
			.param("host", values.host())
			.param("peak", form.getPeakViewers())
			.param("total", form.getTotalViewers())
			.param("notes", blankToNull(form.getNotes()))
			.query(Long.class)
			.single();
		writeProducts("livestream_session_product", "session_id", id, values.skus());
		this.audit.record("LIVESTREAM_CREATED", "livestream", Long.toString(id),
				"piece=" + form.getPieceId() + " starts=" + form.getStartsAt() + " ends=" + form.getEndsAt());
		return id;
	}

	/**
	 * Changes a livestream session.
	 * @param id the session
	 * @param form the new values, with the version the operator saw
	 * @param zone the shop's time zone
	 * @throws OptimisticLockingFailureException if someone changed it meanwhile
	 */
	@Transactional
	void updateSession(long id, SessionForm form, ZoneId zone) {
		Long version = this.jdbc.sql("SELECT version FROM livestream_session WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new ContentNotFoundException("livestream", id));
		if (version != form.getVersion()) {
			throw new OptimisticLockingFailureException("livestream session " + id + " changed");
		}
		SessionValues values = sessionValues(form);
		this.jdbc.sql("""
				UPDATE livestream_session SET piece_id = :piece, starts_at = :starts, ends_at = :ends, host = :host,
				    peak_viewers = :peak, total_viewers = :total, notes = :notes, updated_at = now(),
				    version = version + 1
				WHERE id = :id""")
			.param("piece", form.getPieceId())
			.param("starts", timestamp(form.getStartsAt(), zone))
			.param("ends", timestamp(form.getEndsAt(), zone))
			.param("host", values.host())
			.param("peak", form.getPeakViewers())
			.param("total", form.getTotalViewers())
			.param("notes", blankToNull(form.getNotes()))
			.param("id", id)
			.update();
		this.jdbc.sql("DELETE FROM livestream_session_product WHERE session_id = :id").param("id", id).update();
		writeProducts("livestream_session_product", "session_id", id, values.skus());
		this.audit.record("LIVESTREAM_UPDATED", "livestream", Long.toString(id),
				"starts=" + form.getStartsAt() + " ends=" + form.getEndsAt() + " peak=" + form.getPeakViewers());
	}

	private SessionValues sessionValues(SessionForm form) {
		String type = this.jdbc.sql("SELECT type FROM content_piece WHERE id = :id")
			.param("id", form.getPieceId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ContentFormException("pieceId", "content.live.form.piece.unknown"));
		if (!ContentType.LIVESTREAM.name().equals(type)) {
			throw new ContentFormException("pieceId", "content.live.form.piece.notLivestream");
		}
		if (!form.getEndsAt().isAfter(form.getStartsAt())) {
			throw new ContentFormException("endsAt", "content.live.form.endsAt.beforeStart");
		}
		if (form.getPeakViewers() != null && form.getTotalViewers() != null
				&& form.getPeakViewers() > form.getTotalViewers()) {
			throw new ContentFormException("peakViewers", "content.live.form.peak.aboveTotal");
		}
		return new SessionValues(owner("host", form.getHost()), skus("products", form.getProducts()));
	}

	private record SessionValues(String host, List<String> skus) {
	}

	private Locked lock(long id) {
		return this.jdbc
			.sql("SELECT status, publish_at, tracking_code, version FROM content_piece WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Locked(ContentStatus.valueOf(rs.getString(1)), rs.getTimestamp(2), rs.getString(3),
					rs.getLong(4)))
			.optional()
			.orElseThrow(() -> new ContentNotFoundException("content", id));
	}

	private record Locked(ContentStatus status, Timestamp publishAt, String trackingCode, long version) {
	}

	private String owner(String field, String username) {
		if (username == null || username.isBlank()) {
			return null;
		}
		return this.users.findEnabled(username.strip())
			.map(UserDirectory.DirectoryUser::username)
			.orElseThrow(() -> new ContentFormException(field, "content.form.owner.unknown"));
	}

	private List<String> skus(String field, String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		Set<String> skus = new LinkedHashSet<>();
		for (String part : text.split("[,，、;；\\s]+")) {
			if (!part.isBlank()) {
				skus.add(part.strip());
			}
		}
		if (skus.size() > MAX_PRODUCTS) {
			throw new ContentFormException(field, "content.form.products.tooMany", MAX_PRODUCTS);
		}
		List<String> known = new ArrayList<>();
		for (String sku : skus) {
			String found = (sku.length() <= 64) ? this.catalog.findBySku(sku).map((p) -> p.sku()).orElse(null) : null;
			if (found == null) {
				throw new ContentFormException(field, "content.form.products.unknown", shorten(sku));
			}
			known.add(found);
		}
		return known;
	}

	private void writeProducts(String table, String column, long id, List<String> skus) {
		int position = 0;
		for (String sku : skus) {
			this.jdbc
				.sql("INSERT INTO " + table + " (" + column + ", sku, position) VALUES (:id, :sku, :position)"
						+ " ON CONFLICT DO NOTHING")
				.param("id", id)
				.param("sku", sku)
				.param("position", ++position)
				.update();
		}
	}

	private void checkCode(String code, Long self) {
		if (!TrackingCodes.isValid(code)) {
			throw new ContentFormException("trackingCode", "content.form.trackingCode.format");
		}
		if (this.codes.isTaken(code, TrackingCodeRegistry.Owner.CONTENT_PIECE, self)) {
			throw new ContentFormException("trackingCode", "content.form.trackingCode.taken", code);
		}
	}

	private String freeCode() {
		return this.codes.freeCode('C');
	}

	static Timestamp timestamp(LocalDateTime local, ZoneId zone) {
		return (local == null) ? null : Timestamp.from(local.atZone(zone).toInstant());
	}

	static Timestamp timestamp(Instant instant) {
		return (instant == null) ? null : Timestamp.from(instant);
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	static String shorten(String text) {
		return (text.length() <= 60) ? text : text.substring(0, 60) + "…";
	}

	static String upper(String text) {
		return text.toUpperCase(Locale.ROOT);
	}

}
