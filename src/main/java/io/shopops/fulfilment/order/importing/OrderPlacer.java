package io.shopops.fulfilment.order.importing;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.ChannelRefund;
import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockLevel;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderInvalidException;
import io.shopops.fulfilment.order.OrderSettings;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.Orders.Placement;
import io.shopops.fulfilment.order.Orders.StatusChange;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.platform.ImportHandler.ImportRun;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Places the orders read from an upload, inside the import's transaction, idempotently on
 * channel and order number:
 * <ul>
 * <li>a new order is placed through {@link Orders} (history without touching stock);</li>
 * <li>an order already there in the file's status is unchanged;</li>
 * <li>one whose status the file moves forward along the status machine (paid → shipped →
 * completed …) is updated through {@link Orders#moveTo}, step by step;</li>
 * <li>one the file would move backwards (or nowhere allowed) is unchanged, with a
 * warning.</li>
 * </ul>
 * Before anything is placed, lines are checked against the catalog (an unknown SKU fails
 * an order still to ship and is a warning for history) and paid orders against the stock
 * available, so that refusals are row problems rather than a failed run.
 */
@Component
class OrderPlacer {

	private static final int PROGRESS_ORDERS = 200;

	private static final int HISTORY_BATCH = 2000;

	private static final String ACTOR = "import";

	private final Orders orders;

	private final HistoryOrderWriter history;

	private final OrderSettings settings;

	private final Inventory inventory;

	private final JdbcClient jdbc;

	private final AfterSales afterSales;

	OrderPlacer(Orders orders, HistoryOrderWriter history, OrderSettings settings, Inventory inventory, JdbcClient jdbc,
			AfterSales afterSales) {
		this.orders = orders;
		this.history = history;
		this.settings = settings;
		this.inventory = inventory;
		this.jdbc = jdbc;
		this.afterSales = afterSales;
	}

	/**
	 * Places the orders.
	 * @param channel the channel
	 * @param read what the files hold
	 * @param run the job, for problems, warnings and progress
	 * @param stopAtFailure whether to stop writing (but go on checking) once a row
	 * failed, because nothing will be kept
	 * @return the counts
	 */
	Counts place(SalesChannel channel, OrderFiles.Result read, ImportRun run, boolean stopAtFailure) {
		OrderSettings.OrderRules rules = this.settings.current();
		String warehouse = rules.defaultWarehouse();
		List<ImportedOrder> pending = new ArrayList<>();
		List<ImportedOrder> refunded = new ArrayList<>();
		Set<String> known = knownSkus(read.orders());
		Map<String, Existing> existing = existing(channel, read.orders());
		Map<String, Integer> available = new HashMap<>();
		long created = 0;
		long updated = 0;
		long unchanged = 0;
		long failedRows = 0;
		long processed = read.failedRows();
		boolean poisoned = false;
		int sinceProgress = 0;
		for (ImportedOrder order : read.orders()) {
			boolean writing = !stopAtFailure || (read.failedRows() + failedRows == 0 && !poisoned);
			if (!writing) {
				pending.clear();
			}
			if (pending.size() >= HISTORY_BATCH) {
				created += writeHistory(channel, warehouse, pending);
			}
			if (++sinceProgress >= PROGRESS_ORDERS) {
				run.progress(processed, created, updated, unchanged, read.failedRows() + failedRows);
				sinceProgress = 0;
			}
			processed += order.rows();
			if (!checkSkus(order, known, run)) {
				failedRows += order.rows();
				continue;
			}
			Existing there = existing.get(order.draft().number());
			OrderStatus target = order.draft().status();
			if (order.refund() != null && (there != null || writing)) {
				refunded.add(order);
			}
			if (there != null && there.status() == target) {
				unchanged += order.rows();
				continue;
			}
			List<OrderStatus> path = (there != null) ? path(there.status(), target) : List.of();
			if (there != null && path.isEmpty()) {
				run.warning(order.row(), "", order.draft().number(), OrderProblems.WARNING_STATUS_KEPT,
						List.of(there.status().apiName(), target.apiName()));
				unchanged += order.rows();
				continue;
			}
			boolean reserves = (there == null) ? target == OrderStatus.PAID
					: there.status() == OrderStatus.PENDING_PAYMENT && path.contains(OrderStatus.PAID);
			// a shop that holds short orders takes them as awaiting stock instead
			if (reserves && !rules.holdShortOrders() && !reserve(order, warehouse, available, run)) {
				failedRows += order.rows();
				if (order.refund() != null) {
					refunded.remove(order);
				}
				continue;
			}
			if (!writing) {
				continue;
			}
			if (there == null && order.history()) {
				pending.add(order);
				continue;
			}
			try {
				if (there == null) {
					this.orders.place(order.draft());
					created += order.rows();
				}
				else {
					for (OrderStatus step : path) {
						this.orders.moveTo(there.id(), step, change(order.draft(), step));
					}
					updated += order.rows();
				}
			}
			catch (OrderInvalidException ex) {
				for (OrderInvalidException.Problem problem : ex.getProblems()) {
					run.problem(order.row(), problem.field(), null, problem.code(), problem.args());
				}
				failedRows += order.rows();
				poisoned = true;
			}
			catch (InsufficientStockException ex) {
				run.problem(order.row(), "", ex.getSku(), OrderProblems.STOCK_SHORT, List.of(ex.getSku()));
				failedRows += order.rows();
				poisoned = true;
			}
		}
		boolean writing = !stopAtFailure || (read.failedRows() + failedRows == 0 && !poisoned);
		if (writing) {
			created += writeHistory(channel, warehouse, pending);
			if (!poisoned) {
				recordRefunds(channel, refunded, existing, run);
			}
		}
		return new Counts(created, updated, unchanged, failedRows, poisoned);
	}

	/**
	 * Records what the channel refunded on the orders placed or already there, as
	 * after-sales requests; only orders whose rows carry a refund cost a query.
	 */
	private void recordRefunds(SalesChannel channel, List<ImportedOrder> refunded, Map<String, Existing> existing,
			ImportRun run) {
		if (refunded.isEmpty()) {
			return;
		}
		Map<String, Existing> ids = new HashMap<>(existing);
		List<String> missing = refunded.stream()
			.map((order) -> order.draft().number())
			.filter((number) -> !ids.containsKey(number))
			.toList();
		if (!missing.isEmpty()) {
			ids.putAll(existing(channel, missing.toArray(String[]::new)));
		}
		for (ImportedOrder order : refunded) {
			Existing there = ids.get(order.draft().number());
			if (there == null) {
				continue;
			}
			ImportedOrder.Refund refund = order.refund();
			ChannelRefund.Outcome outcome = this.afterSales
				.recordChannelRefund(new ChannelRefund(there.id(), refund.total(), refund.lines(), refund.at()));
			if (outcome.notPaid()) {
				run.warning(refund.row(), refund.column(), refund.total().toPlainString(),
						OrderProblems.WARNING_REFUND_NOT_PAID, List.of(order.draft().number()));
			}
			else if (outcome.capped()) {
				run.warning(refund.row(), refund.column(), refund.total().toPlainString(),
						OrderProblems.WARNING_REFUND_CAPPED,
						List.of(outcome.unrecorded().toPlainString(), order.draft().number()));
			}
		}
	}

	/**
	 * Records the pending history orders in bulk and empties the list.
	 * @return the rows of the orders created
	 */
	private long writeHistory(SalesChannel channel, String warehouse, List<ImportedOrder> pending) {
		if (pending.isEmpty()) {
			return 0;
		}
		List<Placement> placements = this.history.write(channel, warehouse,
				pending.stream().map(ImportedOrder::draft).toList(), ACTOR);
		long rows = 0;
		for (int i = 0; i < placements.size(); i++) {
			if (placements.get(i).created()) {
				rows += pending.get(i).rows();
			}
		}
		pending.clear();
		return rows;
	}

	/**
	 * Checks the lines' SKUs; false (with a problem per line) when an order still to ship
	 * has one the catalog does not know.
	 */
	private static boolean checkSkus(ImportedOrder order, Set<String> known, ImportRun run) {
		boolean ok = true;
		for (ImportedOrder.LineAt line : order.lines()) {
			String sku = line.line().sku();
			if (known.contains(sku)) {
				continue;
			}
			if (order.history()) {
				run.warning(line.row(), line.skuColumn(), sku, OrderProblems.WARNING_SKU_UNKNOWN, List.of(sku));
			}
			else {
				run.problem(line.row(), line.skuColumn(), sku, OrderProblems.SKU_UNKNOWN, List.of(sku));
				ok = false;
			}
		}
		return ok;
	}

	/**
	 * Takes the order's units from what this import has left of each SKU's available
	 * stock; false (nothing taken, a problem reported) when one is short.
	 */
	private boolean reserve(ImportedOrder order, String warehouse, Map<String, Integer> available, ImportRun run) {
		Map<String, Integer> wanted = new HashMap<>();
		for (OrderDraft.Line line : order.draft().lines()) {
			wanted.merge(line.sku(), line.quantity(), Integer::sum);
		}
		for (Map.Entry<String, Integer> entry : wanted.entrySet()) {
			int left = available.computeIfAbsent(entry.getKey(),
					(sku) -> this.inventory.find(sku, Inventory.DEFAULT_WAREHOUSE)
						.map(StockLevel::available)
						.orElse(0));
			if (left < entry.getValue()) {
				run.problem(order.row(), "", entry.getKey(), OrderProblems.STOCK_SHORT,
						List.of(entry.getKey(), entry.getValue(), left));
				return false;
			}
		}
		wanted.forEach((sku, units) -> available.merge(sku, -units, Integer::sum));
		return true;
	}

	/**
	 * The statuses to move through from {@code from} to {@code to} along the normal path
	 * (never through awaiting stock or partly shipped); empty when {@code to} cannot be
	 * reached.
	 */
	static List<OrderStatus> path(OrderStatus from, OrderStatus to) {
		Map<OrderStatus, OrderStatus> previous = new EnumMap<>(OrderStatus.class);
		Deque<OrderStatus> queue = new ArrayDeque<>(List.of(from));
		Set<OrderStatus> seen = new HashSet<>(List.of(from));
		while (!queue.isEmpty()) {
			OrderStatus status = queue.poll();
			if (status == to) {
				List<OrderStatus> path = new ArrayList<>();
				for (OrderStatus step = to; step != from; step = previous.get(step)) {
					path.add(0, step);
				}
				return path;
			}
			for (OrderStatus next : status.next()) {
				boolean passable = next == to
						|| (next != OrderStatus.AWAITING_STOCK && next != OrderStatus.PARTIALLY_SHIPPED);
				if (passable && seen.add(next)) {
					previous.put(next, status);
					queue.add(next);
				}
			}
		}
		return List.of();
	}

	private static StatusChange change(OrderDraft draft, OrderStatus step) {
		Instant at = switch (step) {
			case PAID, AWAITING_STOCK -> draft.times().paidAt();
			case SHIPPED, PARTIALLY_SHIPPED -> draft.times().shippedAt();
			case DELIVERED -> draft.times().deliveredAt();
			case COMPLETED -> draft.times().completedAt();
			case CANCELLED -> draft.times().cancelledAt();
			case CLOSED -> draft.times().closedAt();
			case PENDING_PAYMENT -> null;
		};
		boolean shipping = step == OrderStatus.SHIPPED && draft.shipment() != null;
		return new StatusChange(at, shipping ? draft.shipment().carrier() : null,
				shipping ? draft.shipment().trackingNumber() : null, null);
	}

	private Set<String> knownSkus(List<ImportedOrder> orders) {
		String[] skus = orders.stream()
			.flatMap((order) -> order.draft().lines().stream())
			.map(OrderDraft.Line::sku)
			.distinct()
			.toArray(String[]::new);
		return new HashSet<>(this.jdbc.sql("SELECT sku FROM product_variant WHERE sku = ANY (:skus::text[])")
			.param("skus", skus)
			.query(String.class)
			.list());
	}

	private Map<String, Existing> existing(SalesChannel channel, List<ImportedOrder> orders) {
		return existing(channel, orders.stream().map((order) -> order.draft().number()).toArray(String[]::new));
	}

	private Map<String, Existing> existing(SalesChannel channel, String[] numbers) {
		Map<String, Existing> existing = new HashMap<>();
		this.jdbc.sql(
				"SELECT number, id, status FROM shop_order WHERE channel_id = :channel AND number = ANY (:numbers::text[])")
			.param("channel", channel.id())
			.param("numbers", numbers)
			.query((rs, row) -> existing.put(rs.getString(1),
					new Existing(rs.getLong(2), OrderStatus.valueOf(rs.getString(3)))))
			.list();
		return existing;
	}

	/**
	 * An order of the channel that is already there.
	 */
	private record Existing(long id, OrderStatus status) {
	}

	/**
	 * What placing an upload's orders did, in rows; {@code poisoned} when a refusal
	 * reached the transaction, which can then only roll back.
	 */
	record Counts(long created, long updated, long unchanged, long failedRows, boolean poisoned) {
	}

}
