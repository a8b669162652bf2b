package io.shopops.fulfilment.order.web;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.SalesPlatform;

import javax.sql.DataSource;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The order list, export, detail and queue queries. The list seeks past the last row
 * shown on {@code (placed_at, id)}, newest first (keyset pagination), so page 1,000 costs
 * what page 1 costs at a million orders.
 */
@Component
class OrderQuery {

	static final int PAGE_SIZE = 50;

	/**
	 * The statuses of orders still to ship or deliver: those the SLA can make overdue.
	 */
	static final String OPEN_STATUSES = "'PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED', 'SHIPPED'";

	/**
	 * Orders late to ship: the predicate of the partial indexes
	 * {@code shop_order_late_to_ship_idx} and {@code shop_order_to_ship_placed_idx}.
	 */
	private static final String LATE_TO_SHIP = "o.status IN ('PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED') "
			+ "AND coalesce(o.paid_at, o.placed_at) < :shipDeadline";

	/**
	 * Orders late to deliver: the predicate of {@code shop_order_to_deliver_idx}.
	 */
	private static final String LATE_TO_DELIVER = "o.status = 'SHIPPED' AND o.shipped_at < :deliverDeadline";

	/**
	 * The units, line count and first title of order {@code o}, from one read of its
	 * lines.
	 */
	private static final String LINE_SUMMARY = """
			SELECT coalesce(sum(l.quantity), 0) AS units, count(*) AS line_count,
			       (array_agg(l.title ORDER BY l.line_no))[1] AS first_title
			FROM order_line l WHERE l.order_id = o.id""";

	private final NamedParameterJdbcTemplate jdbc;

	private final NamedParameterJdbcTemplate streaming;

	private final ShippingDeadlines deadlines;

	OrderQuery(NamedParameterJdbcTemplate jdbc, DataSource dataSource, ShippingDeadlines deadlines) {
		this.jdbc = jdbc;
		JdbcTemplate fetching = new JdbcTemplate(dataSource);
		// PostgreSQL streams rows in chunks only with a fetch size inside a transaction
		fetching.setFetchSize(1000);
		this.streaming = new NamedParameterJdbcTemplate(fetching);
		this.deadlines = deadlines;
	}

