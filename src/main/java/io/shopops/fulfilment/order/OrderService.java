package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockReference;
import io.shopops.fulfilment.inventory.StockRequest;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderClosed;
import io.shopops.fulfilment.order.OrderEvents.OrderCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderDelivered;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderEvents.OrderShipped;
import io.shopops.fulfilment.order.OrderEvents.ShippedLine;
import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.fulfilment.order.OrderSettings.OrderRules;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The one writer of orders. Each operation locks the order row, checks the transition
 * against {@link OrderStatus}, writes the order, its timeline row, the audit entry and
 * the domain event, and moves stock through {@link Inventory}, all in one transaction.
 * <p>
 * Placing a paid order is the hot path of the API: every statement is plain SQL, the
 * order, its lines and its timeline go in as one statement, and the reservation is the
 * last statement before the commit, so that the row of a much-sold SKU stays locked as
 * briefly as possible.
 */
@Service
class OrderService implements Orders {

	private static final String ORDER_COLUMNS = """
			o.id, c.code AS channel_code, c.platform, o.number, o.status, o.placed_at, o.paid_at, o.shipped_at,
			o.delivered_at, o.completed_at, o.cancelled_at, o.closed_at, o.customer_name, o.customer_phone,
			o.customer_email, o.buyer_id, o.ship_name, o.ship_phone, o.ship_province, o.ship_city, o.ship_district,
			o.ship_line1, o.ship_postcode, o.goods_amount, o.shipping_fee, o.discount, o.paid_amount, o.currency,
			o.coupon_code, o.utm_source, o.utm_medium, o.utm_campaign, o.utm_content, o.content_code, o.visitor_id,
			o.note, o.source, o.history, o.warehouse""";

	private final JdbcClient jdbc;

	private final Inventory inventory;

	private final SalesChannels channels;

	private final OrderSettings settings;

	private final ShopSettings shop;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	OrderService(JdbcClient jdbc, Inventory inventory, SalesChannels channels, OrderSettings settings,
			ShopSettings shop, AuditLog auditLog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.channels = channels;
		this.settings = settings;
		this.shop = shop;
		this.auditLog = auditLog;
		this.events = events;
	}

