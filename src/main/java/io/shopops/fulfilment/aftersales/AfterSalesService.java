package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.shopops.fulfilment.aftersales.api.AfterSales;
import io.shopops.fulfilment.aftersales.api.AfterSalesDraft;
import io.shopops.fulfilment.aftersales.api.AfterSalesException;
import io.shopops.fulfilment.aftersales.api.AfterSalesException.Problem;
import io.shopops.fulfilment.aftersales.api.AfterSalesRequest;
import io.shopops.fulfilment.aftersales.api.Authority;
import io.shopops.fulfilment.aftersales.api.ChannelRefund;
import io.shopops.fulfilment.aftersales.api.LineOutcome;
import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.aftersales.api.RequestSource;
import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import io.shopops.fulfilment.inventory.InsufficientStockException;
import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.fulfilment.inventory.StockItemNotFoundException;
import io.shopops.fulfilment.inventory.StockReference;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.AuditLog;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The after-sales requests on JDBC. The refund guard is the row of
 * {@code after_sales_line_balance} per order line: every approval and refund locks the
 * rows of its lines ({@code SELECT … FOR UPDATE}, in id order so that two requests never
 * deadlock) before it changes what is committed, and a CHECK refuses any commitment above
 * what was paid whatever the code does.
 */
@Service
class AfterSalesService implements AfterSales {

	static final int MAX_TEXT = 1000;

	static final int MAX_REJECT_REASON = 300;

	static final int MAX_PHOTOS = 9;

	static final BigDecimal MAX_AMOUNT = new BigDecimal("99999999.99");

	/** The reason code of the refunds recorded from channel order imports. */
	static final String CHANNEL_REFUND_REASON = "channel_refund";

	/** Order statuses from which money was paid and may go back. */
	static final Set<OrderStatus> PAID_STATUSES = EnumSet.of(OrderStatus.AWAITING_STOCK, OrderStatus.PAID,
			OrderStatus.PARTIALLY_SHIPPED, OrderStatus.SHIPPED, OrderStatus.DELIVERED, OrderStatus.COMPLETED,
			OrderStatus.CLOSED);

	private final JdbcClient jdbc;

	private final Orders orders;

	private final Inventory inventory;

	private final AfterSalesSettings settings;

	private final AuditLog auditLog;

	private final ApplicationEventPublisher events;

	AfterSalesService(JdbcClient jdbc, Orders orders, Inventory inventory, AfterSalesSettings settings,
			AuditLog auditLog, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.orders = orders;
		this.inventory = inventory;
		this.settings = settings;
		this.auditLog = auditLog;
		this.events = events;
	}

