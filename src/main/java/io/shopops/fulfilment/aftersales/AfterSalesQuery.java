package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the after-sales pages read: the queue with its filters, the home cards' counts and
 * the return-reason analytics.
 */
@Component
class AfterSalesQuery {

	static final int PAGE_SIZE = 25;

	static final String OPEN = "r.status NOT IN ('REJECTED', 'CLOSED')";

	/** Requested refunds (refund only, return and refund) waiting for a decision. */
	static final String TO_APPROVE = "r.status = 'REQUESTED' AND r.type IN ('REFUND_ONLY', 'RETURN_REFUND')";

	/** Returned goods received and not yet inspected. */
	static final String TO_INSPECT = "r.status = 'RECEIVED'";

	private final JdbcClient jdbc;

	private final AfterSalesSettings settings;

	AfterSalesQuery(JdbcClient jdbc, AfterSalesSettings settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	Page page(QueueFilter filter, int page) {
		Instant deadline = deadline();
		StringBuilder where = new StringBuilder(" WHERE 1 = 1");
		List<Object> args = new ArrayList<>();
		if (filter.status() != null) {
			where.append(" AND r.status = ?");
			args.add(filter.status().name());
		}
		if (filter.type() != null) {
			where.append(" AND r.type = ?");
			args.add(filter.type().name());
		}
		if (filter.reason() != null) {
			where.append(" AND r.reason_code = ?");
			args.add(filter.reason());
		}
		if (filter.channel() != null) {
			where.append(" AND c.code = ?");
			args.add(filter.channel());
		}
		if (filter.overdue()) {
			where.append(" AND " + OPEN + " AND r.status_since < ?");
			args.add(Timestamp.from(deadline));
		}
		if (filter.toApprove()) {
			where.append(" AND " + TO_APPROVE);
		}
		String from = " FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id "
				+ "JOIN sales_channel c ON c.id = o.channel_id";
		long total = this.jdbc.sql("SELECT count(*)" + from + where).params(args).query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int number = Math.min(Math.max(page, 0), pages - 1);
		List<Object> pageArgs = new ArrayList<>(args);
		pageArgs.add(PAGE_SIZE);
		pageArgs.add((long) number * PAGE_SIZE);
		List<Row> rows = this.jdbc.sql("""
				SELECT r.id, r.order_id, o.number, c.code, r.type, r.status, r.reason_code, r.requested_amount,
				  r.refunded_amount, o.currency, r.requested_at, r.status_since
				""" + from + where + " ORDER BY r.requested_at DESC, r.id DESC LIMIT ? OFFSET ?")
			.params(pageArgs)
			.query((rs, n) -> {
				RequestStatus status = RequestStatus.valueOf(rs.getString(6));
				Instant since = rs.getTimestamp(12).toInstant();
				return new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
						RequestType.valueOf(rs.getString(5)), status, rs.getString(7), rs.getBigDecimal(8),
						rs.getBigDecimal(9), rs.getString(10), rs.getTimestamp(11).toInstant(), since,
						status.open() && since.isBefore(deadline));
			})
			.list();
		return new Page(rows, number, pages, total);
	}