	@Override
	@Transactional
	public Placement place(OrderDraft draft) {
		List<Problem> problems = new ArrayList<>(DraftRules.check(draft));
		SalesChannel channel = this.channels.find(draft.channelCode())
			.filter(SalesChannel::active)
			.orElseThrow(() -> new SalesChannelNotFoundException(draft.channelCode()));
		OrderRules rules = this.settings.current();
		String warehouse = rules.defaultWarehouse();
		boolean history = draft.status() != null && DraftRules.isHistory(draft.status());
		Map<String, Variant> variants = problems.stream().anyMatch((p) -> p.field().startsWith("lines")) ? Map.of()
				: variants(draft.lines(), warehouse);
		List<NewLine> lines = new ArrayList<>();
		if (problems.isEmpty()) {
			for (int i = 0; i < draft.lines().size(); i++) {
				OrderDraft.Line line = draft.lines().get(i);
				Variant variant = variants.get(line.sku());
				if (variant == null && !history) {
					problems.add(DraftRules.problem("lines[" + i + "].sku", "order.draft.sku.unknown", line.sku()));
				}
				else if (variant != null && !history && draft.status() == OrderStatus.PAID && !variant.stocked()) {
					problems.add(DraftRules.problem("lines[" + i + "].sku", "order.draft.sku.notStocked", line.sku(),
							warehouse));
				}
				String title = (line.title() != null && !line.title().isBlank()) ? line.title().strip()
						: (variant != null) ? variant.title() : line.sku();
				lines.add(new NewLine(i + 1, (variant != null) ? variant.id() : null, line.sku(), limit(title, 255),
						line.quantity(), money(line.unitPrice()), money(DraftRules.orZero(line.discount())),
						money(DraftRules.lineAmount(line))));
			}
		}
		if (!problems.isEmpty()) {
			throw new OrderInvalidException(problems);
		}

		Times times = times(draft, now());
		boolean shipped = history && (draft.status() == OrderStatus.SHIPPED || draft.status() == OrderStatus.DELIVERED
				|| draft.status() == OrderStatus.COMPLETED
				|| (draft.status() == OrderStatus.CLOSED && (times.shippedAt() != null || draft.shipment() != null)));
		BigDecimal goods = money(lines.stream().map(NewLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add));
		BigDecimal shippingFee = money(DraftRules.orZero(draft.shippingFee()));
		BigDecimal discount = money(DraftRules.orZero(draft.discount()));
		BigDecimal paid = money(DraftRules.paidAmount(goods, shippingFee, discount));
		String currency = (draft.currency() != null) ? draft.currency()
				: this.shop.current().currency().getCurrencyCode();
		Customer customer = (draft.customer() != null) ? draft.customer() : new Customer(null, null, null, null);
		Address address = (draft.address() != null) ? draft.address()
				: new Address(null, null, null, null, null, null, null);
		Utm utm = (draft.utm() != null) ? draft.utm() : new Utm(null, null, null, null);

		// a held order reserves nothing: decide before anything is written, with the
		// stock rows locked so that the decision stays true until the commit
		OrderStatus status = draft.status();
		boolean reserve = !history && status == OrderStatus.PAID;
		if (reserve && rules.holdShortOrders() && !enoughStock(lines, warehouse)) {
			status = OrderStatus.AWAITING_STOCK;
			reserve = false;
		}

		// the order, its lines and its timeline in one statement: nothing of them when
		// the
		// order exists already
		List<TimelineRow> timeline = timeline(times, status, shipped);
		List<long[]> inserted = this.jdbc
			.sql("""
					WITH o AS (
					INSERT INTO shop_order (channel_id, number, status, source, history, warehouse, currency, goods_amount,
					  shipping_fee, discount, paid_amount, customer_name, customer_phone, customer_email, buyer_id,
					  ship_name, ship_phone, ship_province, ship_city, ship_district, ship_line1, ship_postcode,
					  coupon_code, utm_source, utm_medium, utm_campaign, utm_content, content_code, visitor_id, note,
					  placed_at, paid_at, shipped_at, delivered_at, completed_at, cancelled_at, closed_at)
					VALUES (:channel, :number, :status, :source, :history, :warehouse, :currency, :goods,
					  :shippingFee, :discount, :paid, :customerName, :customerPhone, :customerEmail, :buyerId,
					  :shipName, :shipPhone, :shipProvince, :shipCity, :shipDistrict, :shipLine1, :shipPostcode,
					  :coupon, :utmSource, :utmMedium, :utmCampaign, :utmContent, :contentCode, :visitorId, :note,
					  :placedAt, :paidAt, :shippedAt, :deliveredAt, :completedAt, :cancelledAt, :closedAt)
					ON CONFLICT (channel_id, number) DO NOTHING
					RETURNING id
					), ls AS (
					  INSERT INTO order_line (order_id, line_no, variant_id, sku, title, quantity, unit_price, discount,
					    amount, shipped_quantity)
					  SELECT o.id, l.line_no, l.variant_id, l.sku, l.title, l.quantity, l.unit_price, l.discount, l.amount,
					    CASE WHEN :shipped THEN l.quantity ELSE 0 END
					  FROM o, unnest(:lineNos::int[], :variants::bigint[], :skus::text[], :titles::text[], :quantities::int[],
					    :prices::numeric[], :discounts::numeric[], :amounts::numeric[])
					    AS l (line_no, variant_id, sku, title, quantity, unit_price, discount, amount)
					  ORDER BY l.line_no
					  RETURNING id, line_no
					), ts AS (
					  INSERT INTO order_status_change (order_id, from_status, to_status, at, actor, note)
					  SELECT o.id, t.from_status, t.to_status, t.at, :actor, t.note
					  FROM o, unnest(:froms::text[], :tos::text[], :ats::timestamptz[], :notes::text[])
					    WITH ORDINALITY AS t (from_status, to_status, at, note, n)
					  ORDER BY t.n
					)
					SELECT o.id, ls.id FROM o LEFT JOIN ls ON true ORDER BY ls.line_no""")
			.param("channel", channel.id())
			.param("number", draft.number())
			.param("status", status.name())
			.param("source", draft.source().name())
			.param("history", history)
			.param("warehouse", warehouse)
			.param("currency", currency)
			.param("goods", goods)
			.param("shippingFee", shippingFee)
			.param("discount", discount)
			.param("paid", paid)
			.param("customerName", customer.name())
			.param("customerPhone", customer.phone())
			.param("customerEmail", customer.email())
			.param("buyerId", customer.buyerId())
			.param("shipName", address.name())
			.param("shipPhone", address.phone())
			.param("shipProvince", address.province())
			.param("shipCity", address.city())
			.param("shipDistrict", address.district())
			.param("shipLine1", address.line1())
			.param("shipPostcode", address.postcode())
			.param("coupon", draft.couponCode())
			.param("utmSource", utm.source())
			.param("utmMedium", utm.medium())
			.param("utmCampaign", utm.campaign())
			.param("utmContent", utm.content())
			.param("contentCode", draft.contentCode())
			.param("visitorId", draft.visitorId())
			.param("note", draft.note())
			.param("placedAt", timestamp(times.placedAt()))
			.param("paidAt", timestamp(times.paidAt()))
			.param("shippedAt", timestamp(times.shippedAt()))
			.param("deliveredAt", timestamp(times.deliveredAt()))
			.param("completedAt", timestamp(times.completedAt()))
			.param("cancelledAt", timestamp(times.cancelledAt()))
			.param("closedAt", timestamp(times.closedAt()))
			.param("shipped", shipped)
			.param("lineNos", lines.stream().map((l) -> String.valueOf(l.lineNo())).toArray(String[]::new))
			.param("variants",
					lines.stream()
						.map((l) -> (l.variantId() != null) ? String.valueOf(l.variantId()) : null)
						.toArray(String[]::new))
			.param("skus", lines.stream().map(NewLine::sku).toArray(String[]::new))
			.param("titles", lines.stream().map(NewLine::title).toArray(String[]::new))
			.param("quantities", lines.stream().map((l) -> String.valueOf(l.quantity())).toArray(String[]::new))
			.param("prices", lines.stream().map((l) -> l.unitPrice().toPlainString()).toArray(String[]::new))
			.param("discounts", lines.stream().map((l) -> l.discount().toPlainString()).toArray(String[]::new))
			.param("amounts", lines.stream().map((l) -> l.amount().toPlainString()).toArray(String[]::new))
			.param("actor", currentActor())
			.param("froms",
					timeline.stream().map((r) -> (r.from() != null) ? r.from().name() : null).toArray(String[]::new))
			.param("tos", timeline.stream().map((r) -> r.to().name()).toArray(String[]::new))
			.param("ats", timeline.stream().map((r) -> r.at().toString()).toArray(String[]::new))
			.param("notes", timeline.stream().map((r) -> limit(r.note(), 300)).toArray(String[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		if (inserted.isEmpty()) {
			// the same order again: answer the one we have, change nothing
			return new Placement(find(channel.code(), draft.number()).orElseThrow(), false);
		}
		long id = inserted.get(0)[0];
		List<OrderSnapshot.Line> snapshotLines = new ArrayList<>(lines.size());
		for (int i = 0; i < lines.size(); i++) {
			NewLine line = lines.get(i);
			snapshotLines.add(new OrderSnapshot.Line(inserted.get(i)[1], line.sku(), line.variantId(), line.title(),
					line.quantity(), line.unitPrice(), line.discount(), line.amount(), shipped ? line.quantity() : 0));
		}
		String carrier = (draft.shipment() != null) ? draft.shipment().carrier() : null;
		String tracking = (draft.shipment() != null) ? draft.shipment().trackingNumber() : null;
		Instant shippedAt = firstOf(times.shippedAt(), times.paidAt(), times.placedAt());
		if (shipped) {
			insertShipment(id, carrier, tracking, shippedAt,
					snapshotLines.stream()
						.map((line) -> new ShippedLine(line.id(), line.sku(), line.quantity()))
						.toList());
		}
		OrderSnapshot order = new OrderSnapshot(id, channel.code(), channel.platform(), draft.number(), status, times,
				customer, address, snapshotLines, goods, shippingFee, discount, paid, currency, draft.couponCode(), utm,
				draft.contentCode(), draft.visitorId(), draft.note(), draft.source(), history, warehouse);
		this.auditLog.record("ORDER_PLACED", "order", String.valueOf(id),
				channel.code() + " " + draft.number() + ": " + status.apiName() + ", " + paid + " " + currency);

		this.events.publishEvent(new OrderPlaced(order, times.placedAt()));
		if (status == OrderStatus.PAID || (history && times.paidAt() != null)) {
			this.events.publishEvent(new OrderPaid(order, times.paidAt()));
		}
		if (shipped) {
			this.events.publishEvent(new OrderShipped(order, shippedAt, carrier, tracking,
					snapshotLines.stream()
						.map((line) -> new ShippedLine(line.id(), line.sku(), line.quantity()))
						.toList()));
		}
		if (history) {
			publishHistory(order, times);
		}
		if (reserve) {
			// last, so that the stock rows stay locked only until the commit
			this.inventory.reserve(requests(snapshotLines, warehouse), reference(id));
		}
		return new Placement(order, true);
	}

	@Override
	@Transactional
	public OrderSnapshot pay(long orderId, Instant at) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.PAID, order.status() == OrderStatus.PENDING_PAYMENT);
		Instant when = (at != null) ? micros(at) : now();
		List<StockRequest> requests = requests(order.lines(), order.warehouse());
		boolean held = this.settings.current().holdShortOrders() && !enoughStock(order.lines(), order.warehouse());
		OrderStatus target = held ? OrderStatus.AWAITING_STOCK : OrderStatus.PAID;
		OrderSnapshot after = change(order, target, "paid_at", when, null);
		if (held) {
			this.auditLog.record("ORDER_HELD", "order", String.valueOf(orderId), summary(order, target));
		}
		else {
			this.auditLog.record("ORDER_PAID", "order", String.valueOf(orderId), summary(order, target));
		}
		if (!held) {
			this.events.publishEvent(new OrderPaid(after, when));
			if (!requests.isEmpty()) {
				this.inventory.reserve(requests, reference(orderId));
			}
		}
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot reserveAwaitingStock(long orderId) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.PAID, order.status() == OrderStatus.AWAITING_STOCK);
		Instant paidAt = (order.times().paidAt() != null) ? order.times().paidAt() : now();
		OrderSnapshot after = change(order, OrderStatus.PAID, "paid_at", paidAt, null);
		this.auditLog.record("ORDER_PAID", "order", String.valueOf(orderId), summary(order, OrderStatus.PAID));
		this.events.publishEvent(new OrderPaid(after, paidAt));
		List<StockRequest> requests = requests(order.lines(), order.warehouse());
		if (!requests.isEmpty()) {
			this.inventory.reserve(requests, reference(orderId));
		}
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot ship(long orderId, ShipmentRequest shipment) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.SHIPPED,
				order.status() == OrderStatus.PAID || order.status() == OrderStatus.PARTIALLY_SHIPPED);
		Map<Long, OrderSnapshot.Line> byId = new LinkedHashMap<>();
		order.lines().forEach((line) -> byId.put(line.id(), line));
		Map<Long, Integer> quantities = new LinkedHashMap<>();
		List<Problem> problems = new ArrayList<>();
		List<LineQuantity> asked = (shipment.lines() != null) ? shipment.lines() : List.of();
		if (asked.isEmpty()) {
			for (OrderSnapshot.Line line : order.lines()) {
				if (line.quantity() > line.shippedQuantity()) {
					quantities.put(line.id(), line.quantity() - line.shippedQuantity());
				}
			}
		}
		for (int i = 0; i < asked.size(); i++) {
			LineQuantity item = asked.get(i);
			OrderSnapshot.Line line = byId.get(item.lineId());
			int left = (line != null) ? line.quantity() - line.shippedQuantity() - quantities.getOrDefault(line.id(), 0)
					: 0;
			if (line == null) {
				problems
					.add(DraftRules.problem("lines[" + i + "].lineId", "order.shipment.line.unknown", item.lineId()));
			}
			else if (item.quantity() < 1 || item.quantity() > left) {
				problems.add(DraftRules.problem("lines[" + i + "].quantity", "order.shipment.quantity.range", left,
						line.sku()));
			}
			else {
				quantities.merge(line.id(), item.quantity(), Integer::sum);
			}
		}
		DraftRules.checkShipmentText(problems, shipment.carrier(), shipment.trackingNumber());
		if (problems.isEmpty() && quantities.isEmpty()) {
			problems.add(DraftRules.problem("lines", "order.shipment.empty"));
		}
		if (!problems.isEmpty()) {
			throw new OrderInvalidException(problems);
		}
		Instant when = (shipment.at() != null) ? micros(shipment.at()) : now();
		List<ShippedLine> shippedLines = quantities.entrySet()
			.stream()
			.map((e) -> new ShippedLine(e.getKey(), byId.get(e.getKey()).sku(), e.getValue()))
			.toList();
		insertShipment(orderId, shipment.carrier(), shipment.trackingNumber(), when, shippedLines);
		this.jdbc.sql("""
				UPDATE order_line l SET shipped_quantity = l.shipped_quantity + s.quantity
				FROM unnest(:ids::bigint[], :quantities::int[]) AS s (id, quantity)
				WHERE l.id = s.id AND l.order_id = :order""")
			.param("ids", shippedLines.stream().map((l) -> String.valueOf(l.lineId())).toArray(String[]::new))
			.param("quantities", shippedLines.stream().map((l) -> String.valueOf(l.quantity())).toArray(String[]::new))
			.param("order", orderId)
			.update();
		boolean complete = order.lines()
			.stream()
			.allMatch((line) -> line.shippedQuantity() + quantities.getOrDefault(line.id(), 0) == line.quantity());
		OrderStatus target = complete ? OrderStatus.SHIPPED : OrderStatus.PARTIALLY_SHIPPED;
		String note = trackingNote(shipment.carrier(), shipment.trackingNumber());
		OrderSnapshot after = change(order, target, "shipped_at", when, note);
		this.auditLog.record("ORDER_SHIPPED", "order", String.valueOf(orderId), summary(order, target)
				+ shippedLines.stream().map((l) -> " " + l.sku() + "×" + l.quantity()).reduce("", String::concat));
		this.events
			.publishEvent(new OrderShipped(after, when, shipment.carrier(), shipment.trackingNumber(), shippedLines));
		if (!order.history()) {
			// stock rows in the order reservations lock them, so concurrent callers
			// cannot
			// deadlock
			shippedLines.stream()
				.map((l) -> Map.entry(byId.get(l.lineId()), l.quantity()))
				.filter((e) -> e.getKey().variantId() != null)
				.sorted(Comparator.comparingLong((Map.Entry<OrderSnapshot.Line, Integer> e) -> e.getKey().variantId()))
				.forEach((e) -> this.inventory.ship(e.getKey().sku(), order.warehouse(), e.getValue(),
						reference(orderId)));
		}
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot track(long orderId, String carrier, String trackingNumber) {
		OrderSnapshot order = lock(orderId);
		boolean hasShipped = order.status() == OrderStatus.PARTIALLY_SHIPPED || order.status() == OrderStatus.SHIPPED
				|| order.status() == OrderStatus.DELIVERED || order.status() == OrderStatus.COMPLETED;
		if (!hasShipped) {
			throw new IllegalOrderTransitionException(order.number(), order.status(), OrderStatus.SHIPPED);
		}
		List<Problem> problems = new ArrayList<>();
		DraftRules.checkShipmentText(problems, carrier, trackingNumber);
		if (trackingNumber == null || trackingNumber.isBlank()) {
			problems.add(DraftRules.problem("trackingNumber", "order.shipment.trackingNumber.required"));
		}
		if (!problems.isEmpty()) {
			throw new OrderInvalidException(problems);
		}
		int updated = this.jdbc.sql("""
				UPDATE shipment SET carrier = :carrier, tracking_number = :tracking
				WHERE id = (SELECT max(id) FROM shipment WHERE order_id = :order)""")
			.param("carrier", carrier)
			.param("tracking", trackingNumber)
			.param("order", orderId)
			.update();
		if (updated == 0) {
			Instant shippedAt = firstOf(order.times().shippedAt(), order.times().paidAt(), order.times().placedAt());
			insertShipment(orderId, carrier, trackingNumber, shippedAt, List.of());
		}
		String note = trackingNote(carrier, trackingNumber);
		insertTimeline(orderId, List.of(new TimelineRow(order.status(), order.status(), now(), note)));
		this.auditLog.record("ORDER_TRACKED", "order", String.valueOf(orderId), note);
		return order;
	}

