package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderEvents.OrderCancelled;
import io.shopops.fulfilment.order.OrderEvents.OrderClosed;
import io.shopops.fulfilment.order.OrderEvents.OrderCompleted;
import io.shopops.fulfilment.order.OrderEvents.OrderDelivered;
import io.shopops.fulfilment.order.OrderEvents.OrderPaid;
import io.shopops.fulfilment.order.OrderEvents.OrderPlaced;
import io.shopops.fulfilment.order.OrderEvents.OrderShipped;
import io.shopops.fulfilment.order.OrderEvents.ShippedLine;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders.Placement;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records history orders (arriving shipped, delivered, completed, cancelled or closed) in
 * bulk: a batch of drafts costs a handful of set-based statements instead of several per
 * order, which is what a shop moving in with years of orders needs. The result is the
 * same as placing each draft through {@code Orders.place}: the order with its lines (an
 * unknown SKU kept as text), a shipment of everything for shipped ones, the timeline, the
 * events {@link OrderPlaced}, {@link OrderPaid}, {@link OrderShipped} and one per status
 * reached, and no stock movement. Drafts whose channel and number exist already are
 * skipped (idempotent). Public so that the order service's bulk placement can delegate
 * its history drafts here.
 * <p>
 * Callers check the drafts first (as the import does); content the tables refuse fails
 * the whole batch.
 */
@Component
public class HistoryOrderWriter {

	private final JdbcClient jdbc;

	private final ShopSettings shop;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	HistoryOrderWriter(JdbcClient jdbc, ShopSettings shop, AuditLog auditLog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.shop = shop;
		this.auditLog = auditLog;
		this.events = events;
	}

	/**
	 * Records history drafts of one channel.
	 * @param channel the channel of every draft
	 * @param warehouse the warehouse the orders belong to
	 * @param drafts history drafts, numbers unique within the list
	 * @param actor who records them, for the timeline and shipments
	 * @return the placements of the drafts in order; {@code created} is false for a draft
	 * that existed already (its order is then not loaded: {@code order} is {@code null})
	 */
	@Transactional
	public List<Placement> write(SalesChannel channel, String warehouse, List<OrderDraft> drafts, String actor) {
		if (drafts.isEmpty()) {
			return List.of();
		}
		String shopCurrency = this.shop.current().currency().getCurrencyCode();
		Map<String, Variant> variants = variants(drafts);
		List<Prepared> prepared = drafts.stream().map((draft) -> prepare(draft, variants, shopCurrency)).toList();
		Map<String, Long> ids = insertOrders(channel, warehouse, prepared);
		List<Prepared> created = prepared.stream().filter((order) -> ids.containsKey(order.draft().number())).toList();
		Map<Long, List<Long>> lineIds = insertLines(created, ids);
		insertShipments(created, ids, actor);
		insertTimeline(created, ids, actor);
		List<Placement> placements = new ArrayList<>(drafts.size());
		for (Prepared order : prepared) {
			Long id = ids.get(order.draft().number());
			if (id == null) {
				placements.add(new Placement(null, false));
				continue;
			}
			OrderSnapshot snapshot = snapshot(channel, warehouse, id, lineIds.get(id), order);
			publish(snapshot, order);
			placements.add(new Placement(snapshot, true));
		}
		if (!created.isEmpty()) {
			this.auditLog.record("ORDERS_IMPORTED", "orders", channel.code(),
					created.size() + " history orders recorded in bulk, " + created.get(0).draft().number() + " … "
							+ created.get(created.size() - 1).draft().number());
		}
		return placements;
	}

	private Map<String, Variant> variants(List<OrderDraft> drafts) {
		String[] skus = drafts.stream()
			.flatMap((draft) -> draft.lines().stream())
			.map(OrderDraft.Line::sku)
			.distinct()
			.toArray(String[]::new);
		Map<String, Variant> variants = new HashMap<>();
		this.jdbc.sql("""
				SELECT v.id, v.sku, concat_ws(' / ', p.title, v.option1_value, v.option2_value, v.option3_value)
				FROM product_variant v JOIN product p ON p.id = v.product_id WHERE v.sku = ANY (:skus::text[])""")
			.param("skus", skus)
			.query((rs, n) -> variants.put(rs.getString(2), new Variant(rs.getLong(1), limit(rs.getString(3), 255))))
			.list();
		return variants;
	}

