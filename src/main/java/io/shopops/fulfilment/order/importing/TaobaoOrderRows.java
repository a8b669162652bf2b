package io.shopops.fulfilment.order.importing;

import java.util.List;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;

/**
 * Reads 淘宝/天猫's 订单报表 (ExportOrderList): one row per order (shop software that imitates it
 * may repeat the row per item; later rows of an order are then only counted). Items come
 * from the 宝贝报表, read by {@link TaobaoItemRows}. The discount is what the items and
 * postage come to beyond what the buyer pays; 收货地址 is {@code 省 市 区 详细地址} separated by
 * spaces.
 */
final class TaobaoOrderRows extends LayoutRows {

	private final int number = column("订单编号");

	private final int buyer = column("买家会员名");

	private final int postage = column("买家应付邮费");

	private final int total = column("总金额");

	private final int actuallyPaid = column("买家实际支付金额", "支付金额");

	private final int status = column("订单状态");

	private final int message = column("买家留言");

	private final int receiver = column("收货人姓名", "收货人");

	private final int address = column("收货地址");

	private final int telephone = column("联系电话");

	private final int mobile = column("联系手机");

	private final int createdAt = column("订单创建时间");

	private final int paidAt = column("订单付款时间");

	private final int tracking = column("物流单号");

	private final int carrier = column("物流公司");

	private final int closeReason = column("订单关闭原因");

	private final int refunded = column("退款金额");

	TaobaoOrderRows(Header header, Context context) {
		super(header, context);
	}

	@Override
	void row(RowCells cells) {
		OrderBuilder order = order(cells, this.number);
		if (order == null || order.rows > 1) {
			return;
		}
		String statusText = cells.text(this.status);
		order.status = (statusText != null) ? ChannelStatuses.taobao(statusText) : null;
		if (order.status == null) {
			if (statusText == null) {
				cells.problem(this.status, null, CsvProblems.VALUE_REQUIRED, List.of());
			}
			else {
				cells.problem(this.status, statusText, OrderProblems.STATUS_UNKNOWN, List.of(statusText));
			}
		}
		order.currency = "CNY";
		order.buyerId = cells.text(this.buyer, BUYER);
		order.shippingFee = cells.money(this.postage);
		var paid = cells.money(this.actuallyPaid);
		var totalAmount = cells.money(this.total);
		order.payable = (paid != null && paid.signum() > 0) ? paid : totalAmount;
		order.note = cells.cut(this.message, NOTE);
		order.shipName = cells.text(this.receiver, NAME);
		String phone = cells.text(this.mobile, PHONE);
		order.shipPhone = (phone != null) ? phone : cells.text(this.telephone, PHONE);
		order.customerPhone = order.shipPhone;
		readAddress(order, cells);
		order.placedAt = cells.time(this.createdAt);
		order.paidAt = cells.time(this.paidAt);
		order.trackingNumber = cells.text(this.tracking, CODE);
		order.carrier = cells.text(this.carrier, CODE);
		var refund = cells.money(this.refunded);
		if (refund != null && refund.signum() > 0) {
			order.refund(refund, cells.number(), cells.column(this.refunded));
		}
		if (order.status == OrderStatus.CLOSED) {
			String reason = cells.text(this.closeReason);
			if (reason != null && order.note == null) {
				order.note = (reason.length() > NOTE) ? reason.substring(0, NOTE) : reason;
			}
		}
		settle(order, cells);
	}

	private void readAddress(OrderBuilder order, RowCells cells) {
		String text = cells.text(this.address);
		if (text == null) {
			return;
		}
		String[] parts = text.split("\\s+", 4);
		if (parts.length == 4 && parts[0].length() <= REGION && parts[1].length() <= REGION
				&& parts[2].length() <= REGION) {
			order.province = parts[0];
			order.city = parts[1];
			order.district = parts[2];
			text = parts[3];
		}
		if (text.length() > LINE1) {
			cells.problem(this.address, text, CsvProblems.VALUE_TOO_LONG, List.of(LINE1));
			return;
		}
		order.line1 = text;
	}

}
