package io.shopops.fulfilment.aftersales.review;

import io.shopops.platform.csv.Header;

/**
 * The review export layouts the import reads, recognised from their header by column
 * names (never by position). See the README section "Reviews" for the columns of each.
 */
enum ReviewLayout {

	/** WooCommerce "Product Reviews Import Export" (WebToffee): replies are rows too. */
	WOOCOMMERCE(ReviewSource.WOOCOMMERCE),

	/** Judge.me export/import CSV. */
	JUDGEME(ReviewSource.JUDGEME),

	/** Shopify "Product Reviews" (legacy app) export. */
	SHOPIFY(ReviewSource.SHOPIFY),

	/** Loox import template. */
	LOOX(ReviewSource.LOOX),

	/** Okendo import template. */
	OKENDO(ReviewSource.OKENDO),

	/** Yotpo review export (column names as Yotpo's import describes them). */
	YOTPO(ReviewSource.YOTPO),

	/** The ShopOps template, English or Chinese headers. */
	TEMPLATE(ReviewSource.TEMPLATE),

	/** A 淘宝/天猫 style roll-up: 平台, 店铺, 时间, 订单编号, 商品名称, 评价内容, 评分. */
	TAOBAO(ReviewSource.TAOBAO);

	private final ReviewSource source;

	ReviewLayout(ReviewSource source) {
		this.source = source;
	}

	ReviewSource source() {
		return this.source;
	}

	/**
	 * Recognises a header.
	 * @param header the file's header
	 * @return the layout, or {@code null} if it is none of them
	 */
	static ReviewLayout detect(Header header) {
		if (header.has("comment_ID") && header.has("comment_content")) {
			return WOOCOMMERCE;
		}
		if (header.has("review_date") && header.has("reviewer_name") && header.has("body")) {
			return JUDGEME;
		}
		if (header.has("product_handle") && header.has("state") && header.has("created_at") && header.has("body")) {
			return SHOPIFY;
		}
		if (header.has("product_handle") && header.has("created_at") && header.has("author") && header.has("body")) {
			return LOOX;
		}
		if (header.has("dateCreated") && header.has("body") && header.has("rating")) {
			return OKENDO;
		}
		if (header.has("Review Score") && header.has("Review Content")) {
			return YOTPO;
		}
		if (header.has(TemplateColumn.RATING.aliases()) && header.has(TemplateColumn.BODY.aliases())
				&& header.has(TemplateColumn.REVIEWED_AT.aliases())) {
			return TEMPLATE;
		}
		if (header.has("评价内容") && header.has("评分") && (header.has("订单编号") || header.has("商品名称"))) {
			return TAOBAO;
		}
		return null;
	}

}