	/**
	 * One page of orders, newest first.
	 * @param filter the filters
	 * @param zone the shop's time zone, which defines the days of the date range
	 * @param after the cursor of the row the page starts after, or {@code null}
	 * @param before the cursor of the row the page ends before (going back), or
	 * {@code null}
	 */
	@Transactional(readOnly = true)
	OrderPage page(OrderFilter filter, ZoneId zone, String after, String before) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = where(filter, zone, Instant.now(), params, !filter.overdue());
		Cursor cursor = Cursor.decode((before != null) ? before : after);
		boolean backwards = before != null && cursor != null;
		if (cursor != null) {
			where.append(" AND (o.placed_at, o.id) ").append(backwards ? ">" : "<").append(" (:cursorAt, :cursorId)");
			params.put("cursorAt", Timestamp.from(cursor.placedAt()));
			params.put("cursorId", cursor.id());
		}
		params.put("shipDeadline", Timestamp.from(Instant.now().minus(this.deadlines.shipWithin())));
		params.put("deliverDeadline", Timestamp.from(Instant.now().minus(this.deadlines.deliverWithin())));
		String direction = backwards ? "ASC" : "DESC";
		String sql = filter.overdue() ? overduePage(where, filter.status(), direction) : """
				SELECT o.id, c.code AS channel_code, c.name AS channel_name, c.platform, o.number, o.status,
				       o.placed_at, o.paid_at, o.customer_name, o.customer_phone, o.paid_amount, o.currency,
				       (SELECT coalesce(sum(l.quantity), 0) FROM order_line l WHERE l.order_id = o.id) AS units,
				       (SELECT l.title FROM order_line l WHERE l.order_id = o.id ORDER BY l.line_no LIMIT 1)
				         AS first_title,
				       (SELECT count(*) FROM order_line l WHERE l.order_id = o.id) AS line_count,
				       %s AS overdue
				FROM shop_order o
				JOIN sales_channel c ON c.id = o.channel_id
				WHERE %s
				ORDER BY o.placed_at %s, o.id %s
				LIMIT %d""".formatted(overdueCondition(), where, direction, direction, PAGE_SIZE + 1);
		List<OrderRow> rows = new ArrayList<>(this.jdbc.query(sql, params, OrderQuery::row));
		boolean more = rows.size() > PAGE_SIZE;
		if (more) {
			rows.remove(rows.size() - 1);
		}
		if (backwards) {
			Collections.reverse(rows);
		}
		boolean hasNext = backwards || more;
		boolean hasPrevious = backwards ? more : cursor != null;
		String next = (hasNext && !rows.isEmpty()) ? Cursor.of(rows.get(rows.size() - 1)) : null;
		String previous = (hasPrevious && !rows.isEmpty()) ? Cursor.of(rows.get(0)) : null;
		return new OrderPage(rows, next, previous);
	}

	/**
	 * Streams every line of the matching orders, newest order first, for the CSV export.
	 */
	@Transactional(readOnly = true)
	void forEachLine(OrderFilter filter, ZoneId zone, Consumer<ExportLine> consumer) {
		Map<String, Object> params = new LinkedHashMap<>();
		StringBuilder where = where(filter, zone, Instant.now(), params, true);
		String sql = """
				SELECT c.code AS channel_code, o.number, o.status, o.source, o.currency, o.placed_at, o.paid_at,
				       o.shipped_at, o.delivered_at, o.completed_at, o.cancelled_at, o.closed_at,
				       o.customer_name, o.customer_phone, o.customer_email, o.buyer_id, o.ship_name, o.ship_phone,
				       o.ship_province, o.ship_city, o.ship_district, o.ship_line1, o.ship_postcode,
				       o.goods_amount, o.shipping_fee, o.discount, o.paid_amount, o.coupon_code, o.utm_source,
				       o.utm_medium, o.utm_campaign, o.utm_content, o.content_code, o.note,
				       l.line_no, l.sku, l.title, l.quantity, l.unit_price, l.discount AS line_discount, l.amount,
				       l.shipped_quantity,
				       (SELECT s.carrier FROM shipment s WHERE s.order_id = o.id ORDER BY s.id DESC LIMIT 1) AS carrier,
				       (SELECT s.tracking_number FROM shipment s WHERE s.order_id = o.id ORDER BY s.id DESC LIMIT 1)
				         AS tracking_number
				FROM shop_order o
				JOIN sales_channel c ON c.id = o.channel_id
				JOIN order_line l ON l.order_id = o.id
				WHERE %s
				ORDER BY o.placed_at DESC, o.id DESC, l.line_no""".formatted(where);
		this.streaming.query(sql, params, (ResultSet rs) -> {
			consumer.accept(new ExportLine(rs.getString("channel_code"), rs.getString("number"),
					OrderStatus.valueOf(rs.getString("status")), rs.getString("source"), rs.getString("currency"),
					instant(rs, "placed_at"), instant(rs, "paid_at"), instant(rs, "shipped_at"),
					instant(rs, "delivered_at"), instant(rs, "completed_at"), instant(rs, "cancelled_at"),
					instant(rs, "closed_at"), rs.getString("customer_name"), rs.getString("customer_phone"),
					rs.getString("customer_email"), rs.getString("buyer_id"), rs.getString("ship_name"),
					rs.getString("ship_phone"), rs.getString("ship_province"), rs.getString("ship_city"),
					rs.getString("ship_district"), rs.getString("ship_line1"), rs.getString("ship_postcode"),
					rs.getBigDecimal("goods_amount"), rs.getBigDecimal("shipping_fee"), rs.getBigDecimal("discount"),
					rs.getBigDecimal("paid_amount"), rs.getString("coupon_code"), rs.getString("utm_source"),
					rs.getString("utm_medium"), rs.getString("utm_campaign"), rs.getString("utm_content"),
					rs.getString("content_code"), rs.getString("note"), rs.getInt("line_no"), rs.getString("sku"),
					rs.getString("title"), rs.getInt("quantity"), rs.getBigDecimal("unit_price"),
					rs.getBigDecimal("line_discount"), rs.getBigDecimal("amount"), rs.getInt("shipped_quantity"),
					rs.getString("carrier"), rs.getString("tracking_number")));
		});
	}

	/**
	 * An order with its lines, shipments and timeline.
	 */
	@Transactional(readOnly = true)
	Optional<OrderView> find(long id) {
		Map<String, Object> params = Map.of("id", id);
		List<OrderView> orders = this.jdbc.query("""
				SELECT o.*, c.code AS channel_code, c.name AS channel_name, c.platform
				FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id
				WHERE o.id = :id""", params, (rs, row) -> view(rs));
		if (orders.isEmpty()) {
			return Optional.empty();
		}
		OrderView order = orders.get(0);
		order.lines()
			.addAll(this.jdbc.query("""
					SELECT l.id, l.line_no, l.sku, l.title, l.quantity, l.unit_price, l.discount, l.amount,
					       l.shipped_quantity, l.variant_id
					FROM order_line l WHERE l.order_id = :id ORDER BY l.line_no""", params,
					(rs, row) -> new LineView(rs.getLong("id"), rs.getString("sku"), rs.getString("title"),
							rs.getInt("quantity"), rs.getBigDecimal("unit_price"), rs.getBigDecimal("discount"),
							rs.getBigDecimal("amount"), rs.getInt("shipped_quantity"),
							rs.getObject("variant_id") != null)));
		Map<Long, ShipmentView> shipments = new LinkedHashMap<>();
		this.jdbc.query("""
				SELECT s.id, s.carrier, s.tracking_number, s.shipped_at, s.actor, l.sku, l.title, sl.quantity
				FROM shipment s
				LEFT JOIN shipment_line sl ON sl.shipment_id = s.id
				LEFT JOIN order_line l ON l.id = sl.order_line_id
				WHERE s.order_id = :id ORDER BY s.id, l.line_no""", params, (ResultSet rs) -> {
			ShipmentView shipment = shipments.computeIfAbsent(rs.getLong("id"),
					(key) -> new ShipmentView(key, string(rs, "carrier"), string(rs, "tracking_number"),
							instantOrNull(rs, "shipped_at"), string(rs, "actor"), new ArrayList<>()));
			if (rs.getString("sku") != null) {
				shipment.lines()
					.add(new ShippedUnits(rs.getString("sku"), rs.getString("title"), rs.getInt("quantity")));
			}
		});
		order.shipments().addAll(shipments.values());
		order.timeline()
			.addAll(this.jdbc.query("""
					SELECT from_status, to_status, at, actor, note FROM order_status_change
					WHERE order_id = :id ORDER BY at, id""", params,
					(rs, row) -> new TimelineEntry(status(rs.getString("from_status")),
							OrderStatus.valueOf(rs.getString("to_status")), rs.getTimestamp("at").toInstant(),
							rs.getString("actor"), rs.getString("note"))));
		return Optional.of(order);
	}

	/**
	 * The current price of a SKU, or {@code null} for an unknown SKU.
	 */
	BigDecimal priceOf(String sku) {
		List<BigDecimal> prices = this.jdbc.queryForList("SELECT price FROM product_variant WHERE sku = :sku",
				Map.of("sku", sku), BigDecimal.class);
		return prices.isEmpty() ? null : prices.get(0);
	}

	/**
	 * The channels orders can be filtered by, active first, then by code.
	 */
	List<ChannelOption> channels() {
		return this.jdbc.query("SELECT code, name, platform, active FROM sales_channel ORDER BY active DESC, code",
				(rs, row) -> new ChannelOption(rs.getString("code"), rs.getString("name"),
						SalesPlatform.valueOf(rs.getString("platform")), rs.getBoolean("active")));
	}

	/**
	 * Paid orders (or held for stock) not fully shipped within the shipping deadline,
	 * counted from {@code shop_order_late_to_ship_idx} alone.
	 */
	long countLateToShip() {
		return count(LATE_TO_SHIP);
	}

	/**
	 * Shipped orders not delivered within the delivery deadline, counted from
	 * {@code shop_order_to_deliver_idx} alone.
	 */
	long countLateToDeliver() {
		return count(LATE_TO_DELIVER);
	}

	/**
	 * The oldest orders of a queue first, at most {@code limit}.
	 */
	@Transactional(readOnly = true)
	List<OrderRow> queue(Queue queue, int limit) {
		// exactly the predicate of the queue's partial index, whose order the list takes:
		// any other status condition beside it makes the planner misjudge how many orders
		// match and sort every open order instead
		String condition = (queue == Queue.SHIP) ? LATE_TO_SHIP : LATE_TO_DELIVER;
		String order = (queue == Queue.SHIP) ? "coalesce(o.paid_at, o.placed_at)" : "o.shipped_at";
		String sql = """
				SELECT o.id, c.code AS channel_code, c.name AS channel_name, c.platform, o.number, o.status,
				       o.placed_at, o.paid_at, o.shipped_at, o.customer_name, o.customer_phone, o.paid_amount,
				       o.currency, l.units, l.first_title, l.line_count, true AS overdue
				FROM (SELECT o.* FROM shop_order o WHERE %s ORDER BY %s, o.id LIMIT %d) o
				JOIN sales_channel c ON c.id = o.channel_id
				CROSS JOIN LATERAL (%s) l
				ORDER BY %s, o.id""".formatted(condition, order, limit, LINE_SUMMARY, order);
		return this.jdbc.query(sql, deadlineParams(), OrderQuery::row);
	}

	private long count(String condition) {
		Long count = this.jdbc.queryForObject("SELECT count(*) FROM shop_order o WHERE " + condition, deadlineParams(),
				Long.class);
		return (count != null) ? count : 0;
	}

	private Map<String, Object> deadlineParams() {
		Instant now = Instant.now();
		return Map.of("shipDeadline", Timestamp.from(now.minus(this.deadlines.shipWithin())), "deliverDeadline",
				Timestamp.from(now.minus(this.deadlines.deliverWithin())));
	}

	private String overdueCondition() {
		return "(o.status IN ('PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED') AND coalesce(o.paid_at, o.placed_at) "
				+ "< :shipDeadline OR o.status = 'SHIPPED' AND o.shipped_at < :deliverDeadline)";
	}

	/**
	 * A page of overdue orders: the newest rows late to ship and those late to deliver,
	 * each found by the index of its own condition, merged. One condition ORed with the
	 * other can use neither index, so every open order would be read and sorted.
	 * @param where the other filters and the cursor
	 * @param status the status filtered by, or {@code null}
	 * @param direction {@code DESC} forwards, {@code ASC} backwards
	 */
	private static String overduePage(CharSequence where, OrderStatus status, String direction) {
		// a status filter that rules a queue out says so in constants, which the planner
		// sees through; it does not see that two status conditions contradict each other
		boolean toShip = status == null || status == OrderStatus.PAID || status == OrderStatus.AWAITING_STOCK
				|| status == OrderStatus.PARTIALLY_SHIPPED;
		boolean toDeliver = status == null || status == OrderStatus.SHIPPED;
		// orders late to ship are the newest open ones, so the seek by placing time stops
		// after a page; orders late to deliver are few and read by their shipping time
		// (materialized so the planner cannot instead walk every shipped order by placing
		// time looking for them)
		return """
				WITH late_to_deliver AS MATERIALIZED (
				  SELECT o.id, o.placed_at FROM shop_order o
				  WHERE %1$s AND %6$s)
				SELECT o.id, c.code AS channel_code, c.name AS channel_name, c.platform, o.number, o.status,
				       o.placed_at, o.paid_at, o.customer_name, o.customer_phone, o.paid_amount, o.currency,
				       l.units, l.first_title, l.line_count, true AS overdue
				FROM ((SELECT o.id, o.placed_at FROM shop_order o
				       WHERE %1$s AND %2$s
				       ORDER BY o.placed_at %3$s, o.id %3$s LIMIT %4$d)
				      UNION ALL
				      (SELECT d.id, d.placed_at FROM late_to_deliver d
				       ORDER BY d.placed_at %3$s, d.id %3$s LIMIT %4$d)) late
				JOIN shop_order o ON o.id = late.id
				JOIN sales_channel c ON c.id = o.channel_id
				CROSS JOIN LATERAL (%5$s) l
				ORDER BY late.placed_at %3$s, late.id %3$s
				LIMIT %4$d""".formatted(where, toShip ? LATE_TO_SHIP : "FALSE", direction, PAGE_SIZE + 1, LINE_SUMMARY,
				toDeliver ? LATE_TO_DELIVER : "FALSE");
	}

	private StringBuilder where(OrderFilter filter, ZoneId zone, Instant now, Map<String, Object> params,
			boolean withOverdue) {
		StringBuilder where = new StringBuilder("TRUE");
		if (filter.status() != null) {
			where.append(" AND o.status = :status");
			params.put("status", filter.status().name());
		}
		if (filter.channel() != null) {
			where.append(" AND o.channel_id = (SELECT id FROM sales_channel WHERE code = upper(:channel))");
			params.put("channel", filter.channel());
		}
		if (filter.from() != null) {
			where.append(" AND o.placed_at >= :from");
			params.put("from", Timestamp.from(filter.from().atStartOfDay(zone).toInstant()));
		}
		if (filter.to() != null) {
			where.append(" AND o.placed_at < :to");
			params.put("to", Timestamp.from(filter.to().plusDays(1).atStartOfDay(zone).toInstant()));
		}
		if (filter.sku() != null) {
			where.append(" AND o.id IN (SELECT l.order_id FROM order_line l WHERE l.sku = :sku)");
			params.put("sku", filter.sku());
		}
		if (filter.customer() != null) {
			// the customer's orders are found first, each field by its own index: as one
			// OR beside the sort, the planner walks the whole list looking for them
			List<Long> ids = this.jdbc.queryForList("""
					SELECT id FROM shop_order WHERE customer_phone = :customer
					UNION SELECT id FROM shop_order WHERE lower(customer_email) = lower(:customer)
					UNION SELECT id FROM shop_order WHERE buyer_id = :customer
					UNION SELECT id FROM shop_order WHERE customer_name = :customer""",
					Map.of("customer", filter.customer()), Long.class);
			where.append(" AND o.id = ANY (CAST(:customerOrders AS bigint[]))");
			params.put("customerOrders", ids.stream().map(String::valueOf).collect(Collectors.joining(",", "{", "}")));
		}
		if (filter.number() != null) {
			where.append(" AND o.number = :number");
			params.put("number", filter.number());
		}
		if (withOverdue && filter.overdue()) {
			// the status list first lets the planner use the partial index of open orders
			where.append(" AND o.status IN (").append(OPEN_STATUSES).append(") AND ").append(overdueCondition());
			params.put("shipDeadline", Timestamp.from(now.minus(this.deadlines.shipWithin())));
			params.put("deliverDeadline", Timestamp.from(now.minus(this.deadlines.deliverWithin())));
		}
		return where;
	}

	private static OrderRow row(ResultSet rs, int row) throws SQLException {
		return new OrderRow(rs.getLong("id"), rs.getString("channel_code"), rs.getString("channel_name"),
				SalesPlatform.valueOf(rs.getString("platform")), rs.getString("number"),
				OrderStatus.valueOf(rs.getString("status")), rs.getTimestamp("placed_at").toInstant(),
				instant(rs, "paid_at"), rs.getString("customer_name"), rs.getString("customer_phone"),
				rs.getBigDecimal("paid_amount"), rs.getString("currency"), rs.getLong("units"),
				rs.getString("first_title"), rs.getInt("line_count"), rs.getBoolean("overdue"));
	}

	private static OrderView view(ResultSet rs) throws SQLException {
		return new OrderView(rs.getLong("id"), rs.getString("channel_code"), rs.getString("channel_name"),
				SalesPlatform.valueOf(rs.getString("platform")), rs.getString("number"),
				OrderStatus.valueOf(rs.getString("status")), rs.getString("source"), rs.getBoolean("history"),
				rs.getString("warehouse"), rs.getString("currency"), rs.getBigDecimal("goods_amount"),
				rs.getBigDecimal("shipping_fee"), rs.getBigDecimal("discount"), rs.getBigDecimal("paid_amount"),
				rs.getString("customer_name"), rs.getString("customer_phone"), rs.getString("customer_email"),
				rs.getString("buyer_id"), rs.getString("ship_name"), rs.getString("ship_phone"),
				rs.getString("ship_province"), rs.getString("ship_city"), rs.getString("ship_district"),
				rs.getString("ship_line1"), rs.getString("ship_postcode"), rs.getString("coupon_code"),
				rs.getString("utm_source"), rs.getString("utm_medium"), rs.getString("utm_campaign"),
				rs.getString("utm_content"), rs.getString("content_code"), rs.getString("note"),
				rs.getTimestamp("placed_at").toInstant(), instant(rs, "paid_at"), instant(rs, "shipped_at"),
				instant(rs, "delivered_at"), instant(rs, "completed_at"), instant(rs, "cancelled_at"),
				instant(rs, "closed_at"), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static Instant instantOrNull(ResultSet rs, String column) {
		try {
			return instant(rs, column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String string(ResultSet rs, String column) {
		try {
			return rs.getString(column);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static OrderStatus status(String name) {
		return (name != null) ? OrderStatus.valueOf(name) : null;
	}

	/** The SLA queues. */
	enum Queue {

		/** Paid and not shipped in time. */
		SHIP,

		/** Shipped and not delivered in time. */
		DELIVER

	}

	/**
	 * A page of orders and the cursors of its neighbours ({@code null} where there is
	 * none).
	 */
	record OrderPage(List<OrderRow> items, String next, String previous) {
	}

	/** One row of the order list. */
	record OrderRow(long id, String channelCode, String channelName, SalesPlatform platform, String number,
			OrderStatus status, Instant placedAt, Instant paidAt, String customerName, String customerPhone,
			BigDecimal paidAmount, String currency, long units, String firstTitle, int lineCount, boolean overdue) {
	}

	/** A channel in the filter. */
	record ChannelOption(String code, String name, SalesPlatform platform, boolean active) {
	}

	/** An order as its page shows it. */
	record OrderView(long id, String channelCode, String channelName, SalesPlatform platform, String number,
			OrderStatus status, String source, boolean history, String warehouse, String currency,
			BigDecimal goodsAmount, BigDecimal shippingFee, BigDecimal discount, BigDecimal paidAmount,
			String customerName, String customerPhone, String customerEmail, String buyerId, String shipName,
			String shipPhone, String shipProvince, String shipCity, String shipDistrict, String shipLine1,
			String shipPostcode, String couponCode, String utmSource, String utmMedium, String utmCampaign,
			String utmContent, String contentCode, String note, Instant placedAt, Instant paidAt, Instant shippedAt,
			Instant deliveredAt, Instant completedAt, Instant cancelledAt, Instant closedAt, List<LineView> lines,
			List<ShipmentView> shipments, List<TimelineEntry> timeline) {

		/** Whether some units are still to ship. */
		public boolean hasUnitsToShip() {
			return this.lines.stream().anyMatch((line) -> line.toShip() > 0);
		}

		/** Whether any campaign field is known. */
		public boolean hasAttribution() {
			return this.couponCode != null || this.utmSource != null || this.utmMedium != null
					|| this.utmCampaign != null || this.utmContent != null || this.contentCode != null;
		}

	}

	/** An order line on the order page. */
	record LineView(long id, String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal discount,
			BigDecimal amount, int shippedQuantity, boolean known) {

		public int toShip() {
			return this.quantity - this.shippedQuantity;
		}

	}

	/** A parcel of an order. */
	record ShipmentView(long id, String carrier, String trackingNumber, Instant shippedAt, String actor,
			List<ShippedUnits> lines) {
	}

	/** Units of one SKU in a parcel. */
	record ShippedUnits(String sku, String title, int quantity) {
	}

	/** One change of status. */
	record TimelineEntry(OrderStatus from, OrderStatus to, Instant at, String actor, String note) {
	}

	/**
	 * A line of an order as exported: the order's fields repeated on each of its lines.
	 */
	record ExportLine(String channel, String number, OrderStatus status, String source, String currency,
			Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt, Instant completedAt,
			Instant cancelledAt, Instant closedAt, String customerName, String customerPhone, String customerEmail,
			String buyerId, String shipName, String shipPhone, String shipProvince, String shipCity,
			String shipDistrict, String shipLine1, String shipPostcode, BigDecimal goodsAmount, BigDecimal shippingFee,
			BigDecimal discount, BigDecimal paidAmount, String couponCode, String utmSource, String utmMedium,
			String utmCampaign, String utmContent, String contentCode, String note, int lineNo, String sku,
			String title, int quantity, BigDecimal unitPrice, BigDecimal lineDiscount, BigDecimal amount,
			int shippedQuantity, String carrier, String trackingNumber) {
	}

	/**
	 * The position after (or before) a row of the list, opaque to the browser: the
	 * placing time in microseconds and the id.
	 */
	record Cursor(Instant placedAt, long id) {

		private static final long EARLIEST = micros(Instant.parse("0001-01-01T00:00:00Z"));

		private static final long LATEST = micros(Instant.parse("9999-12-31T23:59:59.999999Z"));

		static String of(OrderRow row) {
			String raw = "P|" + micros(row.placedAt()) + "|" + row.id();
			return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
		}

		static Cursor decode(String token) {
			if (token == null || token.isBlank() || token.length() > 100) {
				return null;
			}
			try {
				String[] parts = new String(Base64.getUrlDecoder().decode(token.strip()), StandardCharsets.UTF_8)
					.split("\\|", -1);
				if (parts.length != 3 || !parts[0].equals("P")) {
					return null;
				}
				long micros = Long.parseLong(parts[1]);
				if (micros < EARLIEST || micros > LATEST) {
					return null;
				}
				return new Cursor(Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
						Math.floorMod(micros, 1_000_000) * 1_000L), Long.parseLong(parts[2]));
			}
			catch (IllegalArgumentException ex) {
				// a tampered or outdated cursor starts from the first page
				return null;
			}
		}

		static long micros(Instant instant) {
			return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
		}

	}

}
