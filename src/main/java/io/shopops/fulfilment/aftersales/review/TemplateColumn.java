package io.shopops.fulfilment.aftersales.review;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of the ShopOps review template: one row per review. A review names its
 * product by SKU or handle (or, failing both, by title); the rating is 1 to 5 or
 * 好评/中评/差评.
 */
enum TemplateColumn {

	EXTERNAL_ID("review_id", "评价编号"), SKU("sku", "商家编码"), HANDLE("product_handle", "商品Handle"),
	PRODUCT_NAME("product_name", "商品名称"), ORDER_NUMBER("order_number", "订单号"), RATING("rating", "评分"),
	TITLE("title", "标题"), BODY("body", "评价内容"), AUTHOR("author", "评价人"), EMAIL("email", "邮箱"),
	REVIEWED_AT("reviewed_at", "评价时间"), REPLY("reply", "商家回复"), REPLIED_AT("replied_at", "回复时间"),
	HIDDEN("hidden", "隐藏");

	/** The English header, in template order. */
	static final List<String> ENGLISH_HEADER = Arrays.stream(values()).map((column) -> column.english).toList();

	/** The Chinese header, in template order. */
	static final List<String> CHINESE_HEADER = Arrays.stream(values()).map((column) -> column.chinese).toList();

	private final String english;

	private final String chinese;

	TemplateColumn(String english, String chinese) {
		this.english = english;
		this.chinese = chinese;
	}

	String[] aliases() {
		return new String[] { this.english, this.chinese, this.english.replace('_', ' ') };
	}

}
