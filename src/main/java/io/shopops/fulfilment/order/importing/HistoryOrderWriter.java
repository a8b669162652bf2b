package io.shopops.fulfilment.order.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import javax.sql.DataSource;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderEvents.HistoryRecorded;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders.Placement;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Records history orders (arriving shipped, delivered, completed, cancelled or closed) in
 * bulk: a batch of drafts costs a handful of set-based statements instead of several per
 * order, which is what a shop moving in with years of orders needs. The result is the
 * same as placing each draft through {@code Orders.place}: the order with its lines (an
 * unknown SKU kept as text), a shipment of everything for shipped ones, the timeline, and
 * no stock movement; instead of each order's events ({@code OrderPlaced} and one per
 * status reached) the batch publishes one {@link HistoryRecorded} with every order's
 * snapshot. Drafts whose channel and number exist already are skipped (idempotent).
 * Public so that the order service's bulk placement can delegate its history drafts here.
 * <p>
 * Callers check the drafts first (as the import does); content the tables refuse fails
 * the whole batch.
 */
@Component
public class HistoryOrderWriter {

	private static final Logger log = LoggerFactory.getLogger(HistoryOrderWriter.class);

	private final JdbcClient jdbc;

	private final DataSource dataSource;

	private final ShopSettings shop;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	HistoryOrderWriter(JdbcClient jdbc, DataSource dataSource, ShopSettings shop, AuditLog auditLog,
			ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.dataSource = dataSource;
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
		long start = System.nanoTime();
		String shopCurrency = this.shop.current().currency().getCurrencyCode();
		Map<String, Variant> variants = variants(drafts);
		List<Prepared> prepared = drafts.stream().map((draft) -> prepare(draft, variants, shopCurrency)).toList();
		long prepare = System.nanoTime();
		Written written;
		try {
			written = copy(channel, warehouse, prepared, actor);
		}
		catch (SQLException ex) {
			throw new IllegalStateException("Recording history orders failed in the database", ex);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long copied = System.nanoTime();
		Map<String, Long> ids = written.orderIds();
		Map<Long, List<Long>> lineIds = written.lineIds();
		List<Prepared> created = prepared.stream().filter((order) -> ids.containsKey(order.draft().number())).toList();
		List<Placement> placements = new ArrayList<>(drafts.size());
		List<OrderSnapshot> recorded = new ArrayList<>(created.size());
		for (Prepared order : prepared) {
			Long id = ids.get(order.draft().number());
			if (id == null) {
				placements.add(new Placement(null, false));
				continue;
			}
			OrderSnapshot snapshot = snapshot(channel, warehouse, id, lineIds.get(id), order);
			recorded.add(snapshot);
			placements.add(new Placement(snapshot, true));
		}
		if (!recorded.isEmpty()) {
			// one publication per listener for the batch: the per-order events cost more
			// than
			// writing the orders
			this.events.publishEvent(new HistoryRecorded(recorded, Instant.now()));
		}
		log.debug("{} history orders: prepare {} ms, copy {} ms, events {} ms", drafts.size(),
				(prepare - start) / 1_000_000, (copied - prepare) / 1_000_000,
				(System.nanoTime() - copied) / 1_000_000);
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

	/**
	 * Writes the orders that are not there yet with COPY, ids drawn from the tables'
	 * sequences first: the fastest way PostgreSQL takes rows.
	 * @return the ids of the orders written, by number, and their line ids in line order
	 */
	private Written copy(SalesChannel channel, String warehouse, List<Prepared> orders, String actor)
			throws SQLException, IOException {
		Set<String> there = new HashSet<>(this.jdbc
			.sql("SELECT number FROM shop_order WHERE channel_id = :channel AND number = ANY (:numbers::text[])")
			.param("channel", channel.id())
			.param("numbers", orders.stream().map((o) -> o.draft().number()).toArray(String[]::new))
			.query(String.class)
			.list());
		List<Prepared> fresh = orders.stream().filter((o) -> !there.contains(o.draft().number())).toList();
		Written written = new Written(new HashMap<>(), new HashMap<>());
		if (fresh.isEmpty()) {
			return written;
		}
		int lineCount = fresh.stream().mapToInt((o) -> o.lines().size()).sum();
		List<Prepared> shipped = fresh.stream().filter(Prepared::shipped).toList();
		long[] orderIds = ids("shop_order", fresh.size());
		long[] lineIds = ids("order_line", lineCount);
		long[] shipmentIds = ids("shipment", shipped.size());
		CopyRows orderRows = new CopyRows();
		CopyRows lineRows = new CopyRows();
		CopyRows shipmentRows = new CopyRows();
		CopyRows shipmentLineRows = new CopyRows();
		CopyRows timelineRows = new CopyRows();
		int line = 0;
		int shipment = 0;
		for (int i = 0; i < fresh.size(); i++) {
			Prepared order = fresh.get(i);
			OrderDraft draft = order.draft();
			long id = orderIds[i];
			written.orderIds().put(draft.number(), id);
			orderRows.row(id, channel.id(), draft.number(), draft.status().name(), draft.source().name(), "t",
					warehouse, order.currency(), order.goods(), order.shippingFee(), order.discount(), order.paid(),
					order.customer().name(), order.customer().phone(), order.customer().email(),
					order.customer().buyerId(), order.address().name(), order.address().phone(),
					order.address().province(), order.address().city(), order.address().district(),
					order.address().line1(), order.address().postcode(), draft.couponCode(), order.utm().source(),
					order.utm().medium(), order.utm().campaign(), order.utm().content(), draft.contentCode(),
					draft.visitorId(), draft.note(), order.times().placedAt(), order.times().paidAt(),
					order.times().shippedAt(), order.times().deliveredAt(), order.times().completedAt(),
					order.times().cancelledAt(), order.times().closedAt());
			Long shipmentId = order.shipped() ? shipmentIds[shipment++] : null;
			if (shipmentId != null) {
				OrderDraft.Shipment parcel = draft.shipment();
				shipmentRows.row(shipmentId, id, (parcel != null) ? parcel.carrier() : null,
						(parcel != null) ? parcel.trackingNumber() : null, shippedAt(order.times()), actor);
			}
			List<Long> ids = new ArrayList<>(order.lines().size());
			for (int n = 0; n < order.lines().size(); n++) {
				OrderSnapshot.Line item = order.lines().get(n);
				long lineId = lineIds[line++];
				ids.add(lineId);
				lineRows.row(lineId, id, n + 1, item.variantId(), item.sku(), item.title(), item.quantity(),
						item.unitPrice(), item.discount(), item.amount(), order.shipped() ? item.quantity() : 0);
				if (shipmentId != null) {
					shipmentLineRows.row(shipmentId, lineId, item.quantity());
				}
			}
			written.lineIds().put(id, ids);
			OrderStatus last = null;
			for (Step step : steps(order)) {
				timelineRows.row(id, (last != null) ? last.name() : null, step.status().name(), step.at(), actor);
				last = step.status();
			}
		}
		Connection connection = DataSourceUtils.getConnection(this.dataSource);
		CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
		copy.copyIn("COPY shop_order (id, channel_id, number, status, source, history, warehouse, currency, "
				+ "goods_amount, shipping_fee, discount, paid_amount, customer_name, customer_phone, customer_email, "
				+ "buyer_id, ship_name, ship_phone, ship_province, ship_city, ship_district, ship_line1, ship_postcode, "
				+ "coupon_code, utm_source, utm_medium, utm_campaign, utm_content, content_code, visitor_id, note, "
				+ "placed_at, paid_at, shipped_at, delivered_at, completed_at, cancelled_at, closed_at) FROM STDIN",
				orderRows.reader());
		copy.copyIn("COPY order_line (id, order_id, line_no, variant_id, sku, title, quantity, unit_price, discount, "
				+ "amount, shipped_quantity) FROM STDIN", lineRows.reader());
		if (!shipped.isEmpty()) {
			copy.copyIn("COPY shipment (id, order_id, carrier, tracking_number, shipped_at, actor) FROM STDIN",
					shipmentRows.reader());
			copy.copyIn("COPY shipment_line (shipment_id, order_line_id, quantity) FROM STDIN",
					shipmentLineRows.reader());
		}
		copy.copyIn("COPY order_status_change (order_id, from_status, to_status, at, actor) FROM STDIN",
				timelineRows.reader());
		return written;
	}

	/**
	 * Draws {@code count} ids from the sequence of a table's {@code id} column.
	 */
	private long[] ids(String table, int count) {
		if (count == 0) {
			return new long[0];
		}
		return this.jdbc.sql("SELECT nextval(pg_get_serial_sequence(:table, 'id')) FROM generate_series(1, :count)")
			.param("table", table)
			.param("count", count)
			.query(Long.class)
			.list()
			.stream()
			.mapToLong(Long::longValue)
			.toArray();
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

	private record Written(Map<String, Long> orderIds, Map<Long, List<Long>> lineIds) {
	}

	private record Step(OrderStatus status, Instant at) {
	}

	private record Prepared(OrderDraft draft, Times times, boolean shipped, List<OrderSnapshot.Line> lines,
			BigDecimal goods, BigDecimal shippingFee, BigDecimal discount, BigDecimal paid, String currency,
			Customer customer, Address address, Utm utm) {
	}

}
