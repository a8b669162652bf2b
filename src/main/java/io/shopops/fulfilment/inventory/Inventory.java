package io.shopops.fulfilment.inventory;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.Assert;

/**
 * The one writer of stock. Each operation changes one {@code stock_item} row and appends
 * one row to the movement ledger in the same transaction, so that stock always equals the
 * ledger's sums. Each change is a single conditional update: stock never goes negative
 * and reserved never exceeds on hand, however many callers race for the same SKU.
 * <p>
 * Operations on several rows ({@link #reserve(List, StockReference)}) lock them in
 * {@code (variant_id, warehouse)} order, so that concurrent callers cannot deadlock.
 */
@Service
public class Inventory {

	/** The warehouse every new SKU starts in. */
	public static final String DEFAULT_WAREHOUSE = "MAIN";

	static final int MAX_REASON = 300;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	Inventory(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * Opens the stock row of a new SKU in {@link #DEFAULT_WAREHOUSE} with its initial
	 * quantity, recorded as an {@link MovementKind#INITIAL} movement.
	 * @param variantId the new SKU's variant id
	 * @param quantity the initial units on hand, zero or more
	 */
	@Transactional
	public void openStock(long variantId, int quantity) {
		Assert.isTrue(quantity >= 0, "quantity must not be negative");
		this.jdbc.sql("""
				WITH s AS (
				  INSERT INTO stock_item (variant_id, warehouse, on_hand) VALUES (:variant, :warehouse, :quantity)
				  ON CONFLICT (variant_id, warehouse) DO NOTHING
				  RETURNING variant_id, warehouse, on_hand
				)
				INSERT INTO stock_movement (variant_id, warehouse, kind, on_hand_delta, reserved_delta, actor)
				SELECT variant_id, warehouse, 'INITIAL', on_hand, 0, :actor FROM s""")
			.param("variant", variantId)
			.param("warehouse", DEFAULT_WAREHOUSE)
			.param("quantity", quantity)
			.param("actor", currentActor())
			.update();
	}

	/**
	 * Opens the stock rows of many new SKUs in {@link #DEFAULT_WAREHOUSE} at once, each
	 * with its {@link MovementKind#INITIAL} movement, in one set-based statement (for
	 * imports). A SKU that already has a row there keeps it unchanged and gets no
	 * movement.
	 * @param variantIds the new SKUs' variant ids
	 * @param quantities their initial units on hand, index by index, zero or more
	 * @param reason why, recorded on the movements, may be {@code null}
	 * @return the number of stock rows opened
	 */
	@Transactional
	public int openStock(long[] variantIds, int[] quantities, String reason) {
		Assert.isTrue(variantIds.length == quantities.length, "one quantity per variant");
		for (int quantity : quantities) {
			Assert.isTrue(quantity >= 0, "quantity must not be negative");
		}
		Assert.isTrue(reason == null || reason.length() <= MAX_REASON, "reason too long");
		if (variantIds.length == 0) {
			return 0;
		}
		return this.jdbc.sql("""
				WITH s AS (
				  INSERT INTO stock_item (variant_id, warehouse, on_hand)
				  SELECT t.variant_id, ?, t.quantity FROM unnest(?::bigint[], ?::int[]) AS t(variant_id, quantity)
				  ON CONFLICT (variant_id, warehouse) DO NOTHING
				  RETURNING variant_id, warehouse, on_hand
				)
				INSERT INTO stock_movement (variant_id, warehouse, kind, on_hand_delta, reserved_delta, reason, actor)
				SELECT variant_id, warehouse, 'INITIAL', on_hand, 0, ?, ? FROM s""")
			.params(DEFAULT_WAREHOUSE, variantIds, quantities, reason, currentActor())
			.update();
	}

	/**
	 * Corrects the units on hand by a signed amount, audited. A reduction may not take on
	 * hand below what is reserved.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param delta the change, not zero
	 * @param reason why, required
	 * @return the stock after the change
	 * @throws InsufficientStockException if the reduction exceeds the available units
	 * @throws StockItemNotFoundException if the SKU has no stock in the warehouse
	 */
	@Transactional
	public StockLevel adjust(String sku, String warehouse, int delta, String reason) {
		Assert.isTrue(delta != 0, "delta must not be zero");
		Assert.hasText(reason, "an adjustment needs a reason");
		Assert.isTrue(reason.strip().length() <= MAX_REASON, "reason too long");
		StockLevel after = move(sku, warehouse, MovementKind.ADJUSTMENT, delta, 0, null, reason.strip());
		String detail = "on hand " + (after.onHand() - delta) + " → " + after.onHand() + " (" + signed(delta) + "): "
				+ reason.strip();
		this.auditLog.record("STOCK_ADJUSTED", "stock", sku + "@" + warehouse, detail);
		return after;
	}

	/**
	 * Adds received units, e.g. from a purchase order, opening the SKU's stock row in the
	 * warehouse if it has none yet.
	 * @param sku the SKU
	 * @param warehouse an existing warehouse's code
	 * @param quantity the units received, at least 1
	 * @param reference what was received against, may be {@code null}
	 * @return the stock after the receipt
	 */
	@Transactional
	public StockLevel receive(String sku, String warehouse, int quantity, StockReference reference) {
		Assert.isTrue(quantity > 0, "quantity must be positive");
		long variant = variantId(sku).orElseThrow(() -> new StockItemNotFoundException(sku, warehouse));
		try {
			this.jdbc.sql("""
					INSERT INTO stock_item (variant_id, warehouse) VALUES (:variant, :warehouse)
					ON CONFLICT (variant_id, warehouse) DO NOTHING""")
				.param("variant", variant)
				.param("warehouse", warehouse)
				.update();
		}
		catch (DataIntegrityViolationException ex) {
			throw new StockItemNotFoundException(sku, warehouse);
		}
		return move(variant, sku, warehouse, MovementKind.RECEIPT, quantity, 0, reference, null);
	}

	/**
	 * Sets the units on hand to a counted quantity, as a {@link MovementKind#STOCK_TAKE}
	 * movement of the difference; nothing is written when the count equals on hand. The
	 * stock row is locked while the difference is computed, so a movement racing the
	 * count cannot slip between them; a SKU without stock in the warehouse gets its row
	 * opened.
	 * @param sku the SKU
	 * @param warehouse an existing warehouse's code
	 * @param counted the units counted, zero or more
	 * @param reference the stock-take, required
	 * @return the stock after the count
	 * @throws InsufficientStockException if fewer units were counted than are reserved
	 * @throws StockItemNotFoundException if the SKU or the warehouse does not exist
	 */
	@Transactional
	public StockLevel count(String sku, String warehouse, int counted, StockReference reference) {
		Assert.isTrue(counted >= 0, "counted must not be negative");
		Assert.notNull(reference, "a stock-take needs a reference");
		long variant = variantId(sku).orElseThrow(() -> new StockItemNotFoundException(sku, warehouse));
		Optional<StockLevel> locked = lockedLevel(variant, sku, warehouse);
		if (locked.isEmpty()) {
			boolean warehouseExists = this.jdbc.sql("SELECT count(*) FROM warehouse WHERE code = :code")
				.param("code", warehouse)
				.query(Long.class)
				.single() > 0;
			if (!warehouseExists) {
				throw new StockItemNotFoundException(sku, warehouse);
			}
			if (counted == 0) {
				// nothing counted where nothing was: no row to open, no movement to write
				return new StockLevel(sku, warehouse, 0, 0);
			}
			this.jdbc.sql("""
					INSERT INTO stock_item (variant_id, warehouse) VALUES (:variant, :warehouse)
					ON CONFLICT (variant_id, warehouse) DO NOTHING""")
				.param("variant", variant)
				.param("warehouse", warehouse)
				.update();
			locked = lockedLevel(variant, sku, warehouse);
		}
		StockLevel before = locked.orElseThrow(() -> new StockItemNotFoundException(sku, warehouse));
		if (counted < before.reserved()) {
			throw new InsufficientStockException(sku, warehouse);
		}
		if (counted == before.onHand()) {
			return before;
		}
		return move(variant, sku, warehouse, MovementKind.STOCK_TAKE, counted - before.onHand(), 0, reference, null);
	}

	/**
	 * Claims available units for an order.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param quantity the units, at least 1
	 * @param reference the order, required
	 * @return the stock after the reservation
	 * @throws InsufficientStockException if fewer units are available
	 */
	@Transactional
	public StockLevel reserve(String sku, String warehouse, int quantity, StockReference reference) {
		return reserve(List.of(new StockRequest(sku, warehouse, quantity)), reference).get(0);
	}

	/**
	 * Claims the units of several lines, all or none. Lines of the same SKU and warehouse
	 * are added up; rows are locked in {@code (variant_id, warehouse)} order.
	 * @param requests the lines, not empty
	 * @param reference the order, required
	 * @return the stock after the reservation, one per distinct SKU and warehouse, in
	 * locking order
	 * @throws InsufficientStockException if any line cannot be reserved in full; nothing
	 * is reserved then
	 */
	@Transactional
	public List<StockLevel> reserve(List<StockRequest> requests, StockReference reference) {
		Assert.notEmpty(requests, "nothing to reserve");
		Assert.notNull(reference, "a reservation needs a reference");
		List<Claim> claims = claims(requests);
		if (claims.size() == 1) {
			// one row: nothing to order the locks by, so the SKU is resolved in the
			// update
			Claim claim = claims.get(0);
			return List.of(move(claim.sku(), claim.warehouse(), MovementKind.RESERVATION, 0, claim.quantity(),
					reference, null));
		}
		List<StockLevel> levels = new ArrayList<>(claims.size());
		for (Claim claim : sorted(claims)) {
			levels.add(move(claim.variantId(), claim.sku(), claim.warehouse(), MovementKind.RESERVATION, 0,
					claim.quantity(), reference, null));
		}
		return levels;
	}

	/**
	 * Gives reserved units back, e.g. for a cancelled order.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param quantity the units, at least 1
	 * @param reference the order, required
	 * @return the stock after the release
	 * @throws InsufficientStockException if fewer units are reserved
	 */
	@Transactional
	public StockLevel release(String sku, String warehouse, int quantity, StockReference reference) {
		Assert.isTrue(quantity > 0, "quantity must be positive");
		Assert.notNull(reference, "a release needs a reference");
		return move(sku, warehouse, MovementKind.RELEASE, 0, -quantity, reference, null);
	}

	/**
	 * Turns reserved units into a shipment: they leave on hand and reserved together.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param quantity the units, at least 1
	 * @param reference the order, required
	 * @return the stock after the shipment
	 * @throws InsufficientStockException if fewer units are reserved
	 */
	@Transactional
	public StockLevel ship(String sku, String warehouse, int quantity, StockReference reference) {
		Assert.isTrue(quantity > 0, "quantity must be positive");
		Assert.notNull(reference, "a shipment needs a reference");
		return move(sku, warehouse, MovementKind.SHIPMENT, -quantity, -quantity, reference, null);
	}

	/**
	 * Puts returned units back on hand, e.g. from an accepted return.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param quantity the units, at least 1
	 * @param reference the return, required
	 * @return the stock after the return
	 */
	@Transactional
	public StockLevel restock(String sku, String warehouse, int quantity, StockReference reference) {
		Assert.isTrue(quantity > 0, "quantity must be positive");
		Assert.notNull(reference, "a return needs a reference");
		return move(sku, warehouse, MovementKind.RETURN, quantity, 0, reference, null);
	}

	/**
	 * Writes off returned units that cannot be sold again: they come back with a
	 * {@link MovementKind#RETURN} and leave at once with a
	 * {@link MovementKind#WRITE_OFF}, so that the ledger shows both and on hand stays as
	 * it was.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param quantity the units, at least 1
	 * @param reference the return, required
	 * @param reason why they are written off, may be {@code null}
	 * @return the stock after the write-off
	 */
	@Transactional
	public StockLevel writeOffReturn(String sku, String warehouse, int quantity, StockReference reference,
			String reason) {
		Assert.isTrue(quantity > 0, "quantity must be positive");
		Assert.notNull(reference, "a write-off needs a reference");
		move(sku, warehouse, MovementKind.RETURN, quantity, 0, reference, null);
		String why = (reason != null && !reason.isBlank()) ? reason.strip() : null;
		if (why != null && why.length() > 300) {
			why = why.substring(0, 300);
		}
		return move(sku, warehouse, MovementKind.WRITE_OFF, -quantity, 0, reference, why);
	}

	/**
	 * Takes available units off hand as a free sample, e.g. sent to a creator, as a
	 * {@link MovementKind#SAMPLE} movement with its reference. Only available units can
	 * go: on hand never drops below what is reserved.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param quantity the units, at least 1
	 * @param reference the sample record, required
	 * @param note what the sample is for, may be {@code null}
	 * @return the stock after the sample left
	 * @throws InsufficientStockException if fewer units are available; nothing is changed
	 * @throws StockItemNotFoundException if the SKU has no stock in the warehouse
	 */
	@Transactional
	public StockLevel sendSample(String sku, String warehouse, int quantity, StockReference reference, String note) {
		Assert.isTrue(quantity > 0, "quantity must be positive");
		Assert.notNull(reference, "a sample needs a reference");
		String why = (note != null && !note.isBlank()) ? note.strip() : null;
		if (why != null && why.length() > MAX_REASON) {
			why = why.substring(0, MAX_REASON);
		}
		return move(sku, warehouse, MovementKind.SAMPLE, -quantity, 0, reference, why);
	}

	/**
	 * The codes of the active warehouses, {@link #DEFAULT_WAREHOUSE} first, for pickers
	 * of other modules.
	 * @return the codes
	 */
	@Transactional(readOnly = true)
	public List<String> activeWarehouses() {
		return this.jdbc.sql("SELECT code FROM warehouse WHERE active ORDER BY (code = :main) DESC, code")
			.param("main", DEFAULT_WAREHOUSE)
			.query(String.class)
			.list();
	}

	/**
	 * The current stock of a SKU in a warehouse.
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @return the stock, or empty if the SKU has no row there
	 */
	@Transactional(readOnly = true)
	public Optional<StockLevel> find(String sku, String warehouse) {
		return this.jdbc.sql("""
				SELECT v.sku, s.warehouse, s.on_hand, s.reserved FROM stock_item s
				JOIN product_variant v ON v.id = s.variant_id WHERE v.sku = :sku AND s.warehouse = :warehouse""")
			.param("sku", sku)
			.param("warehouse", warehouse)
			.query((rs, n) -> new StockLevel(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)))
			.optional();
	}

	/**
	 * The units available (on hand less reserved) of SKUs, summed over their warehouses.
	 * @param skus the SKUs
	 * @return the available units of each SKU that has stock rows; SKUs without are left
	 * out
	 */
	@Transactional(readOnly = true)
	public Map<String, Integer> available(java.util.Collection<String> skus) {
		if (skus.isEmpty()) {
			return Map.of();
		}
		Map<String, Integer> available = new LinkedHashMap<>();
		this.jdbc
			.sql("""
					SELECT v.sku, sum(s.on_hand - s.reserved) FROM stock_item s JOIN product_variant v ON v.id = s.variant_id
					WHERE v.sku IN (:skus) GROUP BY v.sku ORDER BY v.sku""")
			.param("skus", List.copyOf(skus))
			.query((org.springframework.jdbc.core.RowCallbackHandler) (rs) -> available.put(rs.getString(1),
					rs.getInt(2)));
		return available;
	}

	/**
	 * The stock of many SKUs over every warehouse, in one statement, for reports.
	 * @param skus the SKUs
	 * @return the totals of the SKUs that have stock rows, in no particular order
	 */
	@Transactional(readOnly = true)
	public List<StockTotal> totals(java.util.Collection<String> skus) {
		if (skus.isEmpty()) {
			return List.of();
		}
		return this.jdbc.sql("""
				SELECT v.sku, sum(s.on_hand), sum(s.reserved) FROM unnest(?::text[]) AS w(sku)
				JOIN product_variant v ON v.sku = w.sku JOIN stock_item s ON s.variant_id = v.id GROUP BY v.sku""")
			.param(skus.toArray(String[]::new))
			.query((rs, n) -> new StockTotal(rs.getString(1), rs.getLong(2), rs.getLong(3)))
			.list();
	}

	/**
	 * Compares every stock row with the sums of its movements.
	 * @return the number of stock rows and the rows (at most 500) that differ
	 */
	@Transactional(readOnly = true)
	public LedgerCheck checkLedger() {
		long rows = this.jdbc.sql("SELECT count(*) FROM stock_item").query(Long.class).single();
		List<LedgerCheck.Mismatch> mismatches = this.jdbc.sql("""
				SELECT coalesce(v.sku, '#' || coalesce(s.variant_id, m.variant_id)) AS sku,
				  coalesce(s.warehouse, m.warehouse) AS warehouse, s.on_hand, s.reserved,
				  coalesce(m.on_hand, 0) AS ledger_on_hand, coalesce(m.reserved, 0) AS ledger_reserved
				FROM stock_item s
				FULL JOIN (SELECT variant_id, warehouse, sum(on_hand_delta) AS on_hand, sum(reserved_delta) AS reserved
				           FROM stock_movement GROUP BY variant_id, warehouse) m
				  ON m.variant_id = s.variant_id AND m.warehouse = s.warehouse
				LEFT JOIN product_variant v ON v.id = coalesce(s.variant_id, m.variant_id)
				WHERE (s.on_hand, s.reserved) IS DISTINCT FROM (m.on_hand, m.reserved)
				ORDER BY 1, 2
				LIMIT 500""")
			.query((rs, n) -> new LedgerCheck.Mismatch(rs.getString("sku"), rs.getString("warehouse"),
					(Integer) rs.getObject("on_hand"), (Integer) rs.getObject("reserved"), rs.getLong("ledger_on_hand"),
					rs.getLong("ledger_reserved")))
			.list();
		return new LedgerCheck(rows, mismatches);
	}

	/**
	 * The requests added up per SKU and warehouse, in the order they came.
	 */
	private static List<Claim> claims(List<StockRequest> requests) {
		Map<String, Claim> claims = new LinkedHashMap<>();
		for (StockRequest request : requests) {
			claims.merge(request.sku() + "\u0000" + request.warehouse(),
					new Claim(null, request.sku(), request.warehouse(), request.quantity()),
					(a, b) -> new Claim(null, a.sku(), a.warehouse(), a.quantity() + b.quantity()));
		}
		return List.copyOf(claims.values());
	}

	/**
	 * The claims with their variant ids (read in one statement), in locking order.
	 * @throws StockItemNotFoundException if a SKU is unknown
	 */
	private List<Claim> sorted(List<Claim> claims) {
		Map<String, Long> ids = new HashMap<>();
		this.jdbc.sql("SELECT sku, id FROM product_variant WHERE sku = ANY (?::text[])")
			.param(claims.stream().map(Claim::sku).distinct().toArray(String[]::new))
			.query((rs, n) -> ids.put(rs.getString(1), rs.getLong(2)))
			.list();
		List<Claim> resolved = new ArrayList<>(claims.size());
		for (Claim claim : claims) {
			Long variant = ids.get(claim.sku());
			if (variant == null) {
				throw new StockItemNotFoundException(claim.sku(), claim.warehouse());
			}
			resolved.add(new Claim(variant, claim.sku(), claim.warehouse(), claim.quantity()));
		}
		resolved.sort(Comparator.comparingLong(Claim::variantId).thenComparing(Claim::warehouse));
		return resolved;
	}

	private StockLevel move(String sku, String warehouse, MovementKind kind, int onHandDelta, int reservedDelta,
			StockReference reference, String reason) {
		return move(null, sku, warehouse, kind, onHandDelta, reservedDelta, reference, reason);
	}

	/**
	 * The one statement every movement goes through: a conditional update of the stock
	 * row (it only matches when the result keeps 0 ≤ reserved ≤ on hand) and the ledger
	 * row, together. Without a variant id the statement finds the SKU's variant itself.
	 */
	private StockLevel move(Long variant, String sku, String warehouse, MovementKind kind, int onHandDelta,
			int reservedDelta, StockReference reference, String reason) {
		Optional<StockLevel> level = this.jdbc.sql((variant != null) ? MOVE_BY_VARIANT : MOVE_BY_SKU)
			.param("variant", variant)
			.param("sku", sku)
			.param("warehouse", warehouse)
			.param("onHand", onHandDelta)
			.param("reserved", reservedDelta)
			.param("kind", kind.name())
			.param("referenceType", (reference != null) ? reference.type() : null)
			.param("referenceId", (reference != null) ? reference.id() : null)
			.param("reason", reason)
			.param("actor", currentActor())
			.query((rs, n) -> new StockLevel(sku, rs.getString(1), rs.getInt(2), rs.getInt(3)))
			.optional();
		if (level.isPresent()) {
			return level.get();
		}
		boolean exists = this.jdbc.sql("""
				SELECT count(*) FROM stock_item s JOIN product_variant v ON v.id = s.variant_id
				WHERE v.sku = :sku AND s.warehouse = :warehouse""")
			.param("sku", sku)
			.param("warehouse", warehouse)
			.query(Long.class)
			.single() > 0;
		throw exists ? new InsufficientStockException(sku, warehouse) : new StockItemNotFoundException(sku, warehouse);
	}

	private static final String MOVE = """
			WITH s AS (
			  UPDATE stock_item SET on_hand = on_hand + :onHand, reserved = reserved + :reserved,
			    updated_at = now(), version = version + 1
			  WHERE variant_id = %s AND warehouse = :warehouse
			    AND reserved + :reserved >= 0 AND on_hand + :onHand >= reserved + :reserved
			  RETURNING variant_id, warehouse, on_hand, reserved
			), m AS (
			  INSERT INTO stock_movement (variant_id, warehouse, kind, on_hand_delta, reserved_delta,
			    reference_type, reference_id, reason, actor)
			  SELECT variant_id, warehouse, :kind, :onHand, :reserved, :referenceType, :referenceId, :reason, :actor
			  FROM s
			)
			SELECT warehouse, on_hand, reserved FROM s""";

	private static final String MOVE_BY_VARIANT = MOVE.formatted(":variant");

	private static final String MOVE_BY_SKU = MOVE.formatted("(SELECT id FROM product_variant WHERE sku = :sku)");

	private Optional<StockLevel> lockedLevel(long variant, String sku, String warehouse) {
		return this.jdbc
			.sql("SELECT on_hand, reserved FROM stock_item WHERE variant_id = :variant AND warehouse = :warehouse "
					+ "FOR UPDATE")
			.param("variant", variant)
			.param("warehouse", warehouse)
			.query((rs, n) -> new StockLevel(sku, warehouse, rs.getInt(1), rs.getInt(2)))
			.optional();
	}

	private Optional<Long> variantId(String sku) {
		return this.jdbc.sql("SELECT id FROM product_variant WHERE sku = :sku")
			.param("sku", sku)
			.query(Long.class)
			.optional();
	}

	private static String signed(int delta) {
		return (delta > 0) ? "+" + delta : String.valueOf(delta);
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "system";
		}
		String name = authentication.getName();
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

	private record Claim(Long variantId, String sku, String warehouse, int quantity) {
	}

}
