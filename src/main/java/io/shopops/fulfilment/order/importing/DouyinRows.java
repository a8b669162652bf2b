package io.shopops.fulfilment.order.importing;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

/**
 * Reads 抖店's order export: one row per sub-order (子订单), grouped by 主订单编号; a row that
 * joins several sub-orders with {@code ;} inside its cells is split. The SKU is 商家编码
 * (else 货号, else 商品ID). The unit price is 商品金额; without it, the sub-order's 订单应付金额 over
 * its quantity (the cent left over becomes the line's discount). Masked receivers
 * ({@code ##密文}) are kept as they are.
 */
final class DouyinRows extends LayoutRows {

	private final int number = column("主订单编号");

	private final int title = column("选购商品");

	private final int spec = column("商品规格");

	private final int quantity = column("商品数量");

	private final int merchantCode = column("商家编码");

	private final int articleNumber = column("货号");

	private final int productId = column("商品ID");

	private final int unitPrice = column("商品金额");

	private final int payable = column("订单应付金额");

	private final int freight = column("运费");

	private final int receiver = column("收件人");

	private final int receiverPhone = column("收件人手机号");

	private final int address = column("详细地址", "收货地址");

	private final int submittedAt = column("订单提交时间");

	private final int paidAt = column("支付完成时间");

	private final int remark = column("商家备注");

	private final int completedAt = column("订单完成时间");

	private final int status = column("订单状态");

	private final int afterSale = column("售后状态");

	private final int cancelReason = column("取消原因");

	private final int shippedAt = column("发货时间");

	/** The 售后状态 of a sub-order the channel refunded: its paid amount went back. */
	static final String REFUNDED = "退款成功";

	DouyinRows(Header header, Context context) {
		super(header, context);
	}

	@Override
	void row(RowCells cells) {
		OrderBuilder order = order(cells, this.number);
		if (order == null) {
			return;
		}
		if (order.rows == 1) {
			readOrder(order, cells);
		}
		String[] codes = split(cells.text(this.merchantCode));
		String[] articles = split(cells.text(this.articleNumber));
		String[] ids = split(cells.text(this.productId));
		String[] titles = split(cells.text(this.title));
		String[] specs = split(cells.text(this.spec));
		String[] quantities = split(cells.text(this.quantity));
		String[] prices = split(cells.text(this.unitPrice));
		String[] payables = split(cells.text(this.payable));
		String[] afterSales = split(cells.text(this.afterSale));
		int lines = Math.max(1, quantities.length);
		for (int i = 0; i < lines; i++) {
			String sku = pick(codes, i);
			int skuColumn = this.merchantCode;
			if (sku == null && pick(articles, i) != null) {
				sku = pick(articles, i);
				skuColumn = this.articleNumber;
			}
			if (sku == null && pick(ids, i) != null) {
				sku = pick(ids, i);
				skuColumn = this.productId;
			}
			if (sku != null && sku.length() > SKU) {
				cells.problem(skuColumn, sku, CsvProblems.VALUE_TOO_LONG, List.of(SKU));
				continue;
			}
			String name = pick(titles, i);
			String variant = pick(specs, i);
			String lineTitle = (name != null && variant != null) ? name + " " + variant : name;
			if (lineTitle != null && lineTitle.length() > TITLE) {
				lineTitle = lineTitle.substring(0, TITLE);
			}
			Integer units = units(cells, this.quantity, pick(quantities, i));
			if (units == null) {
				continue;
			}
			BigDecimal price = null;
			BigDecimal discount = null;
			String priceText = pick(prices, i);
			String payableText = (payables.length == lines) ? pick(payables, i)
					: ((lines == 1) ? pick(payables, 0) : null);
			if (priceText != null) {
				price = money(cells, this.unitPrice, priceText);
			}
			else if (payableText != null) {
				BigDecimal amount = money(cells, this.payable, payableText);
				if (amount != null) {
					price = amount.divide(BigDecimal.valueOf(units), 2, RoundingMode.CEILING);
					BigDecimal rest = price.multiply(BigDecimal.valueOf(units)).subtract(amount);
					discount = (rest.signum() > 0) ? rest : null;
				}
			}
			else {
				cells.problem(this.unitPrice, null, CsvProblems.VALUE_REQUIRED, List.of());
			}
			if (!cells.failed()) {
				order.line(cells.number(), cells.column(skuColumn), sku, lineTitle, units, price, discount);
				String afterSale = (afterSales.length == lines) ? pick(afterSales, i) : pick(afterSales, 0);
				if (REFUNDED.equals(afterSale)) {
					order.refundLastLine(cells.number(), cells.column(this.afterSale));
				}
			}
		}
		settle(order, cells);
	}

	private void readOrder(OrderBuilder order, RowCells cells) {
		String statusText = cells.text(this.status);
		order.status = (statusText != null) ? ChannelStatuses.douyin(statusText, cells.text(this.afterSale)) : null;
		if (order.status == null) {
			cells.problem(this.status, statusText,
					(statusText == null) ? CsvProblems.VALUE_REQUIRED : OrderProblems.STATUS_UNKNOWN,
					(statusText == null) ? List.of() : List.of(statusText));
		}
		order.currency = "CNY";
		order.placedAt = cells.time(this.submittedAt);
		order.paidAt = cells.time(this.paidAt);
		order.shippedAt = cells.time(this.shippedAt);
		order.completedAt = cells.time(this.completedAt);
		if (order.status == OrderStatus.PAID && order.paidAt == null) {
			order.paidAt = order.placedAt;
		}
		order.shipName = cells.text(this.receiver, NAME);
		order.shipPhone = cells.text(this.receiverPhone, PHONE);
		order.customerName = order.shipName;
		order.customerPhone = order.shipPhone;
		order.line1 = cells.text(this.address, LINE1);
		order.shippingFee = cells.money(this.freight);
		String note = cells.cut(this.remark, NOTE);
		String reason = cells.text(this.cancelReason);
		order.note = (note == null && reason != null && reason.length() <= NOTE) ? reason : note;
	}

	private static Integer units(RowCells cells, int column, String text) {
		if (text == null) {
			cells.problem(column, null, CsvProblems.VALUE_REQUIRED, List.of());
			return null;
		}
		Parsed<Integer> parsed = Cells.wholeNumber(text);
		if (!parsed.ok()) {
			cells.problem(column, text, parsed.problem(), List.of());
			return null;
		}
		if (parsed.value() == 0) {
			cells.problem(column, text, OrderProblems.QUANTITY_ZERO, List.of());
			return null;
		}
		return parsed.value();
	}

	private static BigDecimal money(RowCells cells, int column, String text) {
		Parsed<BigDecimal> parsed = Cells.money(text);
		if (!parsed.ok()) {
			cells.problem(column, text, parsed.problem(), List.of());
			return null;
		}
		return parsed.value();
	}

	private static String[] split(String text) {
		if (text == null) {
			return new String[0];
		}
		String[] parts = text.split("[;；]");
		for (int i = 0; i < parts.length; i++) {
			parts[i] = Cells.id(parts[i]);
		}
		return parts;
	}

	private static String pick(String[] values, int index) {
		if (index >= values.length) {
			return null;
		}
		String value = values[index];
		return (value.isEmpty() || value.equals("-")) ? null : value;
	}

}
