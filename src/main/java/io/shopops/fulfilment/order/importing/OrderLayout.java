package io.shopops.fulfilment.order.importing;

import io.shopops.platform.csv.Header;

/**
 * The order export layouts the import reads, recognised from their header by column names
 * (never by position, so added, removed or reordered columns do not matter).
 */
enum OrderLayout {

	/** The ShopOps template, English or Chinese headers: one row per line. */
	TEMPLATE,

	/** Shopify's orders export (79, 75 columns): one row per line item. */
	SHOPIFY,

	/** 淘宝/天猫 订单报表 (ExportOrderList): one row per order, without items. */
	TAOBAO_ORDERS,

	/** 淘宝/天猫 宝贝报表 (ExportOrderDetailList): one row per item of an order. */
	TAOBAO_ITEMS,

	/** 京东 POP order export: one row per SKU, order fields repeated. */
	JD,

	/** 抖店 order export: one row per sub-order. */
	DOUYIN;

	/**
	 * Recognises a header.
	 * @param header the file's header
	 * @return the layout, or {@code null} if it is none of them
	 */
	static OrderLayout detect(Header header) {
		if (header.has("Name") && header.has("Lineitem quantity") && header.has("Lineitem name")) {
			return SHOPIFY;
		}
		if (header.has("订单编号") && header.has("订单状态")
				&& (header.has("买家会员名") || header.has("收货人姓名") || header.has("订单创建时间"))) {
			return TAOBAO_ORDERS;
		}
		if (header.has("订单编号") && header.has("购买数量") && (header.has("商家编码") || header.has("标题"))) {
			return TAOBAO_ITEMS;
		}
		if (header.has("主订单编号") && header.has("商品数量")) {
			return DOUYIN;
		}
		if (header.has("订单号") && header.has("订购数量")) {
			return JD;
		}
		if (header.has(TemplateColumn.NUMBER.aliases()) && header.has(TemplateColumn.SKU.aliases())
				&& header.has(TemplateColumn.QUANTITY.aliases())) {
			return TEMPLATE;
		}
		return null;
	}

	/**
	 * Whether this is the Shopify export trimmed to order columns (no line items), which
	 * cannot be imported.
	 */
	static boolean isShopifyWithoutLines(Header header) {
		return header.has("Name") && header.has("Created at") && header.has("Total")
				&& !header.has("Lineitem quantity");
	}

}
