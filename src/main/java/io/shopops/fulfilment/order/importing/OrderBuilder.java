package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.Address;
import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderDraft;
import io.shopops.fulfilment.order.OrderSource;
import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.fulfilment.order.Times;
import io.shopops.fulfilment.order.Utm;

/**
 * Collects the rows of one order while a file is read; {@link #build(String, List)} turns
 * them into an {@link ImportedOrder}. A problem on any row of the order fails the whole
 * order: it is never placed in part.
 */
final class OrderBuilder {

	/** The SKU of a line the file gives none for (Shopify custom items, gift cards). */
	static final String NO_SKU = "-";

	final String number;

	final long firstRow;

	int rows;

	boolean failed;

	OrderStatus status;

	Instant placedAt;

	Instant paidAt;

	Instant shippedAt;

	Instant deliveredAt;

	Instant completedAt;

	Instant cancelledAt;

	Instant closedAt;

	String customerName;

	String customerPhone;

	String customerEmail;

	String buyerId;

	String shipName;

	String shipPhone;

	String province;

	String city;

	String district;

	String line1;

	String postcode;

	BigDecimal shippingFee;

	/** The order-level discount as the file states it. */
	BigDecimal discount;

	/** A discount over the whole order that includes the lines' discounts (Shopify). */
	BigDecimal totalDiscount;

	/**
	 * What the buyer pays for the order, when the file gives it instead of a discount.
	 */
	BigDecimal payable;

	String currency;

	String couponCode;

	String utmSource;

	String utmMedium;

	String utmCampaign;

	String utmContent;

	String contentCode;

	String visitorId;

	String carrier;

	String trackingNumber;

	String note;

	final List<ImportedOrder.LineAt> lines = new ArrayList<>();

	/**
	 * What the channel refunded on the order in all; {@link #FULL_REFUND} for everything
	 * that was paid, {@code null} for nothing.
	 */
	BigDecimal refund;

	/** When the channel refunded, {@code null} when the file does not say. */
	Instant refundedAt;

	/** The row and column the refund was read from. */
	long refundRow;

	String refundColumn = "";

	/** Per line position the money refunded for that line (抖店's sub-orders). */
	final Map<Integer, BigDecimal> lineRefunds = new LinkedHashMap<>();

	/**
	 * The refund of a file that says the order was refunded in full without an amount.
	 */
	static final BigDecimal FULL_REFUND = new BigDecimal("-1");

	OrderBuilder(String number, long firstRow) {
		this.number = number;
		this.firstRow = firstRow;
	}

	/**
	 * Records what the channel refunded, read from the given row and column.
	 */
	void refund(BigDecimal amount, long row, String column) {
		this.refund = amount;
		this.refundRow = row;
		this.refundColumn = column;
	}

	/**
	 * Records that the channel refunded the last line added in full (what was paid for
	 * it).
	 */
	void refundLastLine(long row, String column) {
		OrderDraft.Line line = this.lines.get(this.lines.size() - 1).line();
		BigDecimal paid = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
		if (line.discount() != null) {
			paid = paid.subtract(line.discount());
		}
		this.lineRefunds.put(this.lines.size() - 1, paid.setScale(2, java.math.RoundingMode.HALF_UP));
		if (this.refund == null) {
			this.refundRow = row;
			this.refundColumn = column;
		}
		this.refund = this.lineRefunds.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
	}

	void line(long row, String skuColumn, String sku, String title, int quantity, BigDecimal unitPrice,
			BigDecimal discount) {
		this.lines.add(new ImportedOrder.LineAt(row, skuColumn,
				new OrderDraft.Line((sku != null) ? sku : NO_SKU, title, quantity, unitPrice, discount)));
	}

