package io.shopops.fulfilment.order.importing;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the ShopOps order template: one row per order line; the order's fields
 * are read from its first row and may be left empty on the others. Rows of one order are
 * grouped by {@link #NUMBER}.
 */
enum TemplateColumn {

	NUMBER("order_number", "订单号", true), STATUS("status", "订单状态", true), PLACED_AT("placed_at", "下单时间", false),
	PAID_AT("paid_at", "付款时间", false), SHIPPED_AT("shipped_at", "发货时间", false),
	DELIVERED_AT("delivered_at", "签收时间", false), COMPLETED_AT("completed_at", "完成时间", false),
	CANCELLED_AT("cancelled_at", "取消时间", false), CLOSED_AT("closed_at", "关闭时间", false),
	CUSTOMER_NAME("customer_name", "客户姓名", false), CUSTOMER_PHONE("customer_phone", "客户电话", false),
	CUSTOMER_EMAIL("customer_email", "客户邮箱", false), BUYER_ID("buyer_id", "买家账号", false),
	SHIP_NAME("ship_name", "收货人", false), SHIP_PHONE("ship_phone", "收货人电话", false), PROVINCE("province", "省份", false),
	CITY("city", "城市", false), DISTRICT("district", "区县", false), ADDRESS("address", "详细地址", false),
	POSTCODE("postcode", "邮编", false), SKU("sku", "商家编码", true), TITLE("title", "商品名称", false),
	QUANTITY("quantity", "数量", true), UNIT_PRICE("unit_price", "单价", true),
	LINE_DISCOUNT("line_discount", "行优惠", false), SHIPPING_FEE("shipping_fee", "运费", false),
	ORDER_DISCOUNT("order_discount", "订单优惠", false), CURRENCY("currency", "币种", false),
	COUPON_CODE("coupon_code", "优惠码", false), UTM_SOURCE("utm_source", "UTM来源", false),
	UTM_MEDIUM("utm_medium", "UTM媒介", false), UTM_CAMPAIGN("utm_campaign", "UTM活动", false),
	UTM_CONTENT("utm_content", "UTM内容", false), CONTENT_CODE("content_code", "内容编码", false),
	VISITOR_ID("visitor_id", "访客ID", false), CARRIER("carrier", "快递公司", false),
	TRACKING_NUMBER("tracking_number", "快递单号", false), NOTE("note", "备注", false),
	REFUND_AMOUNT("refund_amount", "退款金额", false), REFUNDED_AT("refunded_at", "退款时间", false);

	/** The English header, in template order. */
	static final List<String> ENGLISH_HEADER = Arrays.stream(values()).map(TemplateColumn::english).toList();

	/** The Chinese header, in template order. */
	static final List<String> CHINESE_HEADER = Arrays.stream(values()).map(TemplateColumn::chinese).toList();

	private final String english;

	private final String chinese;

	private final boolean required;

	TemplateColumn(String english, String chinese, boolean required) {
		this.english = english;
		this.chinese = chinese;
		this.required = required;
	}

	String english() {
		return this.english;
	}

	String chinese() {
		return this.chinese;
	}

	boolean required() {
		return this.required;
	}

	String[] aliases() {
		return new String[] { this.english, this.chinese, this.english.replace('_', ' ') };
	}

}
