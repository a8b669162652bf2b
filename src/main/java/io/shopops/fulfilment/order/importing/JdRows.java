package io.shopops.fulfilment.order.importing;

import java.util.List;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;

/**
 * Reads 京东 POP's order export: one row per SKU, the order's fields repeated on each row
 * (read from the first). The SKU is 货号 (the merchant's code), else 商品ID; the unit price
 * 京东价; the discount is what the items and freight come to beyond 应付金额.
 */
final class JdRows extends LayoutRows {

	private final int number = column("订单号");

	private final int productId = column("商品ID", "商品编号");

	private final int title = column("商品名称");

	private final int quantity = column("订购数量", "商品数量");

	private final int orderedAt = column("下单时间");

	private final int price = column("京东价");

	private final int payable = column("应付金额");

	private final int status = column("订单状态");

	private final int account = column("下单帐号", "下单账号");

	private final int customer = column("客户姓名");

	private final int address = column("客户地址");

	private final int phone = column("联系电话");

	private final int remark = column("订单备注");

	private final int freight = column("运费金额");

	private final int paidAt = column("付款确认时间");

	private final int merchantCode = column("货号");

	private final int completedAt = column("订单完成时间");

	JdRows(Header header, Context context) {
		super(header, context);
	}

	@Override
	void row(RowCells cells) {
		OrderBuilder order = order(cells, this.number);
		if (order == null) {
			return;
		}
		if (order.rows == 1) {
			String statusText = cells.text(this.status);
			order.status = (statusText != null) ? ChannelStatuses.jd(statusText) : null;
			if (order.status == null) {
				cells.problem(this.status, statusText,
						(statusText == null) ? CsvProblems.VALUE_REQUIRED : OrderProblems.STATUS_UNKNOWN,
						(statusText == null) ? List.of() : List.of(statusText));
			}
			order.currency = "CNY";
			order.placedAt = cells.time(this.orderedAt);
			order.paidAt = cells.time(this.paidAt);
			order.completedAt = cells.time(this.completedAt);
			if (order.status == OrderStatus.PAID && order.paidAt == null) {
				order.paidAt = order.placedAt;
			}
			order.buyerId = cells.text(this.account, BUYER);
			order.customerName = cells.text(this.customer, NAME);
			order.customerPhone = cells.text(this.phone, PHONE);
			order.shipName = order.customerName;
			order.shipPhone = order.customerPhone;
			order.line1 = cells.text(this.address, LINE1);
			order.note = cells.cut(this.remark, NOTE);
			order.shippingFee = cells.money(this.freight);
			order.payable = cells.money(this.payable);
		}
		String sku = cells.text(this.merchantCode, SKU);
		int skuColumn = this.merchantCode;
		if (sku == null) {
			sku = cells.text(this.productId, SKU);
			skuColumn = this.productId;
		}
		String name = cells.cut(this.title, TITLE);
		Integer units = cells.quantity(this.quantity);
		var unitPrice = cells.requiredMoney(this.price);
		if (!cells.failed()) {
			order.line(cells.number(), cells.column(skuColumn), sku, name, units, unitPrice, null);
		}
		settle(order, cells);
	}

}
