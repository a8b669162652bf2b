package io.shopops.fulfilment.catalog;

import java.util.List;

/**
 * The columns of ShopOps' own catalog template, used by the downloadable template, the
 * export and the import. One row per SKU; product columns repeat on each row of the
 * product (or are given on its first row only).
 */
public final class CatalogColumns {

	/** English headers, in file order. */
	public static final List<String> ENGLISH = List.of("handle", "title", "description", "category", "brand", "tags",
			"status", "seo_title", "seo_description", "option1_name", "option1_value", "option2_name", "option2_value",
			"option3_name", "option3_value", "sku", "price", "compare_at_price", "cost", "barcode", "weight_grams",
			"initial_stock", "image_urls");

	/** Chinese headers, in the same order. */
	public static final List<String> CHINESE = List.of("商品编码", "商品标题", "商品描述", "类目", "品牌", "标签", "状态", "SEO标题", "SEO描述",
			"规格1名称", "规格1值", "规格2名称", "规格2值", "规格3名称", "规格3值", "SKU编码", "售价", "划线价", "成本价", "条形码", "重量(克)", "初始库存",
			"图片链接");

	private CatalogColumns() {
	}

}