	private static Prepared prepare(OrderDraft draft, Map<String, Variant> variants, String shopCurrency) {
		List<OrderSnapshot.Line> lines = new ArrayList<>(draft.lines().size());
		BigDecimal goods = BigDecimal.ZERO;
		for (OrderDraft.Line line : draft.lines()) {
			Variant variant = variants.get(line.sku());
			String title = (line.title() != null && !line.title().isBlank()) ? line.title().strip()
					: (variant != null) ? variant.title() : line.sku();
			BigDecimal discount = money(orZero(line.discount()));
			BigDecimal amount = money(
					line.unitPrice().multiply(BigDecimal.valueOf(line.quantity())).subtract(orZero(line.discount())));
			goods = goods.add(amount);
			lines.add(new OrderSnapshot.Line(0, line.sku(), (variant != null) ? variant.id() : null, limit(title, 255),
					line.quantity(), money(line.unitPrice()), discount, amount, 0));
		}
		Times given = (draft.times() != null) ? draft.times() : Times.placed(null, null);
		Instant placedAt = (given.placedAt() != null) ? micros(given.placedAt())
				: Instant.now().truncatedTo(ChronoUnit.MICROS);
		Times times = new Times(placedAt, micros(given.paidAt()), micros(given.shippedAt()),
				micros(given.deliveredAt()), micros(given.completedAt()), micros(given.cancelledAt()),
				micros(given.closedAt()));
		OrderStatus status = draft.status();
		boolean shipped = status == OrderStatus.SHIPPED || status == OrderStatus.DELIVERED
				|| status == OrderStatus.COMPLETED
				|| (status == OrderStatus.CLOSED && (times.shippedAt() != null || draft.shipment() != null));
		BigDecimal shippingFee = money(orZero(draft.shippingFee()));
		BigDecimal discount = money(orZero(draft.discount()));
		BigDecimal paid = money(goods.add(shippingFee).subtract(discount));
		String currency = (draft.currency() != null) ? draft.currency() : shopCurrency;
		return new Prepared(draft, times, shipped, lines, money(goods), shippingFee, discount, paid, currency,
				(draft.customer() != null) ? draft.customer() : new Customer(null, null, null, null),
				(draft.address() != null) ? draft.address() : new Address(null, null, null, null, null, null, null),
				(draft.utm() != null) ? draft.utm() : new Utm(null, null, null, null));
	}