	@Transactional(readOnly = true)
	long countOverdue() {
		return this.jdbc.sql("SELECT count(*) FROM after_sales_request r WHERE " + OPEN + " AND r.status_since < ?")
			.param(Timestamp.from(deadline()))
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	long countOpen() {
		return this.jdbc.sql("SELECT count(*) FROM after_sales_request r WHERE " + OPEN).query(Long.class).single();
	}

	@Transactional(readOnly = true)
	long countToApprove() {
		return this.jdbc.sql("SELECT count(*) FROM after_sales_request r WHERE " + TO_APPROVE)
			.query(Long.class)
			.single();
	}

	@Transactional(readOnly = true)
	long countToInspect() {
		return this.jdbc.sql("SELECT count(*) FROM after_sales_request r WHERE " + TO_INSPECT)
			.query(Long.class)
			.single();
	}

	/** The requests of one order, newest first. */
	@Transactional(readOnly = true)
	List<OrderRequest> ofOrder(long orderId) {
		return this.jdbc.sql("""
				SELECT r.id, r.type, r.status, r.requested_amount, r.refunded_amount, o.currency
				FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				WHERE r.order_id = :order ORDER BY r.requested_at DESC, r.id DESC LIMIT 100""")
			.param("order", orderId)
			.query((rs, n) -> new OrderRequest(rs.getLong(1), RequestType.valueOf(rs.getString(2)),
					RequestStatus.valueOf(rs.getString(3)), rs.getBigDecimal(4), rs.getBigDecimal(5), rs.getString(6)))
			.list();
	}

	@Transactional(readOnly = true)
	List<String> channels() {
		return this.jdbc.sql("SELECT code FROM sales_channel ORDER BY code").query(String.class).list();
	}

	@Transactional(readOnly = true)
	Analytics analytics(LocalDate from, LocalDate to, ZoneId zone) {
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		String requests = """
				FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id
				WHERE r.status <> 'REJECTED' AND r.requested_at >= :start AND r.requested_at < :end""";
		List<Count> byReason = this.jdbc
			.sql("SELECT r.reason_code, count(*), coalesce(sum(r.refunded_amount), 0) " + requests
					+ " GROUP BY 1 ORDER BY 2 DESC, 1")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
		List<Count> byChannel = this.jdbc
			.sql("SELECT c.code, count(*), coalesce(sum(r.refunded_amount), 0) " + requests
					+ " GROUP BY 1 ORDER BY 2 DESC, 1")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new Count(rs.getString(1), rs.getLong(2), rs.getBigDecimal(3)))
			.list();
		List<SkuRate> bySku = this.jdbc.sql("""
				WITH returned AS (
				  SELECT l.sku, sum(l.quantity) AS units, count(DISTINCT r.id) AS requests,
				    mode() WITHIN GROUP (ORDER BY r.reason_code) AS top_reason
				  FROM after_sales_line l JOIN after_sales_request r ON r.id = l.request_id
				  WHERE r.status <> 'REJECTED' AND r.type <> 'REFUND_ONLY'
				    AND r.requested_at >= :start AND r.requested_at < :end
				  GROUP BY l.sku
				), sold AS (
				  SELECT ol.sku, sum(ol.quantity) AS units, max(ol.title) AS title
				  FROM order_line ol JOIN shop_order o ON o.id = ol.order_id
				  WHERE o.status NOT IN ('PENDING_PAYMENT', 'CANCELLED')
				    AND o.placed_at >= :start AND o.placed_at < :end
				    AND ol.sku IN (SELECT sku FROM returned)
				  GROUP BY ol.sku
				)
				SELECT r.sku, coalesce(s.title, (SELECT max(title) FROM order_line WHERE sku = r.sku)), r.units,
				  coalesce(s.units, 0), r.requests, r.top_reason
				FROM returned r LEFT JOIN sold s ON s.sku = r.sku
				ORDER BY r.units DESC, r.sku LIMIT 200""").param("start", start).param("end", end).query((rs, n) -> {
			long returned = rs.getLong(3);
			long sold = rs.getLong(4);
			BigDecimal rate = (sold > 0)
					? BigDecimal.valueOf(returned * 100).divide(BigDecimal.valueOf(sold), 1, RoundingMode.HALF_UP)
					: null;
			return new SkuRate(rs.getString(1), rs.getString(2), returned, sold, rs.getLong(5), rs.getString(6), rate);
		}).list();
		List<ProductRate> byProduct = this.jdbc.sql("""
				WITH returned AS (
				  SELECT v.product_id, sum(l.quantity) AS units, count(DISTINCT r.id) AS requests
				  FROM after_sales_line l JOIN after_sales_request r ON r.id = l.request_id
				  JOIN order_line ol ON ol.id = l.order_line_id
				  JOIN product_variant v ON v.id = ol.variant_id
				  WHERE r.status <> 'REJECTED' AND r.type <> 'REFUND_ONLY'
				    AND r.requested_at >= :start AND r.requested_at < :end
				  GROUP BY v.product_id
				), sold AS (
				  SELECT v.product_id, sum(ol.quantity) AS units
				  FROM order_line ol JOIN shop_order o ON o.id = ol.order_id
				  JOIN product_variant v ON v.id = ol.variant_id
				  WHERE o.status NOT IN ('PENDING_PAYMENT', 'CANCELLED')
				    AND o.placed_at >= :start AND o.placed_at < :end
				    AND v.product_id IN (SELECT product_id FROM returned)
				  GROUP BY v.product_id
				)
				SELECT r.product_id, p.title, r.units, coalesce(s.units, 0), r.requests
				FROM returned r JOIN product p ON p.id = r.product_id LEFT JOIN sold s ON s.product_id = r.product_id
				ORDER BY r.units DESC, p.title LIMIT 100""").param("start", start).param("end", end).query((rs, n) -> {
			long returned = rs.getLong(3);
			long sold = rs.getLong(4);
			return new ProductRate(rs.getLong(1), rs.getString(2), returned, sold, rs.getLong(5),
					ratePercent(returned, sold));
		}).list();
		List<PeriodCount> byMonth = this.jdbc.sql("""
				SELECT to_char(r.requested_at AT TIME ZONE :zone, 'YYYY-MM') AS month, count(*),
				  count(*) FILTER (WHERE r.type <> 'REFUND_ONLY'), coalesce(sum(r.refunded_amount), 0)
				FROM after_sales_request r
				WHERE r.status <> 'REJECTED' AND r.requested_at >= :start AND r.requested_at < :end
				GROUP BY 1 ORDER BY 1""")
			.param("zone", zone.getId())
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new PeriodCount(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getBigDecimal(4)))
			.list();
		return new Analytics(byReason, byChannel, bySku, byProduct, byMonth);
	}

	private static BigDecimal ratePercent(long returned, long sold) {
		return (sold > 0) ? BigDecimal.valueOf(returned * 100).divide(BigDecimal.valueOf(sold), 1, RoundingMode.HALF_UP)
				: null;
	}

	private Instant deadline() {
		return Instant.now().minusSeconds(this.settings.current().slaHours() * 3600L);
	}

	record QueueFilter(RequestStatus status, RequestType type, String reason, String channel, boolean overdue,
			boolean toApprove) {

		QueueFilter(RequestStatus status, RequestType type, String reason, String channel, boolean overdue) {
			this(status, type, reason, channel, overdue, false);
		}

		public boolean filtered() {
			return this.status != null || this.type != null || this.reason != null || this.channel != null
					|| this.overdue || this.toApprove;
		}

	}

	record Row(long id, long orderId, String orderNumber, String channelCode, RequestType type, RequestStatus status,
			String reasonCode, BigDecimal requestedAmount, BigDecimal refundedAmount, String currency,
			Instant requestedAt, Instant statusSince, boolean overdue) {
	}

	record Page(List<Row> rows, int number, int pages, long total) {

		public boolean hasPrevious() {
			return this.number > 0;
		}

		public boolean hasNext() {
			return this.number + 1 < this.pages;
		}

	}

	record OrderRequest(long id, RequestType type, RequestStatus status, BigDecimal requestedAmount,
			BigDecimal refundedAmount, String currency) {
	}

	record Count(String key, long requests, BigDecimal refunded) {
	}

	record SkuRate(String sku, String title, long returnedUnits, long soldUnits, long requests, String topReason,
			BigDecimal ratePercent) {
	}

	record ProductRate(long productId, String title, long returnedUnits, long soldUnits, long requests,
			BigDecimal ratePercent) {
	}

	record PeriodCount(String month, long requests, long returns, BigDecimal refunded) {
	}

	record Analytics(List<Count> byReason, List<Count> byChannel, List<SkuRate> bySku, List<ProductRate> byProduct,
			List<PeriodCount> byMonth) {

		public boolean empty() {
			return this.byReason.isEmpty() && this.bySku.isEmpty();
		}

	}

}
