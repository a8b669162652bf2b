package io.shopops.fulfilment.order.importing;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;

/**
 * Reads the ShopOps order template (English or Chinese headers, even mixed).
 */
final class TemplateRows extends LayoutRows {

	private final Map<TemplateColumn, Integer> columns = new EnumMap<>(TemplateColumn.class);

	TemplateRows(Header header, Context context) {
		super(header, context);
		for (TemplateColumn column : TemplateColumn.values()) {
			this.columns.put(column, header.index(column.aliases()));
		}
	}

	private int at(TemplateColumn column) {
		return this.columns.get(column);
	}

	@Override
	void row(RowCells cells) {
		OrderBuilder order = order(cells, at(TemplateColumn.NUMBER));
		if (order == null) {
			return;
		}
		if (order.rows == 1) {
			String status = cells.text(at(TemplateColumn.STATUS));
			if (status == null) {
				cells.problem(at(TemplateColumn.STATUS), null, CsvProblems.VALUE_REQUIRED, List.of());
			}
			else {
				order.status = ChannelStatuses.template(status);
				if (order.status == null) {
					cells.problem(at(TemplateColumn.STATUS), status, OrderProblems.STATUS_UNKNOWN, List.of(status));
				}
			}
			order.placedAt = cells.time(at(TemplateColumn.PLACED_AT));
			order.paidAt = cells.time(at(TemplateColumn.PAID_AT));
			order.shippedAt = cells.time(at(TemplateColumn.SHIPPED_AT));
			order.deliveredAt = cells.time(at(TemplateColumn.DELIVERED_AT));
			order.completedAt = cells.time(at(TemplateColumn.COMPLETED_AT));
			order.cancelledAt = cells.time(at(TemplateColumn.CANCELLED_AT));
			order.closedAt = cells.time(at(TemplateColumn.CLOSED_AT));
			order.customerName = cells.text(at(TemplateColumn.CUSTOMER_NAME), NAME);
			order.customerPhone = cells.text(at(TemplateColumn.CUSTOMER_PHONE), PHONE);
			order.customerEmail = cells.text(at(TemplateColumn.CUSTOMER_EMAIL), EMAIL);
			order.buyerId = cells.text(at(TemplateColumn.BUYER_ID), BUYER);
			order.shipName = cells.text(at(TemplateColumn.SHIP_NAME), NAME);
			order.shipPhone = cells.text(at(TemplateColumn.SHIP_PHONE), PHONE);
			order.province = cells.text(at(TemplateColumn.PROVINCE), REGION);
			order.city = cells.text(at(TemplateColumn.CITY), REGION);
			order.district = cells.text(at(TemplateColumn.DISTRICT), REGION);
			order.line1 = cells.text(at(TemplateColumn.ADDRESS), LINE1);
			order.postcode = cells.text(at(TemplateColumn.POSTCODE), POSTCODE);
			order.shippingFee = cells.money(at(TemplateColumn.SHIPPING_FEE));
			order.discount = cells.money(at(TemplateColumn.ORDER_DISCOUNT));
			String currency = cells.text(at(TemplateColumn.CURRENCY));
			if (currency != null) {
				order.currency = Currencies.check(cells, at(TemplateColumn.CURRENCY), currency,
						this.context.shopCurrency);
			}
			order.couponCode = cells.text(at(TemplateColumn.COUPON_CODE), CODE);
			order.utmSource = cells.text(at(TemplateColumn.UTM_SOURCE), UTM);
			order.utmMedium = cells.text(at(TemplateColumn.UTM_MEDIUM), UTM);
			order.utmCampaign = cells.text(at(TemplateColumn.UTM_CAMPAIGN), UTM);
			order.utmContent = cells.text(at(TemplateColumn.UTM_CONTENT), UTM);
			order.contentCode = cells.text(at(TemplateColumn.CONTENT_CODE), CODE);
			order.visitorId = cells.text(at(TemplateColumn.VISITOR_ID), CODE);
			order.carrier = cells.text(at(TemplateColumn.CARRIER), CODE);
			order.trackingNumber = cells.text(at(TemplateColumn.TRACKING_NUMBER), CODE);
			order.note = cells.cut(at(TemplateColumn.NOTE), NOTE);
			var refund = cells.money(at(TemplateColumn.REFUND_AMOUNT));
			if (refund != null && refund.signum() > 0) {
				order.refund(refund, cells.number(), cells.column(at(TemplateColumn.REFUND_AMOUNT)));
				order.refundedAt = cells.time(at(TemplateColumn.REFUNDED_AT));
			}
			if (order.status == OrderStatus.PAID && order.paidAt == null) {
				order.paidAt = order.placedAt;
			}
		}
		String sku = cells.required(at(TemplateColumn.SKU), SKU);
		String title = cells.cut(at(TemplateColumn.TITLE), TITLE);
		Integer quantity = cells.quantity(at(TemplateColumn.QUANTITY));
		var price = cells.requiredMoney(at(TemplateColumn.UNIT_PRICE));
		var discount = cells.money(at(TemplateColumn.LINE_DISCOUNT));
		if (!cells.failed()) {
			order.line(cells.number(), cells.column(at(TemplateColumn.SKU)), sku, title, quantity, price, discount);
		}
		settle(order, cells);
	}

}