	private Map<String, Long> insertOrders(SalesChannel channel, String warehouse, List<Prepared> orders) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc
			.sql("""
					INSERT INTO shop_order (channel_id, number, status, source, history, warehouse, currency, goods_amount,
					  shipping_fee, discount, paid_amount, customer_name, customer_phone, customer_email, buyer_id,
					  ship_name, ship_phone, ship_province, ship_city, ship_district, ship_line1, ship_postcode,
					  coupon_code, utm_source, utm_medium, utm_campaign, utm_content, content_code, visitor_id, note,
					  placed_at, paid_at, shipped_at, delivered_at, completed_at, cancelled_at, closed_at)
					SELECT :channel, o.number, o.status, o.source, true, :warehouse, o.currency, o.goods, o.fee, o.discount,
					  o.paid, o.c1, o.c2, o.c3, o.c4, o.a1, o.a2, o.a3, o.a4, o.a5, o.a6, o.a7, o.coupon, o.u1, o.u2, o.u3,
					  o.u4, o.content, o.visitor, o.note, o.t1, o.t2, o.t3, o.t4, o.t5, o.t6, o.t7
					FROM unnest(:numbers::text[], :statuses::text[], :sources::text[], :currencies::text[],
					  :goods::numeric[], :fees::numeric[], :discounts::numeric[], :paid::numeric[], :c1::text[], :c2::text[],
					  :c3::text[], :c4::text[], :a1::text[], :a2::text[], :a3::text[], :a4::text[], :a5::text[], :a6::text[],
					  :a7::text[], :coupons::text[], :u1::text[], :u2::text[], :u3::text[], :u4::text[], :contents::text[],
					  :visitors::text[], :notes::text[], :t1::timestamptz[], :t2::timestamptz[], :t3::timestamptz[],
					  :t4::timestamptz[], :t5::timestamptz[], :t6::timestamptz[], :t7::timestamptz[])
					  WITH ORDINALITY AS o (number, status, source, currency, goods, fee, discount, paid, c1, c2, c3, c4,
					  a1, a2, a3, a4, a5, a6, a7, coupon, u1, u2, u3, u4, content, visitor, note, t1, t2, t3, t4, t5, t6, t7,
					  n)
					ORDER BY o.n
					ON CONFLICT (channel_id, number) DO NOTHING
					RETURNING id, number""")
			.param("channel", channel.id())
			.param("warehouse", warehouse)
			.param("numbers", texts(orders, (o) -> o.draft().number()))
			.param("statuses", texts(orders, (o) -> o.draft().status().name()))
			.param("sources", texts(orders, (o) -> o.draft().source().name()))
			.param("currencies", texts(orders, Prepared::currency))
			.param("goods", texts(orders, (o) -> o.goods().toPlainString()))
			.param("fees", texts(orders, (o) -> o.shippingFee().toPlainString()))
			.param("discounts", texts(orders, (o) -> o.discount().toPlainString()))
			.param("paid", texts(orders, (o) -> o.paid().toPlainString()))
			.param("c1", texts(orders, (o) -> o.customer().name()))
			.param("c2", texts(orders, (o) -> o.customer().phone()))
			.param("c3", texts(orders, (o) -> o.customer().email()))
			.param("c4", texts(orders, (o) -> o.customer().buyerId()))
			.param("a1", texts(orders, (o) -> o.address().name()))
			.param("a2", texts(orders, (o) -> o.address().phone()))
			.param("a3", texts(orders, (o) -> o.address().province()))
			.param("a4", texts(orders, (o) -> o.address().city()))
			.param("a5", texts(orders, (o) -> o.address().district()))
			.param("a6", texts(orders, (o) -> o.address().line1()))
			.param("a7", texts(orders, (o) -> o.address().postcode()))
			.param("coupons", texts(orders, (o) -> o.draft().couponCode()))
			.param("u1", texts(orders, (o) -> o.utm().source()))
			.param("u2", texts(orders, (o) -> o.utm().medium()))
			.param("u3", texts(orders, (o) -> o.utm().campaign()))
			.param("u4", texts(orders, (o) -> o.utm().content()))
			.param("contents", texts(orders, (o) -> o.draft().contentCode()))
			.param("visitors", texts(orders, (o) -> o.draft().visitorId()))
			.param("notes", texts(orders, (o) -> o.draft().note()))
			.param("t1", texts(orders, (o) -> text(o.times().placedAt())))
			.param("t2", texts(orders, (o) -> text(o.times().paidAt())))
			.param("t3", texts(orders, (o) -> text(o.times().shippedAt())))
			.param("t4", texts(orders, (o) -> text(o.times().deliveredAt())))
			.param("t5", texts(orders, (o) -> text(o.times().completedAt())))
			.param("t6", texts(orders, (o) -> text(o.times().cancelledAt())))
			.param("t7", texts(orders, (o) -> text(o.times().closedAt())))
			.query((rs, n) -> ids.put(rs.getString(2), rs.getLong(1)))
			.list();
		return ids;
	}

	private Map<Long, List<Long>> insertLines(List<Prepared> orders, Map<String, Long> ids) {
		List<String> orderIds = new ArrayList<>();
		List<String> lineNos = new ArrayList<>();
		List<String> variants = new ArrayList<>();
		List<String> skus = new ArrayList<>();
		List<String> titles = new ArrayList<>();
		List<String> quantities = new ArrayList<>();
		List<String> prices = new ArrayList<>();
		List<String> discounts = new ArrayList<>();
		List<String> amounts = new ArrayList<>();
		List<String> shipped = new ArrayList<>();
		for (Prepared order : orders) {
			long id = ids.get(order.draft().number());
			for (int i = 0; i < order.lines().size(); i++) {
				OrderSnapshot.Line line = order.lines().get(i);
				orderIds.add(String.valueOf(id));
				lineNos.add(String.valueOf(i + 1));
				variants.add((line.variantId() != null) ? String.valueOf(line.variantId()) : null);
				skus.add(line.sku());
				titles.add(line.title());
				quantities.add(String.valueOf(line.quantity()));
				prices.add(line.unitPrice().toPlainString());
				discounts.add(line.discount().toPlainString());
				amounts.add(line.amount().toPlainString());
				shipped.add(String.valueOf(order.shipped() ? line.quantity() : 0));
			}
		}
		Map<Long, List<Long>> lineIds = new HashMap<>();
		if (orderIds.isEmpty()) {
			return lineIds;
		}
		this.jdbc.sql("""
				INSERT INTO order_line (order_id, line_no, variant_id, sku, title, quantity, unit_price, discount,
				  amount, shipped_quantity)
				SELECT l.order_id, l.line_no, l.variant_id, l.sku, l.title, l.quantity, l.unit_price, l.discount,
				  l.amount, l.shipped
				FROM unnest(:orders::bigint[], :lineNos::int[], :variants::bigint[], :skus::text[], :titles::text[],
				  :quantities::int[], :prices::numeric[], :discounts::numeric[], :amounts::numeric[], :shipped::int[])
				  AS l (order_id, line_no, variant_id, sku, title, quantity, unit_price, discount, amount, shipped)
				ORDER BY l.order_id, l.line_no
				RETURNING id, order_id, line_no""")
			.param("orders", orderIds.toArray(String[]::new))
			.param("lineNos", lineNos.toArray(String[]::new))
			.param("variants", variants.toArray(String[]::new))
			.param("skus", skus.toArray(String[]::new))
			.param("titles", titles.toArray(String[]::new))
			.param("quantities", quantities.toArray(String[]::new))
			.param("prices", prices.toArray(String[]::new))
			.param("discounts", discounts.toArray(String[]::new))
			.param("amounts", amounts.toArray(String[]::new))
			.param("shipped", shipped.toArray(String[]::new))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getLong(3) })
			.list()
			.stream()
			.sorted((a, b) -> (a[1] != b[1]) ? Long.compare(a[1], b[1]) : Long.compare(a[2], b[2]))
			.forEach((row) -> lineIds.computeIfAbsent(row[1], (key) -> new ArrayList<>()).add(row[0]));
		return lineIds;
	}

	private void insertShipments(List<Prepared> orders, Map<String, Long> ids, String actor) {
		List<Prepared> shipped = orders.stream().filter(Prepared::shipped).toList();
		if (shipped.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				WITH s AS (
				  INSERT INTO shipment (order_id, carrier, tracking_number, shipped_at, actor)
				  SELECT s.order_id, s.carrier, s.tracking, s.at, :actor
				  FROM unnest(:orders::bigint[], :carriers::text[], :trackings::text[], :ats::timestamptz[])
				    AS s (order_id, carrier, tracking, at)
				  RETURNING id, order_id)
				INSERT INTO shipment_line (shipment_id, order_line_id, quantity)
				SELECT s.id, l.id, l.quantity FROM s JOIN order_line l ON l.order_id = s.order_id""")
			.param("actor", actor)
			.param("orders", texts(shipped, (o) -> String.valueOf(ids.get(o.draft().number()))))
			.param("carriers",
					texts(shipped, (o) -> (o.draft().shipment() != null) ? o.draft().shipment().carrier() : null))
			.param("trackings",
					texts(shipped,
							(o) -> (o.draft().shipment() != null) ? o.draft().shipment().trackingNumber() : null))
			.param("ats", texts(shipped, (o) -> text(shippedAt(o.times()))))
			.update();
	}

	private void insertTimeline(List<Prepared> orders, Map<String, Long> ids, String actor) {
		List<String> orderIds = new ArrayList<>();
		List<String> froms = new ArrayList<>();
		List<String> tos = new ArrayList<>();
		List<String> ats = new ArrayList<>();
		for (Prepared order : orders) {
			String id = String.valueOf(ids.get(order.draft().number()));
			OrderStatus last = null;
			for (Step step : steps(order)) {
				orderIds.add(id);
				froms.add((last != null) ? last.name() : null);
				tos.add(step.status().name());
				ats.add(text(step.at()));
				last = step.status();
			}
		}
		this.jdbc.sql("""
				INSERT INTO order_status_change (order_id, from_status, to_status, at, actor)
				SELECT t.order_id, t.from_status, t.to_status, t.at, :actor
				FROM unnest(:orders::bigint[], :froms::text[], :tos::text[], :ats::timestamptz[])
				  WITH ORDINALITY AS t (order_id, from_status, to_status, at, n)
				ORDER BY t.n""")
			.param("actor", actor)
			.param("orders", orderIds.toArray(String[]::new))
			.param("froms", froms.toArray(String[]::new))
			.param("tos", tos.toArray(String[]::new))
			.param("ats", ats.toArray(String[]::new))
			.update();
	}

	/**
	 * The statuses a history order went through, as the order service records them.
	 */
	private static List<Step> steps(Prepared order) {
		Times times = order.times();
		OrderStatus status = order.draft().status();
		List<Step> steps = new ArrayList<>();
		steps.add(new Step(OrderStatus.PENDING_PAYMENT, times.placedAt()));
		if (times.paidAt() != null) {
			steps.add(new Step(OrderStatus.PAID, times.paidAt()));
		}
		if (order.shipped()) {
			steps.add(new Step(OrderStatus.SHIPPED, shippedAt(times)));
		}
		if (times.deliveredAt() != null && order.shipped() && status != OrderStatus.SHIPPED) {
			steps.add(new Step(OrderStatus.DELIVERED, times.deliveredAt()));
		}
		if (status == OrderStatus.COMPLETED || (status == OrderStatus.CLOSED && times.completedAt() != null)) {
			steps.add(new Step(OrderStatus.COMPLETED, firstOf(times.completedAt(), times.placedAt())));
		}
		if (status == OrderStatus.CANCELLED) {
			steps.add(new Step(OrderStatus.CANCELLED, firstOf(times.cancelledAt(), times.placedAt())));
		}
		if (status == OrderStatus.CLOSED) {
			steps.add(new Step(OrderStatus.CLOSED, firstOf(times.closedAt(), times.placedAt())));
		}
		return steps;
	}

	private void publish(OrderSnapshot order, Prepared prepared) {
		Times times = prepared.times();
		this.events.publishEvent(new OrderPlaced(order, times.placedAt()));
		if (times.paidAt() != null) {
			this.events.publishEvent(new OrderPaid(order, times.paidAt()));
		}
		if (prepared.shipped()) {
			String carrier = (prepared.draft().shipment() != null) ? prepared.draft().shipment().carrier() : null;
			String tracking = (prepared.draft().shipment() != null) ? prepared.draft().shipment().trackingNumber()
					: null;
			this.events.publishEvent(new OrderShipped(order, shippedAt(times), carrier, tracking,
					order.lines()
						.stream()
						.map((line) -> new ShippedLine(line.id(), line.sku(), line.quantity()))
						.toList()));
		}
		for (Step step : steps(prepared)) {
			switch (step.status()) {
				case DELIVERED -> this.events.publishEvent(new OrderDelivered(order, step.at()));
				case COMPLETED -> this.events.publishEvent(new OrderCompleted(order, step.at()));
				case CANCELLED -> this.events.publishEvent(new OrderCancelled(order, step.at(), null));
				case CLOSED -> this.events.publishEvent(new OrderClosed(order, step.at(), null));
				default -> {
				}
			}
		}
	}

	private static OrderSnapshot snapshot(SalesChannel channel, String warehouse, long id, List<Long> lineIds,
			Prepared order) {
		List<OrderSnapshot.Line> lines = new ArrayList<>(order.lines().size());
		for (int i = 0; i < order.lines().size(); i++) {
			OrderSnapshot.Line line = order.lines().get(i);
			lines
				.add(new OrderSnapshot.Line(lineIds.get(i), line.sku(), line.variantId(), line.title(), line.quantity(),
						line.unitPrice(), line.discount(), line.amount(), order.shipped() ? line.quantity() : 0));
		}
		OrderDraft draft = order.draft();
		return new OrderSnapshot(id, channel.code(), channel.platform(), draft.number(), draft.status(), order.times(),
				order.customer(), order.address(), lines, order.goods(), order.shippingFee(), order.discount(),
				order.paid(), order.currency(), draft.couponCode(), order.utm(), draft.contentCode(), draft.visitorId(),
				draft.note(), draft.source(), true, warehouse);
	}

	private static Instant shippedAt(Times times) {
		return firstOf(times.shippedAt(), times.paidAt(), times.placedAt());
	}

	private static Instant firstOf(Instant... candidates) {
		for (Instant candidate : candidates) {
			if (candidate != null) {
				return candidate;
			}
		}
		return Instant.now();
	}

	private static String[] texts(List<Prepared> orders, Function<Prepared, String> value) {
		String[] texts = new String[orders.size()];
		for (int i = 0; i < texts.length; i++) {
			texts[i] = value.apply(orders.get(i));
		}
		return texts;
	}

	private static String text(Instant at) {
		return (at != null) ? at.toString() : null;
	}

	private static Instant micros(Instant at) {
		return (at != null) ? at.truncatedTo(ChronoUnit.MICROS) : null;
	}

	private static BigDecimal orZero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO;
	}

	private static BigDecimal money(BigDecimal value) {
		return value.setScale(2, RoundingMode.HALF_UP);
	}

	private static String limit(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	private record Variant(long id, String title) {
	}

	private record Step(OrderStatus status, Instant at) {
	}

	private record Prepared(OrderDraft draft, Times times, boolean shipped, List<OrderSnapshot.Line> lines,
			BigDecimal goods, BigDecimal shippingFee, BigDecimal discount, BigDecimal paid, String currency,
			Customer customer, Address address, Utm utm) {
	}

}
