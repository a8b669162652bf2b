package io.shopops.fulfilment.inventory;

import java.sql.Array;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stock-takes: a file of counted units is previewed (each row next to on hand now, or its
 * problem), kept in {@code stock_take}/{@code stock_take_line}, and then applied or
 * discarded. Applying is one transaction: it locks every counted stock row in
 * {@code (variant_id, warehouse)} order, refuses if any row's on hand changed since the
 * preview (refresh the preview then), and sets each changed row to its count through
 * {@link Inventory#count}, one STOCK_TAKE movement per changed row; any refusal leaves
 * everything as it was. A stock-take with problems cannot be applied: fix the file and
 * upload it again.
 */
@Service
class StockTakes {

	/** The reference type of stock-take movements in the ledger. */
	static final String REFERENCE_TYPE = "stock_take";

	/** Problems found by reading the file, kept when a preview is refreshed. */
	private static final String FILE_PROBLEM_PREFIX = "import.problem.";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final Inventory inventory;

	private final AuditLog auditLog;

	StockTakes(JdbcClient jdbc, JdbcTemplate jdbcTemplate, Inventory inventory, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.inventory = inventory;
		this.auditLog = auditLog;
	}

	/**
	 * Stores the preview of a file's rows.
	 * @return the stock-take's id
	 */
	@Transactional
	long preview(String fileName, List<StockTakeRow> rows) {
		long id = this.jdbc.sql("INSERT INTO stock_take (file_name, created_by) VALUES (:name, :actor) RETURNING id")
			.param("name", fileName)
			.param("actor", Inventory.currentActor())
			.query(Long.class)
			.single();
		insertLines(id, rows);
		StockTake take = find(id).orElseThrow();
		this.auditLog.record("STOCK_TAKE_PREVIEWED", "stocktake", String.valueOf(id), fileName + ": " + take.rows()
				+ " rows, " + take.changes() + " to change, " + take.problems() + " with problems");
		return id;
	}

	/**
	 * Reads on hand again for every row of a previewed stock-take (and looks up SKUs and
	 * warehouses again), keeping the counts of the file.
	 * @throws StockTakeException if it is applied or discarded
	 */
	@Transactional
	void refresh(long id) {
		requirePreviewed(id);
		List<StockTakeRow> rows = this.jdbc.sql("""
				SELECT row_number, sku, warehouse, counted, problem, problem_args FROM stock_take_line
				WHERE stock_take_id = :id ORDER BY row_number, id""").param("id", id).query((rs, n) -> {
			String problem = rs.getString("problem");
			boolean fileProblem = problem != null && problem.startsWith(FILE_PROBLEM_PREFIX);
			return new StockTakeRow(rs.getLong("row_number"), rs.getString("sku"), rs.getString("warehouse"),
					(Integer) rs.getObject("counted", Integer.class), fileProblem ? problem : null,
					fileProblem ? args(rs) : List.of());
		}).list();
		this.jdbc.sql("DELETE FROM stock_take_line WHERE stock_take_id = :id").param("id", id).update();
		insertLines(id, rows);
		this.jdbc.sql("UPDATE stock_take SET previewed_at = now() WHERE id = :id").param("id", id).update();
		StockTake take = find(id).orElseThrow();
		this.auditLog.record("STOCK_TAKE_REFRESHED", "stocktake", String.valueOf(id),
				take.changes() + " to change, " + take.problems() + " with problems");
	}

	/**
	 * Applies a previewed stock-take without problems.
	 * @return the number of stock rows changed
	 * @throws StockTakeException if it is decided already, has problems or nothing to
	 * change, a counted row's on hand changed since the preview, or a count is now below
	 * what is reserved
	 */
	@Transactional
	int apply(long id) {
		requirePreviewed(id);
		StockTake take = find(id).orElseThrow(() -> new StockTakeNotFoundException(id));
		if (take.problems() > 0) {
			throw new StockTakeException("stockTake.apply.problems");
		}
		List<Counted> lines = this.jdbc.sql("""
				SELECT l.variant_id, v.sku, l.warehouse, l.counted, l.on_hand
				FROM stock_take_line l JOIN product_variant v ON v.id = l.variant_id
				WHERE l.stock_take_id = :id AND l.problem IS NULL
				ORDER BY l.variant_id, l.warehouse""")
			.param("id", id)
			.query((rs, n) -> new Counted(rs.getLong("variant_id"), rs.getString("sku"), rs.getString("warehouse"),
					rs.getInt("counted"), rs.getInt("on_hand")))
			.list();
		if (lines.size() != take.rows()) {
			// a counted SKU was deleted from the catalog since the preview
			throw new StockTakeException("stockTake.apply.changed", "—");
		}
		List<String> changed = new ArrayList<>();
		for (Counted line : lines) {
			int onHand = this.jdbc.sql("""
					SELECT on_hand FROM stock_item WHERE variant_id = :variant AND warehouse = :warehouse FOR UPDATE""")
				.param("variant", line.variantId())
				.param("warehouse", line.warehouse())
				.query(Integer.class)
				.optional()
				.orElse(0);
			if (onHand != line.onHandAtPreview()) {
				changed.add(line.sku() + "@" + line.warehouse());
			}
		}
		if (!changed.isEmpty()) {
			throw new StockTakeException("stockTake.apply.changed",
					String.join(", ", changed.subList(0, Math.min(10, changed.size())))
							+ ((changed.size() > 10) ? " …" : ""));
		}
		StockReference reference = new StockReference(REFERENCE_TYPE, String.valueOf(id));
		int applied = 0;
		for (Counted line : lines) {
			if (line.counted() == line.onHandAtPreview()) {
				continue;
			}
			try {
				this.inventory.count(line.sku(), line.warehouse(), line.counted(), reference);
			}
			catch (InsufficientStockException ex) {
				throw new StockTakeException("stockTake.apply.belowReserved", line.sku() + "@" + line.warehouse());
			}
			applied++;
		}
		decide(id, StockTake.Status.APPLIED);
		this.auditLog.record("STOCK_TAKE_APPLIED", "stocktake", String.valueOf(id),
				applied + " stock rows set to their count, " + (lines.size() - applied) + " unchanged");
		return applied;
	}

	/**
	 * Discards a previewed stock-take; stock is not touched.
	 * @throws StockTakeException if it is decided already
	 */
	@Transactional
	void discard(long id) {
		requirePreviewed(id);
		decide(id, StockTake.Status.DISCARDED);
		this.auditLog.record("STOCK_TAKE_DISCARDED", "stocktake", String.valueOf(id), null);
	}

	@Transactional(readOnly = true)
	Optional<StockTake> find(long id) {
		return this.jdbc.sql("""
				SELECT t.id, t.file_name, t.status, t.created_by, t.created_at, t.previewed_at, t.decided_by,
				  t.decided_at, c.rows, c.changes, c.problems
				FROM stock_take t
				CROSS JOIN LATERAL (
				  SELECT count(*) AS rows, count(*) FILTER (WHERE problem IS NOT NULL) AS problems,
				    count(*) FILTER (WHERE problem IS NULL AND counted <> coalesce(on_hand, 0)) AS changes
				  FROM stock_take_line WHERE stock_take_id = t.id) c
				WHERE t.id = :id""").param("id", id).query(StockTakes::stockTake).optional();
	}

	/**
	 * The stock-takes, newest first, before the given id.
	 */
	@Transactional(readOnly = true)
	List<StockTake> list(long before, int limit) {
		return this.jdbc.sql("""
				SELECT t.id, t.file_name, t.status, t.created_by, t.created_at, t.previewed_at, t.decided_by,
				  t.decided_at, c.rows, c.changes, c.problems
				FROM stock_take t
				CROSS JOIN LATERAL (
				  SELECT count(*) AS rows, count(*) FILTER (WHERE problem IS NOT NULL) AS problems,
				    count(*) FILTER (WHERE problem IS NULL AND counted <> coalesce(on_hand, 0)) AS changes
				  FROM stock_take_line WHERE stock_take_id = t.id) c
				WHERE t.id < :before
				ORDER BY t.id DESC
				LIMIT :limit""").param("before", before).param("limit", limit).query(StockTakes::stockTake).list();
	}

	/**
	 * The rows worth looking at (a difference or a problem) in file order, after the
	 * given row number.
	 */
	@Transactional(readOnly = true)
	List<StockTake.Line> notableLines(long id, long afterRow, int limit) {
		return this.jdbc.sql("""
				SELECT row_number, sku, warehouse, counted, on_hand, reserved, problem, problem_args
				FROM stock_take_line
				WHERE stock_take_id = :id AND row_number > :after
				  AND (problem IS NOT NULL OR counted <> coalesce(on_hand, 0))
				ORDER BY row_number, id
				LIMIT :limit""")
			.param("id", id)
			.param("after", afterRow)
			.param("limit", limit)
			.query((rs, n) -> new StockTake.Line(rs.getLong("row_number"), rs.getString("sku"),
					rs.getString("warehouse"), (Integer) rs.getObject("counted", Integer.class),
					(Integer) rs.getObject("on_hand", Integer.class), (Integer) rs.getObject("reserved", Integer.class),
					rs.getString("problem"), args(rs)))
			.list();
	}

	/**
	 * Matches the rows with SKUs, warehouses and current stock, finds their problems and
	 * stores them.
	 */
	private void insertLines(long id, List<StockTakeRow> rows) {
		Set<String> skus = new LinkedHashSet<>();
		rows.forEach((row) -> skus.add(row.sku()));
		Map<String, Long> variants = new HashMap<>();
		this.jdbc.sql("SELECT sku, id FROM product_variant WHERE sku = ANY(:skus)")
			.param("skus", skus.toArray(String[]::new))
			.query((rs) -> {
				variants.put(rs.getString("sku"), rs.getLong("id"));
			});
		Set<String> warehouses = new HashSet<>(
				this.jdbc.sql("SELECT code FROM warehouse WHERE active").query(String.class).list());
		Map<String, int[]> stock = new HashMap<>();
		this.jdbc.sql("SELECT variant_id, warehouse, on_hand, reserved FROM stock_item WHERE variant_id = ANY(:ids)")
			.param("ids", variants.values().toArray(Long[]::new))
			.query((rs) -> {
				stock.put(rs.getLong("variant_id") + "@" + rs.getString("warehouse"),
						new int[] { rs.getInt("on_hand"), rs.getInt("reserved") });
			});
		Map<String, Long> seen = new HashMap<>();
		List<Object[]> lines = new ArrayList<>(rows.size());
		for (StockTakeRow row : rows) {
			Long variant = variants.get(row.sku());
			int[] level = (variant != null) ? stock.get(variant + "@" + row.warehouse()) : null;
			String problem = row.problem();
			List<String> args = row.args();
			if (problem == null && variant == null) {
				problem = "stockTake.problem.sku.unknown";
			}
			else if (problem == null && !warehouses.contains(row.warehouse())) {
				problem = "stockTake.problem.warehouse.unknown";
			}
			else if (problem == null && seen.containsKey(row.sku() + "@" + row.warehouse())) {
				problem = "stockTake.problem.duplicate";
				args = List.of(String.valueOf(seen.get(row.sku() + "@" + row.warehouse())));
			}
			else if (problem == null && level != null && row.counted() < level[1]) {
				problem = "stockTake.problem.belowReserved";
				args = List.of(String.valueOf(level[1]));
			}
			if (problem == null || problem.equals("stockTake.problem.belowReserved")) {
				seen.putIfAbsent(row.sku() + "@" + row.warehouse(), row.row());
			}
			lines.add(new Object[] { id, row.row(), row.sku(), row.warehouse(), row.counted(), variant,
					(level != null) ? level[0] : null, (level != null) ? level[1] : null, problem,
					args.toArray(String[]::new) });
		}
		this.jdbcTemplate.batchUpdate("""
				INSERT INTO stock_take_line (stock_take_id, row_number, sku, warehouse, counted, variant_id, on_hand,
				  reserved, problem, problem_args)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", lines, 1000, StockTakes::setLine);
	}

	private static void setLine(PreparedStatement statement, Object[] line) throws SQLException {
		statement.setLong(1, (Long) line[0]);
		statement.setLong(2, (Long) line[1]);
		statement.setString(3, (String) line[2]);
		statement.setString(4, (String) line[3]);
		setInteger(statement, 5, (Integer) line[4]);
		if (line[5] != null) {
			statement.setLong(6, (Long) line[5]);
		}
		else {
			statement.setNull(6, Types.BIGINT);
		}
		setInteger(statement, 7, (Integer) line[6]);
		setInteger(statement, 8, (Integer) line[7]);
		statement.setString(9, (String) line[8]);
		statement.setArray(10, statement.getConnection().createArrayOf("text", (String[]) line[9]));
	}

	private static void setInteger(PreparedStatement statement, int index, Integer value) throws SQLException {
		if (value != null) {
			statement.setInt(index, value);
		}
		else {
			statement.setNull(index, Types.INTEGER);
		}
	}

	private void requirePreviewed(long id) {
		String status = this.jdbc.sql("SELECT status FROM stock_take WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(String.class)
			.optional()
			.orElseThrow(() -> new StockTakeNotFoundException(id));
		if (!StockTake.Status.PREVIEWED.name().equals(status)) {
			throw new StockTakeException("stockTake.decided");
		}
	}

	private void decide(long id, StockTake.Status status) {
		this.jdbc.sql("UPDATE stock_take SET status = :status, decided_by = :actor, decided_at = now() WHERE id = :id")
			.param("status", status.name())
			.param("actor", Inventory.currentActor())
			.param("id", id)
			.update();
	}

	private static List<String> args(ResultSet rs) throws SQLException {
		Array array = rs.getArray("problem_args");
		return (array != null) ? List.of((String[]) array.getArray()) : List.of();
	}

	private static StockTake stockTake(ResultSet rs, int row) throws SQLException {
		return new StockTake(rs.getLong("id"), rs.getString("file_name"),
				StockTake.Status.valueOf(rs.getString("status")), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getObject("previewed_at", OffsetDateTime.class),
				rs.getString("decided_by"), rs.getObject("decided_at", OffsetDateTime.class), rs.getLong("rows"),
				rs.getLong("changes"), rs.getLong("problems"));
	}

	private record Counted(long variantId, String sku, String warehouse, int counted, int onHandAtPreview) {
	}

}