	@Override
	@Transactional
	public OrderSnapshot deliver(long orderId, Instant at) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.DELIVERED, order.status().canMoveTo(OrderStatus.DELIVERED));
		Instant when = (at != null) ? micros(at) : now();
		OrderSnapshot after = change(order, OrderStatus.DELIVERED, "delivered_at", when, null);
		this.auditLog.record("ORDER_DELIVERED", "order", String.valueOf(orderId),
				summary(order, OrderStatus.DELIVERED));
		this.events.publishEvent(new OrderDelivered(after, when));
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot complete(long orderId, Instant at) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.COMPLETED, order.status().canMoveTo(OrderStatus.COMPLETED));
		Instant when = (at != null) ? micros(at) : now();
		OrderSnapshot after = change(order, OrderStatus.COMPLETED, "completed_at", when, null);
		this.auditLog.record("ORDER_COMPLETED", "order", String.valueOf(orderId),
				summary(order, OrderStatus.COMPLETED));
		this.events.publishEvent(new OrderCompleted(after, when));
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot cancel(long orderId, String reason, Instant at) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.CANCELLED, order.status().canMoveTo(OrderStatus.CANCELLED));
		String why = reason(reason);
		Instant when = (at != null) ? micros(at) : now();
		OrderSnapshot after = change(order, OrderStatus.CANCELLED, "cancelled_at", when, why);
		this.auditLog.record("ORDER_CANCELLED", "order", String.valueOf(orderId),
				summary(order, OrderStatus.CANCELLED) + ((why != null) ? ": " + why : ""));
		this.events.publishEvent(new OrderCancelled(after, when, why));
		if (order.status() == OrderStatus.PAID) {
			releaseUnshipped(order);
		}
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot close(long orderId, String reason, Instant at) {
		OrderSnapshot order = lock(orderId);
		require(order, OrderStatus.CLOSED, order.status().canMoveTo(OrderStatus.CLOSED));
		String why = reason(reason);
		Instant when = (at != null) ? micros(at) : now();
		OrderSnapshot after = change(order, OrderStatus.CLOSED, "closed_at", when, why);
		this.auditLog.record("ORDER_CLOSED", "order", String.valueOf(orderId),
				summary(order, OrderStatus.CLOSED) + ((why != null) ? ": " + why : ""));
		this.events.publishEvent(new OrderClosed(after, when, why));
		if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
			releaseUnshipped(order);
		}
		return after;
	}

	@Override
	@Transactional
	public OrderSnapshot moveTo(long orderId, OrderStatus target, StatusChange change) {
		StatusChange what = (change != null) ? change : new StatusChange(null, null, null, null);
		OrderSnapshot order = lock(orderId);
		return switch (target) {
			case PAID -> (order.status() == OrderStatus.AWAITING_STOCK) ? reserveAwaitingStock(orderId)
					: pay(orderId, what.at());
			case SHIPPED ->
				ship(orderId, new ShipmentRequest(what.carrier(), what.trackingNumber(), what.at(), List.of()));
			case DELIVERED -> deliver(orderId, what.at());
			case COMPLETED -> complete(orderId, what.at());
			case CANCELLED -> cancel(orderId, what.reason(), what.at());
			case CLOSED -> close(orderId, what.reason(), what.at());
			case PENDING_PAYMENT, AWAITING_STOCK, PARTIALLY_SHIPPED ->
				throw new IllegalOrderTransitionException(order.number(), order.status(), target);
		};
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderSnapshot> find(long orderId) {
		return load("o.id = :id", Map.of("id", orderId), false);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<OrderSnapshot> find(String channelCode, String number) {
		if (channelCode == null || number == null) {
			return Optional.empty();
		}
		return load("c.code = :code AND o.number = :number",
				Map.of("code", channelCode.strip().toUpperCase(java.util.Locale.ROOT), "number", number), false);
	}

	private OrderSnapshot lock(long orderId) {
		return load("o.id = :id", Map.of("id", orderId), true)
			.orElseThrow(() -> new OrderNotFoundException(String.valueOf(orderId)));
	}

	private Optional<OrderSnapshot> load(String where, Map<String, Object> params, boolean forUpdate) {
		Optional<OrderSnapshot> order = this.jdbc
			.sql("SELECT " + ORDER_COLUMNS + " FROM shop_order o JOIN sales_channel c ON c.id = o.channel_id WHERE "
					+ where + (forUpdate ? " FOR UPDATE OF o" : ""))
			.params(params)
			.query((rs, n) -> order(rs, List.of()))
			.optional();
		if (order.isEmpty()) {
			return order;
		}
		List<OrderSnapshot.Line> lines = this.jdbc.sql("""
				SELECT id, sku, variant_id, title, quantity, unit_price, discount, amount, shipped_quantity
				FROM order_line WHERE order_id = :order ORDER BY line_no""")
			.param("order", order.get().id())
			.query((rs, n) -> new OrderSnapshot.Line(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3),
					rs.getString(4), rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7), rs.getBigDecimal(8),
					rs.getInt(9)))
			.list();
		return Optional.of(withLines(order.get(), lines));
	}

	/**
	 * Moves the order to a status: the row with the status's time and the timeline row.
	 * @return the order after the change
	 */
	private OrderSnapshot change(OrderSnapshot order, OrderStatus target, String timeColumn, Instant at, String note) {
		this.jdbc
			.sql("UPDATE shop_order SET status = :status, " + timeColumn
					+ " = :at, updated_at = now(), version = version + 1 WHERE id = :id")
			.param("status", target.name())
			.param("at", timestamp(at))
			.param("id", order.id())
			.update();
		insertTimeline(order.id(), List.of(new TimelineRow(order.status(), target, at, note)));
		return load("o.id = :id", Map.of("id", order.id()), false).orElseThrow();
	}

	private void require(OrderSnapshot order, OrderStatus target, boolean allowed) {
		if (!allowed) {
			throw new IllegalOrderTransitionException(order.number(), order.status(), target);
		}
	}

	private void releaseUnshipped(OrderSnapshot order) {
		if (order.history()) {
			return;
		}
		order.lines()
			.stream()
			.filter((line) -> line.variantId() != null && line.quantity() > line.shippedQuantity())
			.sorted(Comparator.comparingLong(OrderSnapshot.Line::variantId))
			.forEach((line) -> this.inventory.release(line.sku(), order.warehouse(),
					line.quantity() - line.shippedQuantity(), reference(order.id())));
	}

	/**
	 * Whether every line can be reserved in full, with the stock rows locked in
	 * {@code variant_id} order (the order {@link Inventory} locks them in) until the
	 * commit.
	 */
	private boolean enoughStock(List<?> lines, String warehouse) {
		Map<Long, Integer> wanted = new HashMap<>();
		for (Object item : lines) {
			if (item instanceof NewLine line && line.variantId() != null) {
				wanted.merge(line.variantId(), line.quantity(), Integer::sum);
			}
			else if (item instanceof OrderSnapshot.Line line && line.variantId() != null) {
				wanted.merge(line.variantId(), line.quantity() - line.shippedQuantity(), Integer::sum);
			}
		}
		if (wanted.isEmpty()) {
			return true;
		}
		Map<Long, Integer> available = new HashMap<>();
		this.jdbc.sql("""
				SELECT variant_id, on_hand - reserved FROM stock_item
				WHERE warehouse = :warehouse AND variant_id = ANY (:ids::bigint[])
				ORDER BY variant_id FOR UPDATE""")
			.param("warehouse", warehouse)
			.param("ids", wanted.keySet().stream().map(String::valueOf).toArray(String[]::new))
			.query((rs, n) -> available.put(rs.getLong(1), rs.getInt(2)))
			.list();
		return wanted.entrySet().stream().allMatch((e) -> available.getOrDefault(e.getKey(), 0) >= e.getValue());
	}

	private Map<String, Variant> variants(List<OrderDraft.Line> lines, String warehouse) {
		String[] skus = lines.stream().map(OrderDraft.Line::sku).distinct().toArray(String[]::new);
		Map<String, Variant> variants = new HashMap<>();
		this.jdbc.sql("""
				SELECT v.id, v.sku, concat_ws(' / ', p.title, v.option1_value, v.option2_value, v.option3_value),
				  EXISTS (SELECT 1 FROM stock_item s WHERE s.variant_id = v.id AND s.warehouse = :warehouse)
				FROM product_variant v JOIN product p ON p.id = v.product_id WHERE v.sku = ANY (:skus::text[])""")
			.param("warehouse", warehouse)
			.param("skus", skus)
			.query((rs, n) -> variants.put(rs.getString(2),
					new Variant(rs.getLong(1), limit(rs.getString(3), 255), rs.getBoolean(4))))
			.list();
		return variants;
	}

	private void insertShipment(long orderId, String carrier, String tracking, Instant at, List<ShippedLine> lines) {
		long shipment = this.jdbc.sql("""
				INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at, actor)
				VALUES (:order, :carrier, :tracking, :at, :actor) RETURNING id""")
			.param("order", orderId)
			.param("carrier", carrier)
			.param("tracking", tracking)
			.param("at", timestamp(at))
			.param("actor", currentActor())
			.query(Long.class)
			.single();
		if (lines.isEmpty()) {
			return;
		}
		this.jdbc
			.sql("""
					INSERT INTO shipment_line (shipment_id, order_line_id, quantity)
					SELECT :shipment, s.id, s.quantity FROM unnest(:ids::bigint[], :quantities::int[]) AS s (id, quantity)""")
			.param("shipment", shipment)
			.param("ids", lines.stream().map((l) -> String.valueOf(l.lineId())).toArray(String[]::new))
			.param("quantities", lines.stream().map((l) -> String.valueOf(l.quantity())).toArray(String[]::new))
			.update();
	}

	/**
	 * The timeline of a new order: placed, then each status it reached with the time it
	 * carries, ending in its status.
	 */
	private static List<TimelineRow> timeline(Times times, OrderStatus status, boolean shipped) {
		List<TimelineRow> rows = new ArrayList<>();
		rows.add(new TimelineRow(null, OrderStatus.PENDING_PAYMENT, times.placedAt(), null));
		OrderStatus last = OrderStatus.PENDING_PAYMENT;
		if (times.paidAt() != null && status != OrderStatus.PENDING_PAYMENT) {
			OrderStatus paid = (status == OrderStatus.AWAITING_STOCK) ? OrderStatus.AWAITING_STOCK : OrderStatus.PAID;
			rows.add(new TimelineRow(last, paid, times.paidAt(), null));
			last = paid;
		}
		if (shipped) {
			rows.add(new TimelineRow(last, OrderStatus.SHIPPED,
					firstOf(times.shippedAt(), times.paidAt(), times.placedAt()), null));
			last = OrderStatus.SHIPPED;
		}
		if (times.deliveredAt() != null && shipped && status != OrderStatus.SHIPPED) {
			rows.add(new TimelineRow(last, OrderStatus.DELIVERED, times.deliveredAt(), null));
			last = OrderStatus.DELIVERED;
		}
		if (status == OrderStatus.COMPLETED || (status == OrderStatus.CLOSED && times.completedAt() != null)) {
			rows.add(
					new TimelineRow(last, OrderStatus.COMPLETED, firstOf(times.completedAt(), times.placedAt()), null));
			last = OrderStatus.COMPLETED;
		}
		if (status == OrderStatus.CANCELLED) {
			rows.add(
					new TimelineRow(last, OrderStatus.CANCELLED, firstOf(times.cancelledAt(), times.placedAt()), null));
			last = OrderStatus.CANCELLED;
		}
		if (status == OrderStatus.CLOSED) {
			rows.add(new TimelineRow(last, OrderStatus.CLOSED, firstOf(times.closedAt(), times.placedAt()), null));
		}
		return rows;
	}

	private void insertTimeline(long orderId, List<TimelineRow> rows) {
		this.jdbc.sql("""
				INSERT INTO order_status_change (order_id, from_status, to_status, at, actor, note)
				SELECT :order, t.from_status, t.to_status, t.at, :actor, t.note
				FROM unnest(:froms::text[], :tos::text[], :ats::timestamptz[], :notes::text[])
				  WITH ORDINALITY AS t (from_status, to_status, at, note, n)
				ORDER BY t.n""")
			.param("order", orderId)
			.param("actor", currentActor())
			.param("froms",
					rows.stream().map((r) -> (r.from() != null) ? r.from().name() : null).toArray(String[]::new))
			.param("tos", rows.stream().map((r) -> r.to().name()).toArray(String[]::new))
			.param("ats", rows.stream().map((r) -> r.at().toString()).toArray(String[]::new))
			.param("notes", rows.stream().map((r) -> limit(r.note(), 300)).toArray(String[]::new))
			.update();
	}

	/**
	 * The events a history order publishes after {@link OrderPlaced}, {@link OrderPaid}
	 * and {@link OrderShipped}: one per later status it reached.
	 */
	private void publishHistory(OrderSnapshot order, Times times) {
		OrderStatus status = order.status();
		boolean shipped = order.lines().stream().anyMatch((line) -> line.shippedQuantity() > 0);
		if (times.deliveredAt() != null && shipped && status != OrderStatus.SHIPPED) {
			this.events.publishEvent(new OrderDelivered(order, times.deliveredAt()));
		}
		if (status == OrderStatus.COMPLETED || (status == OrderStatus.CLOSED && times.completedAt() != null)) {
			this.events.publishEvent(new OrderCompleted(order, firstOf(times.completedAt(), times.placedAt())));
		}
		if (status == OrderStatus.CANCELLED) {
			this.events.publishEvent(new OrderCancelled(order, firstOf(times.cancelledAt(), times.placedAt()), null));
		}
		if (status == OrderStatus.CLOSED) {
			this.events.publishEvent(new OrderClosed(order, firstOf(times.closedAt(), times.placedAt()), null));
		}
	}

	/**
	 * The draft's times: placed defaults to now, a paid (or later) order's payment to its
	 * placement; history keeps exactly the times it carries otherwise.
	 */
	private static Times times(OrderDraft draft, Instant now) {
		Times given = (draft.times() != null) ? draft.times() : Times.placed(null, null);
		Instant placedAt = (given.placedAt() != null) ? micros(given.placedAt()) : now;
		Instant paidAt = micros(given.paidAt());
		if (paidAt == null && draft.status() == OrderStatus.PAID) {
			paidAt = placedAt;
		}
		if (draft.status() == OrderStatus.PENDING_PAYMENT || draft.status() == OrderStatus.PAID) {
			return new Times(placedAt, paidAt, null, null, null, null, null);
		}
		return new Times(placedAt, paidAt, micros(given.shippedAt()), micros(given.deliveredAt()),
				micros(given.completedAt()), micros(given.cancelledAt()), micros(given.closedAt()));
	}

	private static List<StockRequest> requests(List<OrderSnapshot.Line> lines, String warehouse) {
		return lines.stream()
			.filter((line) -> line.variantId() != null && line.quantity() > line.shippedQuantity())
			.map((line) -> new StockRequest(line.sku(), warehouse, line.quantity() - line.shippedQuantity()))
			.toList();
	}

	static StockReference reference(long orderId) {
		return new StockReference("order", String.valueOf(orderId));
	}

	private static OrderSnapshot order(ResultSet rs, List<OrderSnapshot.Line> lines) throws SQLException {
		return new OrderSnapshot(rs.getLong("id"), rs.getString("channel_code"),
				SalesPlatform.valueOf(rs.getString("platform")), rs.getString("number"),
				OrderStatus.valueOf(rs.getString("status")),
				new Times(instant(rs, "placed_at"), instant(rs, "paid_at"), instant(rs, "shipped_at"),
						instant(rs, "delivered_at"), instant(rs, "completed_at"), instant(rs, "cancelled_at"),
						instant(rs, "closed_at")),
				new Customer(rs.getString("customer_name"), rs.getString("customer_phone"),
						rs.getString("customer_email"), rs.getString("buyer_id")),
				new Address(rs.getString("ship_name"), rs.getString("ship_phone"), rs.getString("ship_province"),
						rs.getString("ship_city"), rs.getString("ship_district"), rs.getString("ship_line1"),
						rs.getString("ship_postcode")),
				lines, rs.getBigDecimal("goods_amount"), rs.getBigDecimal("shipping_fee"), rs.getBigDecimal("discount"),
				rs.getBigDecimal("paid_amount"), rs.getString("currency"), rs.getString("coupon_code"),
				new Utm(rs.getString("utm_source"), rs.getString("utm_medium"), rs.getString("utm_campaign"),
						rs.getString("utm_content")),
				rs.getString("content_code"), rs.getString("visitor_id"), rs.getString("note"),
				OrderSource.valueOf(rs.getString("source")), rs.getBoolean("history"), rs.getString("warehouse"));
	}

	private static OrderSnapshot withLines(OrderSnapshot o, List<OrderSnapshot.Line> lines) {
		return new OrderSnapshot(o.id(), o.channelCode(), o.platform(), o.number(), o.status(), o.times(), o.customer(),
				o.address(), List.copyOf(lines), o.goodsAmount(), o.shippingFee(), o.discount(), o.paidAmount(),
				o.currency(), o.couponCode(), o.utm(), o.contentCode(), o.visitorId(), o.note(), o.source(),
				o.history(), o.warehouse());
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
		return (value != null) ? value.toInstant() : null;
	}

	private static OffsetDateTime timestamp(Instant at) {
		return (at != null) ? at.atOffset(ZoneOffset.UTC) : null;
	}

	/**
	 * Now, as precise as PostgreSQL keeps it, so that what is stored reads back equal.
	 */
	private static Instant now() {
		return Instant.now().truncatedTo(ChronoUnit.MICROS);
	}

	private static Instant micros(Instant at) {
		return (at != null) ? at.truncatedTo(ChronoUnit.MICROS) : null;
	}

	private static Instant firstOf(Instant... candidates) {
		for (Instant candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return now();
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.UNNECESSARY);
	}

	private static String summary(OrderSnapshot order, OrderStatus target) {
		return order.channelCode() + " " + order.number() + ": " + order.status().apiName() + " → " + target.apiName();
	}

	private static String trackingNote(String carrier, String tracking) {
		if (carrier == null && tracking == null) {
			return null;
		}
		return limit(((carrier != null) ? carrier : "") + " " + ((tracking != null) ? tracking : ""), 300).strip();
	}

	private static String reason(String reason) {
		return (reason != null && !reason.isBlank()) ? limit(reason.strip(), 300) : null;
	}

	static String limit(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "system";
		}
		return limit(authentication.getName(), 64);
	}

	/** A SKU of the catalog as a line needs it. */
	private record Variant(long id, String title, boolean stocked) {
	}

	/** A line about to be written. */
	private record NewLine(int lineNo, Long variantId, String sku, String title, int quantity, BigDecimal unitPrice,
			BigDecimal discount, BigDecimal amount) {
	}

	private record TimelineRow(OrderStatus from, OrderStatus to, Instant at, String note) {
	}

}