	/**
	 * Checks the order as a whole and builds it.
	 * @param channelCode the channel the upload is for
	 * @param issues where problems go
	 * @return the order, or {@code null} if it failed
	 */
	ImportedOrder build(String channelCode, List<RowIssue> issues) {
		if (this.failed) {
			return null;
		}
		if (this.lines.isEmpty()) {
			issues.add(new RowIssue(this.firstRow, "", this.number, OrderProblems.NO_LINES, List.of(), false));
			this.failed = true;
			return null;
		}
		BigDecimal goods = BigDecimal.ZERO;
		BigDecimal lineDiscounts = BigDecimal.ZERO;
		for (ImportedOrder.LineAt at : this.lines) {
			OrderDraft.Line line = at.line();
			BigDecimal worth = line.unitPrice().multiply(BigDecimal.valueOf(line.quantity()));
			BigDecimal discount = (line.discount() != null) ? line.discount() : BigDecimal.ZERO;
			if (discount.compareTo(worth) > 0) {
				issues.add(new RowIssue(at.row(), "", discount.toPlainString(), OrderProblems.DISCOUNT_TOO_LARGE,
						List.of(worth.toPlainString()), false));
				this.failed = true;
			}
			goods = goods.add(worth);
			lineDiscounts = lineDiscounts.add(discount);
		}
		if (this.failed) {
			return null;
		}
		BigDecimal orderDiscount = this.discount;
		if (orderDiscount == null && this.totalDiscount != null) {
			orderDiscount = positive(this.totalDiscount.subtract(lineDiscounts));
		}
		if (orderDiscount == null && this.payable != null) {
			BigDecimal postage = (this.shippingFee != null) ? this.shippingFee : BigDecimal.ZERO;
			orderDiscount = positive(goods.subtract(lineDiscounts).add(postage).subtract(this.payable));
		}
		BigDecimal fee = (this.shippingFee != null) ? this.shippingFee : BigDecimal.ZERO;
		BigDecimal due = goods.subtract(lineDiscounts).add(fee);
		if (orderDiscount != null && orderDiscount.compareTo(due) > 0) {
			issues.add(new RowIssue(this.firstRow, "", orderDiscount.toPlainString(), OrderProblems.DISCOUNT_TOO_LARGE,
					List.of(due.toPlainString()), false));
			this.failed = true;
			return null;
		}
		Times times = new Times(this.placedAt, this.paidAt, this.shippedAt, this.deliveredAt, this.completedAt,
				this.cancelledAt, this.closedAt);
		Customer customer = (this.customerName == null && this.customerPhone == null && this.customerEmail == null
				&& this.buyerId == null) ? null
						: new Customer(this.customerName, this.customerPhone, this.customerEmail, this.buyerId);
		Address address = (this.shipName == null && this.shipPhone == null && this.province == null && this.city == null
				&& this.district == null && this.line1 == null && this.postcode == null) ? null
						: new Address(this.shipName, this.shipPhone, this.province, this.city, this.district,
								this.line1, this.postcode);
		Utm utm = (this.utmSource == null && this.utmMedium == null && this.utmCampaign == null
				&& this.utmContent == null) ? null
						: new Utm(this.utmSource, this.utmMedium, this.utmCampaign, this.utmContent);
		OrderDraft.Shipment shipment = (this.carrier == null && this.trackingNumber == null) ? null
				: new OrderDraft.Shipment(this.carrier, this.trackingNumber);
		OrderDraft draft = new OrderDraft(channelCode, this.number, this.status, times, customer, address,
				this.lines.stream().map(ImportedOrder.LineAt::line).toList(), this.shippingFee, orderDiscount,
				this.currency, this.couponCode, utm, this.contentCode, this.visitorId, shipment, this.note,
				OrderSource.IMPORT);
		BigDecimal paid = due.subtract((orderDiscount != null) ? orderDiscount : BigDecimal.ZERO);
		return new ImportedOrder(draft, this.firstRow, this.rows, List.copyOf(this.lines), refund(paid, issues));
	}

	/**
	 * The channel's refund, within what the buyer paid for the order: an amount above it
	 * is a warning and only what was paid is taken.
	 */
	private ImportedOrder.Refund refund(BigDecimal paid, List<RowIssue> issues) {
		if (this.refund == null || this.refund.signum() == 0) {
			return null;
		}
		BigDecimal total = this.refund;
		if (total == FULL_REFUND) {
			total = paid;
		}
		else if (total.compareTo(paid) > 0) {
			issues.add(new RowIssue(this.refundRow, this.refundColumn, total.toPlainString(),
					OrderProblems.WARNING_REFUND_ABOVE_PAID, List.of(paid.toPlainString()), true));
			total = paid;
		}
		if (total.signum() <= 0) {
			return null;
		}
		return new ImportedOrder.Refund(total, this.lineRefunds, this.refundedAt, this.refundRow, this.refundColumn);
	}

	private static BigDecimal positive(BigDecimal amount) {
		return (amount.signum() > 0) ? amount : null;
	}

}
