package io.shopops.fulfilment.inventory;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.platform.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Purchase orders: drafts whose lines can change, ordered, received (in one or several
 * receipts, each adding stock through {@link Inventory#receive}) or cancelled. Every
 * change locks the order's row first, so that concurrent receipts or a receipt racing a
 * cancellation cannot both pass the status check; each is written to the order's history
 * and audited in the same transaction.
 */
@Service
class PurchaseOrders {

	/** The reference type of receipts in the stock ledger. */
	static final String REFERENCE_TYPE = "purchase_order";

	private final JdbcClient jdbc;

	private final Inventory inventory;

	private final AuditLog auditLog;

	PurchaseOrders(JdbcClient jdbc, Inventory inventory, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.inventory = inventory;
		this.auditLog = auditLog;
	}

	/**
	 * Creates a draft.
	 * @return the new order's id
	 * @throws PurchaseOrderException if the supplier is unknown or inactive or the
	 * warehouse unknown
	 */
	@Transactional
	long create(PurchaseOrderForm form) {
		checkHeader(form);
		long id = this.jdbc.sql("""
				INSERT INTO purchase_order (supplier_id, warehouse, expected_on, note)
				VALUES (:supplier, :warehouse, :expectedOn, :note) RETURNING id""")
			.param("supplier", form.getSupplierId())
			.param("warehouse", form.getWarehouse())
			.param("expectedOn", form.getExpectedOn())
			.param("note", form.getNote())
			.query(Long.class)
			.single();
		history(id, PurchaseOrderAction.CREATED, PurchaseOrderStatus.DRAFT, form.summary());
		return id;
	}

	/**
	 * Creates a draft with lines, e.g. from reorder suggestions.
	 * @return the new order's id
	 */
	@Transactional
	long createDraft(long supplierId, String warehouse, List<DraftLine> lines) {
		PurchaseOrderForm form = new PurchaseOrderForm();
		form.setSupplierId(supplierId);
		form.setWarehouse(warehouse);
		long id = create(form);
		for (DraftLine line : lines) {
			insertLine(id, line.variantId(), line.sku(), line.quantity(), line.unitCost());
		}
		history(id, PurchaseOrderAction.LINE_SET, PurchaseOrderStatus.DRAFT,
				lines.size() + " line(s) from reorder suggestions");
		return id;
	}

	/**
	 * Changes the header of a draft.
	 * @throws OptimisticLockingFailureException if the order changed since the form was
	 * opened
	 */
	@Transactional
	void update(long id, PurchaseOrderForm form) {
		PurchaseOrderStatus status = lock(id);
		requireDraft(status);
		checkHeader(form);
		int updated = this.jdbc.sql("""
				UPDATE purchase_order SET supplier_id = :supplier, warehouse = :warehouse, expected_on = :expectedOn,
				  note = :note, version = version + 1, updated_at = now()
				WHERE id = :id AND version = :version""")
			.param("supplier", form.getSupplierId())
			.param("warehouse", form.getWarehouse())
			.param("expectedOn", form.getExpectedOn())
			.param("note", form.getNote())
			.param("id", id)
			.param("version", form.getVersion())
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("purchase order " + id + " changed");
		}
		history(id, PurchaseOrderAction.UPDATED, status, form.summary());
	}

	/**
	 * Adds a line to a draft, or gives the SKU's line the new quantity and cost.
	 * @throws PurchaseOrderException if the order is no draft or the SKU is unknown
	 */
	@Transactional
	void setLine(long id, PurchaseOrderLineForm form) {
		PurchaseOrderStatus status = lock(id);
		requireDraft(status);
		long variant = this.jdbc.sql("SELECT id FROM product_variant WHERE sku = :sku")
			.param("sku", form.getSku())
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new PurchaseOrderException("purchaseOrder.line.sku.unknown"));
		insertLine(id, variant, form.getSku(), form.getQuantity(), form.getUnitCost());
		history(id, PurchaseOrderAction.LINE_SET, status,
				form.getSku() + " × " + form.getQuantity() + " @ " + form.getUnitCost().toPlainString());
	}

	/**
	 * Removes a line of a draft.
	 * @throws PurchaseOrderException if the order is no draft
	 */
	@Transactional
	void removeLine(long id, long lineId) {
		PurchaseOrderStatus status = lock(id);
		requireDraft(status);
		String sku = this.jdbc
			.sql("DELETE FROM purchase_order_line WHERE id = :line AND purchase_order_id = :id " + "RETURNING sku")
			.param("line", lineId)
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new PurchaseOrderNotFoundException(id));
		touch(id);
		history(id, PurchaseOrderAction.LINE_REMOVED, status, sku);
	}

	/**
	 * Sends a draft to the supplier: draft → ordered.
	 * @throws PurchaseOrderException if the order is no draft or has no lines
	 */
	@Transactional
	void place(long id) {
		PurchaseOrderStatus status = lock(id);
		if (!status.canBecome(PurchaseOrderStatus.ORDERED)) {
			throw PurchaseOrderException.illegalTransition(PurchaseOrderStatus.ORDERED);
		}
		long lines = this.jdbc.sql("SELECT count(*) FROM purchase_order_line WHERE purchase_order_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		if (lines == 0) {
			throw new PurchaseOrderException("purchaseOrder.place.empty");
		}
		moveTo(id, PurchaseOrderStatus.ORDERED);
		history(id, PurchaseOrderAction.PLACED, PurchaseOrderStatus.ORDERED, lines + " line(s)");
	}

	/**
	 * Cancels a draft or ordered order. A partially received one keeps its receipts and
	 * cannot be cancelled.
	 * @throws PurchaseOrderException if the order is past ordered
	 */
	@Transactional
	void cancel(long id) {
		PurchaseOrderStatus status = lock(id);
		if (!status.canBecome(PurchaseOrderStatus.CANCELLED)) {
			throw PurchaseOrderException.illegalTransition(PurchaseOrderStatus.CANCELLED);
		}
		moveTo(id, PurchaseOrderStatus.CANCELLED);
		history(id, PurchaseOrderAction.CANCELLED, PurchaseOrderStatus.CANCELLED, "was " + status.name());
	}

	/**
	 * Receives units of an ordered or partially received order: each line's units are
	 * added to its warehouse's stock as a RECEIPT movement referencing this order, and
	 * the order becomes partially received or, with nothing outstanding, received. All
	 * lines or none: a refused line leaves every line and the stock unchanged.
	 * @param quantities units per line id; lines not named or with 0 receive nothing
	 * @return the status after the receipt
	 * @throws PurchaseOrderException if the order is not receivable, nothing is received,
	 * a quantity is negative or above what is outstanding, a line is not the order's, or
	 * its SKU was deleted
	 */
	@Transactional
	PurchaseOrderStatus receive(long id, Map<Long, Integer> quantities) {
		PurchaseOrderStatus status = lock(id);
		if (!status.isReceivable()) {
			throw PurchaseOrderException.illegalTransition(PurchaseOrderStatus.RECEIVED);
		}
		PurchaseOrder order = find(id).orElseThrow(() -> new PurchaseOrderNotFoundException(id));
		List<String> received = new ArrayList<>();
		for (Map.Entry<Long, Integer> entry : quantities.entrySet()) {
			int quantity = (entry.getValue() != null) ? entry.getValue() : 0;
			if (quantity == 0) {
				continue;
			}
			PurchaseOrder.Line line = order.lines()
				.stream()
				.filter((l) -> l.id() == entry.getKey())
				.findFirst()
				.orElseThrow(() -> new PurchaseOrderException("purchaseOrder.receive.unknownLine"));
			if (quantity < 0 || quantity > line.outstanding()) {
				throw new PurchaseOrderException("purchaseOrder.receive.tooMany", line.sku(), line.outstanding());
			}
			if (line.variantId() == null) {
				throw new PurchaseOrderException("purchaseOrder.receive.skuGone", line.sku());
			}
			this.jdbc.sql("UPDATE purchase_order_line SET received = received + :quantity WHERE id = :line")
				.param("quantity", quantity)
				.param("line", line.id())
				.update();
			this.inventory.receive(line.sku(), order.warehouse(), quantity,
					new StockReference(REFERENCE_TYPE, String.valueOf(id)));
			received.add(line.sku() + " × " + quantity);
		}
		if (received.isEmpty()) {
			throw new PurchaseOrderException("purchaseOrder.receive.nothing");
		}
		long outstanding = this.jdbc
			.sql("SELECT coalesce(sum(quantity - received), 0) FROM purchase_order_line WHERE purchase_order_id = :id")
			.param("id", id)
			.query(Long.class)
			.single();
		PurchaseOrderStatus next = PurchaseOrderStatus.afterReceipt(outstanding);
		moveTo(id, next);
		history(id, PurchaseOrderAction.RECEIVED, next, String.join(", ", received));
		return next;
	}

	/**
	 * The order with its lines (current SKU and product title) and history.
	 */
	@Transactional(readOnly = true)
	Optional<PurchaseOrder> find(long id) {
		List<PurchaseOrder.Line> lines = this.jdbc.sql("""
				SELECT l.id, l.variant_id, coalesce(v.sku, l.sku) AS sku, p.title, l.quantity, l.unit_cost, l.received
				FROM purchase_order_line l
				LEFT JOIN product_variant v ON v.id = l.variant_id
				LEFT JOIN product p ON p.id = v.product_id
				WHERE l.purchase_order_id = :id ORDER BY l.id""")
			.param("id", id)
			.query((rs, n) -> new PurchaseOrder.Line(rs.getLong("id"), (Long) rs.getObject("variant_id", Long.class),
					rs.getString("sku"), rs.getString("title"), rs.getInt("quantity"), rs.getBigDecimal("unit_cost"),
					rs.getInt("received")))
			.list();
		List<PurchaseOrder.Event> history = this.jdbc.sql("""
				SELECT created_at, action, status, detail, actor FROM purchase_order_event
				WHERE purchase_order_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, n) -> new PurchaseOrder.Event(rs.getObject("created_at", OffsetDateTime.class),
					PurchaseOrderAction.valueOf(rs.getString("action")),
					PurchaseOrderStatus.valueOf(rs.getString("status")), rs.getString("detail"), rs.getString("actor")))
			.list();
		return this.jdbc
			.sql("""
					SELECT o.id, o.supplier_id, s.name, o.warehouse, o.expected_on, o.status, o.note, o.version, o.created_at
					FROM purchase_order o JOIN supplier s ON s.id = o.supplier_id WHERE o.id = :id""")
			.param("id", id)
			.query((rs, n) -> new PurchaseOrder(rs.getLong("id"), rs.getLong("supplier_id"), rs.getString("name"),
					rs.getString("warehouse"), rs.getObject("expected_on", LocalDate.class),
					PurchaseOrderStatus.valueOf(rs.getString("status")), rs.getString("note"), rs.getLong("version"),
					rs.getObject("created_at", OffsetDateTime.class), lines, history))
			.optional();
	}

	/**
	 * A page of orders, newest first, before the given id.
	 * @param status only orders in this status, or {@code null} for all
	 * @param supplierId only this supplier's, or {@code null} for all
	 */
	@Transactional(readOnly = true)
	List<PurchaseOrder.Summary> list(PurchaseOrderStatus status, Long supplierId, long before, int limit) {
		return list(status, false, supplierId, before, limit);
	}

	/**
	 * Purchase orders newest first, paged by seek on the id.
	 * @param status the status to show, or {@code null} for any
	 * @param receivable whether to show only the orders still to be received (ordered or
	 * partially received)
	 * @param supplierId the supplier, or {@code null} for any
	 * @param before show orders with a smaller id than this
	 * @param limit the most rows
	 * @return the orders
	 */
	List<PurchaseOrder.Summary> list(PurchaseOrderStatus status, boolean receivable, Long supplierId, long before,
			int limit) {
		return this.jdbc.sql("""
				SELECT o.id, s.name, o.warehouse, o.expected_on, o.status, o.created_at,
				  l.lines, l.units, l.received, l.cost
				FROM purchase_order o
				JOIN supplier s ON s.id = o.supplier_id
				CROSS JOIN LATERAL (
				  SELECT count(*) AS lines, coalesce(sum(quantity), 0) AS units, coalesce(sum(received), 0) AS received,
				    coalesce(sum(quantity * unit_cost), 0) AS cost
				  FROM purchase_order_line WHERE purchase_order_id = o.id) l
				WHERE o.id < :before AND (CAST(:status AS varchar) IS NULL OR o.status = :status)
				  AND (NOT :receivable OR o.status IN ('ORDERED', 'PARTIALLY_RECEIVED'))
				  AND (CAST(:supplier AS bigint) IS NULL OR o.supplier_id = :supplier)
				ORDER BY o.id DESC
				LIMIT :limit""")
			.param("before", before)
			.param("receivable", receivable)
			.param("status", (status != null) ? status.name() : null)
			.param("supplier", supplierId)
			.param("limit", limit)
			.query(PurchaseOrders::summary)
			.list();
	}

	/**
	 * How many purchase orders wait to be received: ordered or partially received.
	 * @return the count
	 */
	long countReceivable() {
		return this.jdbc.sql("SELECT count(*) FROM purchase_order WHERE status IN ('ORDERED', 'PARTIALLY_RECEIVED')")
			.query(Long.class)
			.single();
	}

	private static PurchaseOrder.Summary summary(ResultSet rs, int row) throws SQLException {
		return new PurchaseOrder.Summary(rs.getLong("id"), rs.getString("name"), rs.getString("warehouse"),
				rs.getObject("expected_on", LocalDate.class), PurchaseOrderStatus.valueOf(rs.getString("status")),
				rs.getInt("lines"), rs.getLong("units"), rs.getLong("received"), rs.getBigDecimal("cost"),
				rs.getObject("created_at", OffsetDateTime.class));
	}

	private void checkHeader(PurchaseOrderForm form) {
		boolean supplier = this.jdbc.sql("SELECT count(*) FROM supplier WHERE id = :id AND active")
			.param("id", form.getSupplierId())
			.query(Long.class)
			.single() > 0;
		if (!supplier) {
			throw new PurchaseOrderException("purchaseOrder.supplier.unknown");
		}
		boolean warehouse = this.jdbc.sql("SELECT count(*) FROM warehouse WHERE code = :code AND active")
			.param("code", form.getWarehouse())
			.query(Long.class)
			.single() > 0;
		if (!warehouse) {
			throw new PurchaseOrderException("purchaseOrder.warehouse.unknown");
		}
	}

	private void insertLine(long id, long variantId, String sku, int quantity, BigDecimal unitCost) {
		this.jdbc.sql("""
				INSERT INTO purchase_order_line (purchase_order_id, variant_id, sku, quantity, unit_cost)
				VALUES (:id, :variant, :sku, :quantity, :cost)
				ON CONFLICT (purchase_order_id, variant_id)
				DO UPDATE SET quantity = EXCLUDED.quantity, unit_cost = EXCLUDED.unit_cost, sku = EXCLUDED.sku""")
			.param("id", id)
			.param("variant", variantId)
			.param("sku", sku)
			.param("quantity", quantity)
			.param("cost", unitCost)
			.update();
		touch(id);
	}

	/**
	 * Locks the order's row for the rest of the transaction.
	 * @return its status
	 */
	private PurchaseOrderStatus lock(long id) {
		return this.jdbc.sql("SELECT status FROM purchase_order WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(String.class)
			.optional()
			.map(PurchaseOrderStatus::valueOf)
			.orElseThrow(() -> new PurchaseOrderNotFoundException(id));
	}

	private static void requireDraft(PurchaseOrderStatus status) {
		if (!status.isEditable()) {
			throw new PurchaseOrderException("purchaseOrder.notDraft");
		}
	}

	private void moveTo(long id, PurchaseOrderStatus status) {
		this.jdbc
			.sql("UPDATE purchase_order SET status = :status, version = version + 1, updated_at = now() "
					+ "WHERE id = :id")
			.param("status", status.name())
			.param("id", id)
			.update();
	}

	private void touch(long id) {
		this.jdbc.sql("UPDATE purchase_order SET version = version + 1, updated_at = now() WHERE id = :id")
			.param("id", id)
			.update();
	}

	private void history(long id, PurchaseOrderAction action, PurchaseOrderStatus status, String detail) {
		String shown = (detail != null && detail.length() > 500) ? detail.substring(0, 497) + "…" : detail;
		this.jdbc.sql("""
				INSERT INTO purchase_order_event (purchase_order_id, action, status, detail, actor)
				VALUES (:id, :action, :status, :detail, :actor)""")
			.param("id", id)
			.param("action", action.name())
			.param("status", status.name())
			.param("detail", shown)
			.param("actor", Inventory.currentActor())
			.update();
		this.auditLog.record("PURCHASE_ORDER_" + action.name(), "purchaseorder", String.valueOf(id), shown);
	}

	/**
	 * A line of a new draft.
	 */
	record DraftLine(long variantId, String sku, int quantity, BigDecimal unitCost) {
	}

}
