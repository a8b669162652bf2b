package io.shopops.fulfilment.order.importing;

import java.time.Instant;
import java.util.List;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.csv.Header;

/**
 * Reads Shopify's orders export: one row per line item, the order's fields only on its
 * first row. The order number is {@code Name} ({@code #1001}); a paid order with an empty
 * {@code Paid at} takes {@code Created at}; {@code Discount Amount} covers the line
 * discounts too, so the order-level discount is what it adds to them.
 */
final class ShopifyRows extends LayoutRows {

	private final int name = column("Name");

	private final int email = column("Email");

	private final int financial = column("Financial Status");

	private final int paidAt = column("Paid at");

	private final int fulfillment = column("Fulfillment Status");

	private final int fulfilledAt = column("Fulfilled at");

	private final int currency = column("Currency");

	private final int shipping = column("Shipping");

	private final int discountCode = column("Discount Code");

	private final int discountAmount = column("Discount Amount");

	private final int createdAt = column("Created at");

	private final int quantity = column("Lineitem quantity");

	private final int title = column("Lineitem name");

	private final int price = column("Lineitem price");

	private final int sku = column("Lineitem sku");

	private final int lineDiscount = column("Lineitem discount");

	private final int billingName = column("Billing Name");

	private final int billingPhone = column("Billing Phone");

	private final int shipName = column("Shipping Name");

	private final int shipAddress1 = column("Shipping Address1", "Shipping Street");

	private final int shipAddress2 = column("Shipping Address2");

	private final int shipCity = column("Shipping City");

	private final int shipZip = column("Shipping Zip");

	private final int shipProvince = column("Shipping Province Name", "Shipping Province");

	private final int shipPhone = column("Shipping Phone");

	private final int notes = column("Notes");

	private final int cancelledAt = column("Cancelled at");

	private final int phone = column("Phone");

	private final int refunded = column("Refunded Amount");

	ShopifyRows(Header header, Context context) {
		super(header, context);
	}

	@Override
	void row(RowCells cells) {
		OrderBuilder order = order(cells, this.name);
		if (order == null) {
			return;
		}
		if (order.rows == 1) {
			readOrder(order, cells);
		}
		String sku = cells.text(this.sku, SKU);
		String title = cells.cut(this.title, TITLE);
		Integer quantity = cells.quantity(this.quantity);
		var unitPrice = cells.requiredMoney(this.price);
		var discount = cells.money(this.lineDiscount);
		if (!cells.failed()) {
			order.line(cells.number(), cells.column(this.sku), sku, title, quantity, unitPrice, discount);
		}
		settle(order, cells);
	}

	private void readOrder(OrderBuilder order, RowCells cells) {
		order.placedAt = cells.time(this.createdAt);
		order.cancelledAt = cells.time(this.cancelledAt);
		String financialStatus = cells.text(this.financial);
		String fulfillmentStatus = cells.text(this.fulfillment);
		order.status = ChannelStatuses.shopify(financialStatus, fulfillmentStatus, order.cancelledAt != null);
		if (order.status == null) {
			String value = financialStatus + " / " + fulfillmentStatus;
			cells.problem(this.financial, value, OrderProblems.STATUS_UNKNOWN, List.of(value));
			return;
		}
		if ("partial".equalsIgnoreCase(fulfillmentStatus) && order.status == OrderStatus.SHIPPED) {
			cells.warning(this.fulfillment, fulfillmentStatus, OrderProblems.WARNING_PARTIAL, List.of());
		}
		order.paidAt = cells.time(this.paidAt);
		boolean paid = "paid".equalsIgnoreCase(financialStatus)
				|| "partially_refunded".equalsIgnoreCase(financialStatus)
				|| "refunded".equalsIgnoreCase(financialStatus) || "partially_paid".equalsIgnoreCase(financialStatus);
		if (paid && order.paidAt == null) {
			order.paidAt = order.placedAt;
		}
		Instant fulfilled = cells.time(this.fulfilledAt);
		switch (order.status) {
			case SHIPPED -> order.shippedAt = fulfilled;
			case COMPLETED -> {
				order.shippedAt = fulfilled;
				order.completedAt = fulfilled;
			}
			case CLOSED -> order.closedAt = order.cancelledAt;
			default -> {
			}
		}
		if (order.status != OrderStatus.CANCELLED) {
			order.cancelledAt = null;
		}
		String code = cells.text(this.currency);
		if (code != null) {
			order.currency = Currencies.check(cells, this.currency, code, this.context.shopCurrency);
		}
		order.shippingFee = cells.money(this.shipping);
		order.totalDiscount = cells.money(this.discountAmount);
		order.couponCode = cells.text(this.discountCode, CODE);
		order.customerEmail = cells.text(this.email, EMAIL);
		order.customerName = cells.text(this.billingName, NAME);
		order.customerPhone = firstNonNull(cells.text(this.phone, PHONE), cells.text(this.billingPhone, PHONE));
		order.shipName = cells.text(this.shipName, NAME);
		order.shipPhone = cells.text(this.shipPhone, PHONE);
		order.province = cells.text(this.shipProvince, REGION);
		order.city = cells.text(this.shipCity, REGION);
		String street = join(cells.text(this.shipAddress1), cells.text(this.shipAddress2));
		if (street != null && street.length() > LINE1) {
			cells.problem(this.shipAddress1, street, io.shopops.platform.csv.CsvProblems.VALUE_TOO_LONG,
					List.of(LINE1));
		}
		else {
			order.line1 = street;
		}
		order.postcode = cells.text(this.shipZip, POSTCODE);
		order.note = cells.cut(this.notes, NOTE);
		readRefund(order, cells, financialStatus);
	}

	/**
	 * {@code Refunded Amount} of a refunded or partly refunded order; a refunded order
	 * without it was refunded in full.
	 */
	private void readRefund(OrderBuilder order, RowCells cells, String financialStatus) {
		boolean refundedInFull = "refunded".equalsIgnoreCase(financialStatus);
		if (!refundedInFull && !"partially_refunded".equalsIgnoreCase(financialStatus)) {
			return;
		}
		var amount = cells.money(this.refunded);
		if (amount != null && amount.signum() > 0) {
			order.refund(amount, cells.number(), cells.column(this.refunded));
		}
		else if (refundedInFull) {
			order.refund(OrderBuilder.FULL_REFUND, cells.number(), cells.column(this.financial));
		}
	}

	private static String firstNonNull(String first, String second) {
		return (first != null) ? first : second;
	}

	private static String join(String first, String second) {
		if (first == null) {
			return second;
		}
		return (second == null) ? first : first + " " + second;
	}

}