	@Override
	@Transactional
	public AfterSalesRequest create(AfterSalesDraft draft) {
		List<Problem> problems = new ArrayList<>();
		Optional<OrderSnapshot> found = this.orders.find(draft.orderId());
		if (found.isEmpty()) {
			throw new AfterSalesException.Invalid(List.of(Problem.of("order", "afterSales.error.orderUnknown")));
		}
		OrderSnapshot order = found.get();
		if (draft.type() == null) {
			problems.add(Problem.of("type", "afterSales.error.typeRequired"));
		}
		else if (!PAID_STATUSES.contains(order.status())) {
			problems.add(Problem.of("order", "afterSales.error.orderNotPaid"));
		}
		AfterSalesSettings.Values values = this.settings.current();
		String reason = strip(draft.reasonCode());
		if (reason == null) {
			problems.add(Problem.of("reason", "afterSales.error.reasonRequired"));
		}
		else if (!values.reasons().contains(reason)) {
			problems.add(Problem.of("reason", "afterSales.error.reasonUnknown", String.join(", ", values.reasons())));
		}
		String reasonText = strip(draft.reasonText());
		if (reasonText != null && reasonText.length() > MAX_TEXT) {
			problems.add(Problem.of("reasonText", "afterSales.error.tooLong", MAX_TEXT));
		}
		String note = strip(draft.note());
		if (note != null && note.length() > MAX_TEXT) {
			problems.add(Problem.of("note", "afterSales.error.tooLong", MAX_TEXT));
		}
		List<String> photos = new ArrayList<>();
		for (String url : draft.photoUrls()) {
			String u = strip(url);
			if (u == null) {
				continue;
			}
			if (!(u.startsWith("https://") || u.startsWith("http://")) || u.length() > 400 || u.contains("\n")) {
				problems.add(Problem.of("photoUrls", "afterSales.error.photoUrl"));
				break;
			}
			photos.add(u);
		}
		if (photos.size() > MAX_PHOTOS) {
			problems.add(Problem.of("photoUrls", "afterSales.error.tooManyPhotos", MAX_PHOTOS));
		}
		Map<Long, OrderSnapshot.Line> orderLines = new HashMap<>();
		order.lines().forEach((line) -> orderLines.put(line.id(), line));
		List<ResolvedLine> lines = new ArrayList<>();
		if (draft.lines().isEmpty()) {
			problems.add(Problem.of("lines", "afterSales.error.linesRequired"));
		}
		Set<Long> seen = new HashSet<>();
		BigDecimal overRefundable = null;
		for (int i = 0; i < draft.lines().size(); i++) {
			AfterSalesDraft.Line line = draft.lines().get(i);
			String field = "lines[" + i + "]";
			OrderSnapshot.Line orderLine = orderLines.get(line.orderLineId());
			if (orderLine == null) {
				problems.add(Problem.of(field + ".sku", "afterSales.error.lineUnknown"));
				continue;
			}
			if (!seen.add(orderLine.id())) {
				problems.add(Problem.of(field + ".sku", "afterSales.error.lineTwice", orderLine.sku()));
				continue;
			}
			int max = (draft.type() != null && draft.type().returnsGoods()) ? orderLine.shippedQuantity()
					: orderLine.quantity();
			if (line.quantity() < 1 || line.quantity() > max) {
				problems.add(Problem.of(field + ".quantity",
						(max == 0) ? "afterSales.error.notShipped" : "afterSales.error.quantityRange", max,
						orderLine.sku()));
				continue;
			}
			BigDecimal amount = line.amount();
			if (draft.type() == RequestType.EXCHANGE) {
				amount = BigDecimal.ZERO.setScale(2);
			}
			else if (amount == null) {
				amount = share(orderLine, line.quantity());
			}
			if (amount.signum() < 0 || amount.scale() > 2 && amount.stripTrailingZeros().scale() > 2) {
				problems.add(Problem.of(field + ".amount", "afterSales.error.amountFormat"));
				continue;
			}
			amount = amount.setScale(2, RoundingMode.UNNECESSARY);
			BigDecimal refundable = refundable(orderLine);
			if (amount.compareTo(refundable) > 0) {
				overRefundable = (overRefundable != null) ? overRefundable.add(refundable) : refundable;
				continue;
			}
			lines.add(new ResolvedLine(orderLine, line.quantity(), amount));
		}
		if (!problems.isEmpty()) {
			throw new AfterSalesException.Invalid(problems);
		}
		if (overRefundable != null) {
			// the draft is valid but asks more than remains refundable for some lines:
			// the
			// same refusal as an approval above the balance
			throw new AfterSalesException.OverRefund(overRefundable);
		}
		Instant at = time(draft.at());
		BigDecimal total = lines.stream().map(ResolvedLine::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		long id = this.jdbc.sql("""
				INSERT INTO after_sales_request (order_id, type, status, source, reason_code, reason_text, photo_urls,
				  note, requested_amount, requested_at, status_since, created_by)
				VALUES (:order, :type, 'REQUESTED', :source, :reason, :reasonText, :photos, :note, :amount, :at, :at,
				  :actor) RETURNING id""")
			.param("order", order.id())
			.param("type", draft.type().name())
			.param("source", ((draft.source() != null) ? draft.source() : RequestSource.OPERATOR).name())
			.param("reason", reason)
			.param("reasonText", reasonText)
			.param("photos", photos.isEmpty() ? null : String.join("\n", photos))
			.param("note", note)
			.param("amount", total)
			.param("at", Timestamp.from(at))
			.param("actor", currentActor())
			.query(Long.class)
			.single();
		for (ResolvedLine line : lines) {
			this.jdbc.sql("""
					INSERT INTO after_sales_line (request_id, order_line_id, sku, quantity, amount)
					VALUES (:request, :line, :sku, :quantity, :amount)""")
				.param("request", id)
				.param("line", line.orderLine().id())
				.param("sku", line.orderLine().sku())
				.param("quantity", line.quantity())
				.param("amount", line.amount())
				.update();
		}
		timeline(id, null, RequestStatus.REQUESTED, at, reason);
		this.auditLog.record("AFTER_SALES_REQUESTED", "aftersales", String.valueOf(id),
				order.number() + ": " + draft.type().name() + " " + total.toPlainString());
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest approve(long id, Instant at, Authority by) {
		Row row = lock(id);
		check(row, RequestStatus.APPROVED);
		if (row.type().refunds()) {
			guardThreshold(row.requestedAmount(), by);
			List<LineRow> lines = lines(id);
			Map<Long, BigDecimal> deltas = new HashMap<>();
			lines.forEach((line) -> deltas.merge(line.orderLineId(), line.amount(), BigDecimal::add));
			commit(deltas);
		}
		Instant when = time(at);
		move(row, RequestStatus.APPROVED, when, "approved_at", null);
		this.auditLog.record("AFTER_SALES_APPROVED", "aftersales", String.valueOf(id),
				row.type().name() + " " + row.requestedAmount().toPlainString());
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest reject(long id, String reason, Instant at) {
		String why = strip(reason);
		if (why == null) {
			throw new AfterSalesException.Invalid(
					List.of(Problem.of("reason", "afterSales.error.rejectReasonRequired")));
		}
		if (why.length() > MAX_REJECT_REASON) {
			throw new AfterSalesException.Invalid(
					List.of(Problem.of("reason", "afterSales.error.tooLong", MAX_REJECT_REASON)));
		}
		Row row = lock(id);
		check(row, RequestStatus.REJECTED);
		Instant when = time(at);
		this.jdbc.sql("UPDATE after_sales_request SET reject_reason = :why WHERE id = :id")
			.param("why", why)
			.param("id", id)
			.update();
		move(row, RequestStatus.REJECTED, when, "rejected_at", why);
		this.auditLog.record("AFTER_SALES_REJECTED", "aftersales", String.valueOf(id), why);
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest receive(long id, Instant at) {
		Row row = lock(id);
		check(row, RequestStatus.RECEIVED);
		move(row, RequestStatus.RECEIVED, time(at), "received_at", null);
		this.auditLog.record("AFTER_SALES_RECEIVED", "aftersales", String.valueOf(id), null);
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest inspect(long id, long lineId, LineOutcome outcome, String note) {
		Row row = lock(id);
		if (row.status() != RequestStatus.RECEIVED) {
			throw new AfterSalesException.IllegalTransition(row.status(), RequestStatus.INSPECTED);
		}
		LineRow line = lines(id).stream()
			.filter((l) -> l.id() == lineId)
			.findFirst()
			.orElseThrow(() -> new AfterSalesException.NotFound(id + "/" + lineId));
		if (line.outcome() != null) {
			throw new AfterSalesException.Invalid(List.of(Problem.of("line", "afterSales.error.lineInspected")));
		}
		String why = strip(note);
		if (why != null && why.length() > MAX_REJECT_REASON) {
			why = why.substring(0, MAX_REJECT_REASON);
		}
		StockReference reference = new StockReference("after_sales", String.valueOf(id));
		try {
			if (outcome == LineOutcome.RESTOCKED) {
				this.inventory.restock(line.sku(), row.warehouse(), line.quantity(), reference);
			}
			else {
				this.inventory.writeOffReturn(line.sku(), row.warehouse(), line.quantity(), reference, why);
			}
		}
		catch (StockItemNotFoundException | InsufficientStockException ex) {
			throw new AfterSalesException.Invalid(
					List.of(Problem.of("line", "afterSales.error.notStocked", line.sku(), row.warehouse())));
		}
		Instant now = Instant.now();
		this.jdbc.sql("UPDATE after_sales_line SET outcome = :outcome, outcome_at = :at WHERE id = :id")
			.param("outcome", outcome.name())
			.param("at", Timestamp.from(now))
			.param("id", lineId)
			.update();
		String entry = line.sku() + " × " + line.quantity() + " " + outcome.name() + ((why != null) ? ": " + why : "");
		if (outcome == LineOutcome.RESTOCKED) {
			this.auditLog.record("AFTER_SALES_RESTOCKED", "aftersales", String.valueOf(id), entry);
		}
		else {
			this.auditLog.record("AFTER_SALES_WRITTEN_OFF", "aftersales", String.valueOf(id), entry);
		}
		boolean all = lines(id).stream().allMatch((l) -> l.outcome() != null);
		if (all) {
			move(row, RequestStatus.INSPECTED, now, "inspected_at", entry);
		}
		else {
			timeline(id, row.status(), row.status(), now, entry);
		}
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest refund(long id, BigDecimal amount, Instant at, Authority by) {
		Row row = lock(id);
		check(row, RequestStatus.REFUNDED);
		BigDecimal total = (amount != null) ? amount : row.requestedAmount();
		if (total.signum() < 0 || total.stripTrailingZeros().scale() > 2 || total.compareTo(MAX_AMOUNT) > 0) {
			throw new AfterSalesException.Invalid(List.of(Problem.of("amount", "afterSales.error.amountFormat")));
		}
		total = total.setScale(2, RoundingMode.UNNECESSARY);
		guardThreshold(total, by);
		List<LineRow> lines = lines(id);
		// lock the balances in id order, then share the amount over the lines within what
		// each may still take (its own approved amount is already committed)
		Map<Long, Balance> balances = lockBalances(lines.stream().map(LineRow::orderLineId).toList());
		Map<Long, BigDecimal> capacity = new HashMap<>();
		BigDecimal refundable = BigDecimal.ZERO;
		for (LineRow line : lines) {
			Balance balance = balances.get(line.orderLineId());
			BigDecimal cap = balance.paid().subtract(balance.committed()).add(line.amount());
			capacity.put(line.id(), cap);
			refundable = refundable.add(cap);
		}
		if (total.compareTo(refundable) > 0) {
			throw new AfterSalesException.OverRefund(refundable);
		}
		Map<Long, BigDecimal> shares = share(lines, total, capacity, row.requestedAmount());
		Map<Long, BigDecimal> deltas = new HashMap<>();
		for (LineRow line : lines) {
			deltas.merge(line.orderLineId(), shares.get(line.id()).subtract(line.amount()), BigDecimal::add);
			this.jdbc.sql("UPDATE after_sales_line SET refunded_amount = :amount WHERE id = :id")
				.param("amount", shares.get(line.id()))
				.param("id", line.id())
				.update();
		}
		applyDeltas(deltas, balances);
		Instant when = time(at);
		this.jdbc.sql("UPDATE after_sales_request SET refunded_amount = :amount WHERE id = :id")
			.param("amount", total)
			.param("id", id)
			.update();
		move(row, RequestStatus.REFUNDED, when, "refunded_at", total.toPlainString());
		this.auditLog.record("AFTER_SALES_REFUNDED", "aftersales", String.valueOf(id),
				row.orderNumber() + ": " + total.toPlainString() + " " + row.currency());
		this.events.publishEvent(
				new RefundCompleted(id, row.orderId(), row.orderNumber(), row.channelCode(), total, row.currency(),
						lines.stream()
							.map((line) -> new RefundCompleted.Line(line.sku(), line.quantity(), shares.get(line.id())))
							.toList(),
						when));
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest shipExchange(long id, Instant at) {
		Row row = lock(id);
		check(row, RequestStatus.EXCHANGE_SHIPPED);
		move(row, RequestStatus.EXCHANGE_SHIPPED, time(at), "exchange_shipped_at", null);
		this.auditLog.record("AFTER_SALES_EXCHANGE_SHIPPED", "aftersales", String.valueOf(id), null);
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public AfterSalesRequest close(long id, Instant at) {
		Row row = lock(id);
		check(row, RequestStatus.CLOSED);
		move(row, RequestStatus.CLOSED, time(at), "closed_at", null);
		this.auditLog.record("AFTER_SALES_CLOSED", "aftersales", String.valueOf(id), null);
		return find(id).orElseThrow();
	}

	@Override
	@Transactional
	public ChannelRefund.Outcome recordChannelRefund(ChannelRefund refund) {
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		OrderSnapshot order = this.orders.find(refund.orderId()).orElse(null);
		if (order == null || order.lines().isEmpty()
				|| !(PAID_STATUSES.contains(order.status()) || order.times().paidAt() != null)) {
			return new ChannelRefund.Outcome(null, zero, zero, zero, true);
		}
		List<OrderSnapshot.Line> orderLines = order.lines();
		// locking the order's balances first serialises imports of the same order
		Map<Long, Balance> balances = lockBalances(orderLines.stream().map(OrderSnapshot.Line::id).toList());
		Map<Long, BigDecimal> imported = new HashMap<>();
		this.jdbc.sql("""
				SELECT l.order_line_id, coalesce(sum(l.refunded_amount), 0) FROM after_sales_line l
				JOIN after_sales_request r ON r.id = l.request_id
				WHERE r.order_id = :order AND r.source = 'IMPORT' GROUP BY l.order_line_id""")
			.param("order", order.id())
			.query((rs, n) -> imported.put(rs.getLong(1), rs.getBigDecimal(2)))
			.list();
		BigDecimal before = imported.values().stream().reduce(zero, BigDecimal::add).setScale(2);
		Map<Long, BigDecimal> capacity = new HashMap<>();
		for (OrderSnapshot.Line line : orderLines) {
			Balance balance = balances.get(line.id());
			capacity.put(line.id(), balance.paid().subtract(balance.committed()).max(BigDecimal.ZERO));
		}
		Map<Long, BigDecimal> wanted = new HashMap<>();
		if (!refund.lines().isEmpty()) {
			refund.lines().forEach((index, amount) -> {
				if (index >= 0 && index < orderLines.size()) {
					long lineId = orderLines.get(index).id();
					BigDecimal more = amount.subtract(imported.getOrDefault(lineId, BigDecimal.ZERO));
					if (more.signum() > 0) {
						wanted.merge(lineId, more, BigDecimal::add);
					}
				}
			});
		}
		else {
			BigDecimal more = refund.total().subtract(before);
			if (more.signum() > 0) {
				wanted.putAll(spread(orderLines, more));
			}
		}
		BigDecimal asked = wanted.values().stream().reduce(zero, BigDecimal::add);
		Map<Long, BigDecimal> deltas = new HashMap<>();
		BigDecimal rest = BigDecimal.ZERO;
		for (OrderSnapshot.Line line : orderLines) {
			BigDecimal want = wanted.getOrDefault(line.id(), BigDecimal.ZERO);
			BigDecimal take = want.min(capacity.get(line.id()));
			rest = rest.add(want.subtract(take));
			capacity.put(line.id(), capacity.get(line.id()).subtract(take));
			if (take.signum() > 0) {
				deltas.put(line.id(), take);
			}
		}
		// what a full line could not take goes to the lines with room left
		for (OrderSnapshot.Line line : orderLines) {
			if (rest.signum() <= 0 || !refund.lines().isEmpty()) {
				break;
			}
			BigDecimal add = capacity.get(line.id()).min(rest);
			if (add.signum() > 0) {
				deltas.merge(line.id(), add, BigDecimal::add);
				rest = rest.subtract(add);
			}
		}
		BigDecimal total = deltas.values().stream().reduce(zero, BigDecimal::add).setScale(2);
		BigDecimal unrecorded = asked.subtract(total).max(BigDecimal.ZERO).setScale(2);
		if (total.signum() == 0) {
			return new ChannelRefund.Outcome(null, zero, before, unrecorded, false);
		}
		Instant at = time(firstNonNull(refund.at(), order.times().closedAt(), order.times().cancelledAt(),
				order.times().completedAt()));
		String reference = "import:" + before.add(total).toPlainString();
		long id = this.jdbc.sql("""
				INSERT INTO after_sales_request (order_id, type, status, source, reason_code, requested_amount,
				  refunded_amount, requested_at, approved_at, refunded_at, closed_at, status_since, created_by,
				  external_reference)
				VALUES (:order, 'REFUND_ONLY', 'CLOSED', 'IMPORT', :reason, :amount, :amount, :at, :at, :at, :at, :at,
				  :actor, :reference) RETURNING id""")
			.param("order", order.id())
			.param("reason", CHANNEL_REFUND_REASON)
			.param("amount", total)
			.param("at", Timestamp.from(at))
			.param("actor", currentActor())
			.param("reference", reference)
			.query(Long.class)
			.single();
		List<RefundCompleted.Line> refunded = new ArrayList<>();
		for (OrderSnapshot.Line line : orderLines) {
			BigDecimal amount = deltas.get(line.id());
			if (amount == null) {
				continue;
			}
			int units = units(line, amount);
			this.jdbc.sql("""
					INSERT INTO after_sales_line (request_id, order_line_id, sku, quantity, amount, refunded_amount)
					VALUES (:request, :line, :sku, :quantity, :amount, :amount)""")
				.param("request", id)
				.param("line", line.id())
				.param("sku", line.sku())
				.param("quantity", units)
				.param("amount", amount)
				.update();
			refunded.add(new RefundCompleted.Line(line.sku(), units, amount));
		}
		applyDeltas(deltas, balances);
		timeline(id, null, RequestStatus.REQUESTED, at, CHANNEL_REFUND_REASON);
		timeline(id, RequestStatus.REQUESTED, RequestStatus.APPROVED, at, Authority.CHANNEL.name());
		timeline(id, RequestStatus.APPROVED, RequestStatus.REFUNDED, at, total.toPlainString());
		timeline(id, RequestStatus.REFUNDED, RequestStatus.CLOSED, at, null);
		this.auditLog.record("AFTER_SALES_CHANNEL_REFUND_IMPORTED", "aftersales", String.valueOf(id),
				order.number() + ": " + total.toPlainString() + " " + order.currency());
		this.events.publishEvent(new RefundCompleted(id, order.id(), order.number(), order.channelCode(), total,
				order.currency(), refunded, at));
		return new ChannelRefund.Outcome(id, total, before, unrecorded, false);
	}

	/**
	 * Spreads an amount over the order's lines in proportion to what was paid for each,
	 * the cents left over going to the first lines.
	 */
	static Map<Long, BigDecimal> spread(List<OrderSnapshot.Line> lines, BigDecimal amount) {
		BigDecimal paid = lines.stream().map(OrderSnapshot.Line::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
		Map<Long, BigDecimal> shares = new HashMap<>();
		BigDecimal given = BigDecimal.ZERO;
		for (OrderSnapshot.Line line : lines) {
			BigDecimal share = (paid.signum() > 0)
					? amount.multiply(line.amount()).divide(paid, 2, RoundingMode.DOWN).min(line.amount())
					: BigDecimal.ZERO.setScale(2);
			shares.put(line.id(), share);
			given = given.add(share);
		}
		BigDecimal rest = amount.subtract(given);
		for (OrderSnapshot.Line line : lines) {
			if (rest.signum() <= 0) {
				break;
			}
			BigDecimal add = line.amount().subtract(shares.get(line.id())).max(BigDecimal.ZERO).min(rest);
			shares.put(line.id(), shares.get(line.id()).add(add));
			rest = rest.subtract(add);
		}
		// beyond what was paid for the lines (postage, taxes): on the first line, capped
		// later
		if (rest.signum() > 0) {
			shares.merge(lines.get(0).id(), rest, BigDecimal::add);
		}
		return shares;
	}

	/** The units a refund of part of an order line stands for, at least one. */
	private static int units(OrderSnapshot.Line line, BigDecimal amount) {
		if (line.amount().signum() <= 0 || amount.compareTo(line.amount()) >= 0) {
			return line.quantity();
		}
		int units = amount.multiply(BigDecimal.valueOf(line.quantity()))
			.divide(line.amount(), 0, RoundingMode.HALF_UP)
			.intValue();
		return Math.min(line.quantity(), Math.max(1, units));
	}

	private static Instant firstNonNull(Instant... times) {
		for (Instant time : times) {
			if (time != null) {
				return time;
			}
		}
		return null;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<AfterSalesRequest> find(long id) {
		return this.jdbc.sql("""
				SELECT r.*, o.number, o.currency, o.status AS order_status, c.code AS channel_code
				FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE r.id = :id""")
			.param("id", id)
			.query((rs, n) -> new AfterSalesRequest(rs.getLong("id"), rs.getLong("order_id"), rs.getString("number"),
					rs.getString("channel_code"), rs.getString("order_status"), rs.getString("currency"),
					RequestType.valueOf(rs.getString("type")), RequestStatus.valueOf(rs.getString("status")),
					RequestSource.valueOf(rs.getString("source")), rs.getString("reason_code"),
					rs.getString("reason_text"),
					(rs.getString("photo_urls") != null) ? List.of(rs.getString("photo_urls").split("\n")) : List.of(),
					rs.getString("note"), rs.getString("reject_reason"), rs.getBigDecimal("requested_amount"),
					rs.getBigDecimal("refunded_amount"), rs.getTimestamp("requested_at").toInstant(),
					rs.getTimestamp("status_since").toInstant(), List.of(), List.of()))
			.optional()
			.map((r) -> new AfterSalesRequest(r.id(), r.orderId(), r.orderNumber(), r.channelCode(), r.orderStatus(),
					r.currency(), r.type(), r.status(), r.source(), r.reasonCode(), r.reasonText(), r.photoUrls(),
					r.note(), r.rejectReason(), r.requestedAmount(), r.refundedAmount(), r.requestedAt(),
					r.statusSince(), viewLines(id), timeline(id)));
	}

	/**
	 * What may still be committed to refunds of an order line (without locking).
	 */
	@Transactional(readOnly = true)
	BigDecimal refundable(OrderSnapshot.Line line) {
		BigDecimal committed = this.jdbc
			.sql("SELECT committed FROM after_sales_line_balance WHERE order_line_id = :line")
			.param("line", line.id())
			.query(BigDecimal.class)
			.optional()
			.orElse(BigDecimal.ZERO);
		return line.amount().subtract(committed).max(BigDecimal.ZERO);
	}

	/** The units' share of what was paid for an order line. */
	static BigDecimal share(OrderSnapshot.Line line, int quantity) {
		if (quantity >= line.quantity()) {
			return line.amount().setScale(2, RoundingMode.HALF_UP);
		}
		return line.amount()
			.multiply(BigDecimal.valueOf(quantity))
			.divide(BigDecimal.valueOf(line.quantity()), 2, RoundingMode.DOWN);
	}

	/**
	 * Shares a refund over the lines in proportion to their amounts, each within its
	 * capacity, the rest going to lines with room left.
	 */
	static Map<Long, BigDecimal> share(List<LineRow> lines, BigDecimal total, Map<Long, BigDecimal> capacity,
			BigDecimal requested) {
		Map<Long, BigDecimal> shares = new HashMap<>();
		BigDecimal given = BigDecimal.ZERO;
		for (LineRow line : lines) {
			BigDecimal share = (requested.signum() > 0)
					? total.multiply(line.amount()).divide(requested, 2, RoundingMode.DOWN) : BigDecimal.ZERO;
			share = share.min(capacity.get(line.id())).setScale(2);
			shares.put(line.id(), share);
			given = given.add(share);
		}
		BigDecimal rest = total.subtract(given);
		for (LineRow line : lines) {
			if (rest.signum() <= 0) {
				break;
			}
			BigDecimal room = capacity.get(line.id()).subtract(shares.get(line.id()));
			BigDecimal add = room.min(rest);
			if (add.signum() > 0) {
				shares.put(line.id(), shares.get(line.id()).add(add));
				rest = rest.subtract(add);
			}
		}
		return shares;
	}

	private void guardThreshold(BigDecimal amount, Authority by) {
		if (by == Authority.OPERATOR) {
			BigDecimal threshold = this.settings.current().refundThreshold();
			if (amount.compareTo(threshold) > 0) {
				throw new AfterSalesException.ManagerRequired(threshold);
			}
		}
	}

	/** Commits the amounts per order line, refusing any above what remains refundable. */
	private void commit(Map<Long, BigDecimal> deltas) {
		Map<Long, Balance> balances = lockBalances(List.copyOf(deltas.keySet()));
		BigDecimal refundable = BigDecimal.ZERO;
		boolean over = false;
		for (Map.Entry<Long, BigDecimal> delta : deltas.entrySet()) {
			Balance balance = balances.get(delta.getKey());
			BigDecimal left = balance.paid().subtract(balance.committed());
			refundable = refundable.add(left.max(BigDecimal.ZERO));
			if (balance.committed().add(delta.getValue()).compareTo(balance.paid()) > 0) {
				over = true;
			}
		}
		if (over) {
			throw new AfterSalesException.OverRefund(refundable);
		}
		applyDeltas(deltas, balances);
	}

	private void applyDeltas(Map<Long, BigDecimal> deltas, Map<Long, Balance> balances) {
		for (Map.Entry<Long, BigDecimal> delta : deltas.entrySet()) {
			if (delta.getValue().signum() == 0) {
				continue;
			}
			this.jdbc
				.sql("UPDATE after_sales_line_balance SET committed = committed + :delta WHERE order_line_id = :id")
				.param("delta", delta.getValue())
				.param("id", delta.getKey())
				.update();
		}
	}

	/**
	 * Creates the missing balance rows of the order lines (what was paid for each) and
	 * locks them all, in id order.
	 */
	private Map<Long, Balance> lockBalances(List<Long> orderLineIds) {
		Long[] ids = orderLineIds.stream().distinct().sorted().toArray(Long[]::new);
		this.jdbc.sql("""
				INSERT INTO after_sales_line_balance (order_line_id, paid)
				SELECT id, amount FROM order_line WHERE id = ANY (:ids) ORDER BY id
				ON CONFLICT (order_line_id) DO NOTHING""").param("ids", ids).update();
		Map<Long, Balance> balances = new HashMap<>();
		this.jdbc.sql("""
				SELECT order_line_id, paid, committed FROM after_sales_line_balance
				WHERE order_line_id = ANY (:ids) ORDER BY order_line_id FOR UPDATE""")
			.param("ids", ids)
			.query((rs, n) -> balances.put(rs.getLong(1), new Balance(rs.getBigDecimal(2), rs.getBigDecimal(3))))
			.list();
		return balances;
	}

	private Row lock(long id) {
		return this.jdbc.sql("""
				SELECT r.id, r.order_id, r.type, r.status, r.requested_amount, o.number, o.currency, o.warehouse,
				  c.code
				FROM after_sales_request r JOIN shop_order o ON o.id = r.order_id
				JOIN sales_channel c ON c.id = o.channel_id WHERE r.id = :id FOR UPDATE OF r""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), RequestType.valueOf(rs.getString(3)),
					RequestStatus.valueOf(rs.getString(4)), rs.getBigDecimal(5), rs.getString(6), rs.getString(7),
					rs.getString(8), rs.getString(9)))
			.optional()
			.orElseThrow(() -> new AfterSalesException.NotFound(String.valueOf(id)));
	}

	private static void check(Row row, RequestStatus target) {
		if (!row.status().canMoveTo(row.type(), target)) {
			throw new AfterSalesException.IllegalTransition(row.status(), target);
		}
	}

	private void move(Row row, RequestStatus target, Instant at, String timeColumn, String note) {
		this.jdbc
			.sql("UPDATE after_sales_request SET status = :status, " + timeColumn
					+ " = :at, status_since = :at, updated_at = now(), version = version + 1 WHERE id = :id")
			.param("status", target.name())
			.param("at", Timestamp.from(at))
			.param("id", row.id())
			.update();
		timeline(row.id(), row.status(), target, at, note);
	}

	private void timeline(long id, RequestStatus from, RequestStatus to, Instant at, String note) {
		String text = (note != null && note.length() > 300) ? note.substring(0, 300) : note;
		this.jdbc.sql("""
				INSERT INTO after_sales_timeline (request_id, from_status, to_status, at, actor, note)
				VALUES (:id, :from, :to, :at, :actor, :note)""")
			.param("id", id)
			.param("from", (from != null) ? from.name() : null)
			.param("to", to.name())
			.param("at", Timestamp.from(at))
			.param("actor", currentActor())
			.param("note", text)
			.update();
	}

	private List<LineRow> lines(long id) {
		return this.jdbc
			.sql("SELECT id, order_line_id, sku, quantity, amount, outcome FROM after_sales_line "
					+ "WHERE request_id = :id ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new LineRow(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4),
					rs.getBigDecimal(5), (rs.getString(6) != null) ? LineOutcome.valueOf(rs.getString(6)) : null))
			.list();
	}

	private List<AfterSalesRequest.Line> viewLines(long id) {
		return this.jdbc.sql("""
				SELECT l.id, l.order_line_id, l.sku, ol.title, l.quantity, l.amount, l.refunded_amount, l.outcome
				FROM after_sales_line l JOIN order_line ol ON ol.id = l.order_line_id
				WHERE l.request_id = :id ORDER BY l.id""")
			.param("id", id)
			.query((rs, n) -> new AfterSalesRequest.Line(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getInt(5), rs.getBigDecimal(6), rs.getBigDecimal(7),
					(rs.getString(8) != null) ? LineOutcome.valueOf(rs.getString(8)) : null))
			.list();
	}

	private List<AfterSalesRequest.TimelineEntry> timeline(long id) {
		return this.jdbc
			.sql("SELECT from_status, to_status, at, actor, note FROM after_sales_timeline WHERE request_id = :id "
					+ "ORDER BY id")
			.param("id", id)
			.query((rs, n) -> new AfterSalesRequest.TimelineEntry(
					(rs.getString(1) != null) ? RequestStatus.valueOf(rs.getString(1)) : null,
					RequestStatus.valueOf(rs.getString(2)), rs.getTimestamp(3).toInstant(), rs.getString(4),
					rs.getString(5)))
			.list();
	}

	private static Instant time(Instant at) {
		return ((at != null) ? at : Instant.now()).truncatedTo(ChronoUnit.MICROS);
	}

	private static String strip(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return stripped.isEmpty() ? null : stripped;
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "system";
		}
		String name = authentication.getName();
		return (name.length() > 64) ? name.substring(0, 64) : name;
	}

	private record ResolvedLine(OrderSnapshot.Line orderLine, int quantity, BigDecimal amount) {
	}

	record LineRow(long id, long orderLineId, String sku, int quantity, BigDecimal amount, LineOutcome outcome) {
	}

	private record Balance(BigDecimal paid, BigDecimal committed) {
	}

	private record Row(long id, long orderId, RequestType type, RequestStatus status, BigDecimal requestedAmount,
			String orderNumber, String currency, String warehouse, String channelCode) {
	}

}
