package io.shopops.fulfilment.order.importing;

import java.util.List;

import io.shopops.platform.csv.Header;

/**
 * Reads 淘宝/天猫's 宝贝报表 (ExportOrderDetailList): one row per item, joined to the 订单报表's
 * order by 订单编号. The SKU is 商家编码 (else 外部系统编号). Column names in problems are prefixed
 * with the file's report name, since both files have rows 2, 3 ….
 */
final class TaobaoItemRows extends LayoutRows {

	private final int number = column("订单编号");

	private final int title = column("标题");

	private final int price = column("价格");

	private final int quantity = column("购买数量");

	private final int merchantCode = column("商家编码");

	private final int externalCode = column("外部系统编号");

	private final int properties = column("商品属性");

	TaobaoItemRows(Header header, Context context) {
		super(header, context);
	}

	@Override
	void row(RowCells cells) {
		String orderNumber = cells.text(this.number, NUMBER);
		OrderBuilder order = (orderNumber != null) ? this.context.orders.get(orderNumber) : null;
		if (order == null) {
			if (orderNumber != null) {
				cells.problem(this.number, orderNumber, OrderProblems.ITEM_WITHOUT_ORDER, List.of(orderNumber));
			}
			else if (!cells.failed()) {
				cells.problem(this.number, null, io.shopops.platform.csv.CsvProblems.VALUE_REQUIRED, List.of());
			}
			this.context.orphanRows++;
			return;
		}
		order.rows++;
		String sku = cells.text(this.merchantCode, SKU);
		int skuColumn = this.merchantCode;
		if (sku == null) {
			sku = cells.text(this.externalCode, SKU);
			skuColumn = (sku != null) ? this.externalCode : this.merchantCode;
		}
		String name = cells.text(this.title);
		String variant = cells.text(this.properties);
		String title = (name != null && variant != null) ? name + " " + variant : name;
		if (title != null && title.length() > TITLE) {
			title = title.substring(0, TITLE);
		}
		Integer units = cells.quantity(this.quantity);
		var unitPrice = cells.requiredMoney(this.price);
		if (!cells.failed()) {
			order.line(cells.number(), cells.column(skuColumn), sku, title, units, unitPrice, null);
		}
		settle(order, cells);
	}

}
