package io.shopops.fulfilment.catalog.importing;

import java.util.Arrays;
import java.util.List;

/**
 * The columns of ShopOps' own catalog template: one row per SKU, with English or
 * Simplified Chinese headers. Use {@link #ENGLISH_HEADER} or {@link #CHINESE_HEADER} to
 * write the downloadable template and exports; such files are read back as
 * {@link CatalogFormat#TEMPLATE}.
 * <p>
 * Header names are matched case-insensitively after trimming, so a header may mark
 * required columns with a trailing {@code *} ({@code handle*}, {@code 商品编码*}) and may use
 * full-width parentheses ({@code 重量（克）}). English and Chinese names may even be mixed.
 * Columns not listed here are ignored.
 * <p>
 * Each row is one SKU; the rows of a product are consecutive and share the handle.
 * Product fields (title, description, category, brand, tags, status, SEO fields and
 * option names) may be repeated on every row of a product or given only on its first row:
 * the first row's values are used, later values are ignored. Values:
 * {@link Column#CATEGORY} is a path such as {@code 服装 > 女装 > 连衣裙}; {@link Column#TAGS}
 * are separated by {@code ,} or {@code ，}; {@link Column#STATUS} is {@code draft},
 * {@code active}, {@code archived} or {@code 草稿}, {@code 在售}, {@code 已归档} (empty means
 * draft); {@link Column#IMAGE_URLS} holds several URLs separated by {@code |}, positioned
 * in that order, with the product title as alternative text.
 */
public final class CatalogTemplate {

	/**
	 * The template columns in template order.
	 */
	public enum Column {

		/** The product's unique code: letters, digits, "-", "_" and "." (required). */
		HANDLE("handle", "商品编码", true, Field.HANDLE),

		/** The product title (required on a product's first row). */
		TITLE("title", "商品标题", true, Field.TITLE),

		/** The description, plain text or HTML (sanitised). */
		DESCRIPTION("description", "商品描述", false, Field.DESCRIPTION),

		/** The category path, levels separated by {@code >}. */
		CATEGORY("category", "类目", false, Field.CATEGORY),

		/** The brand. */
		BRAND("brand", "品牌", false, Field.BRAND),

		/** The tags, separated by commas. */
		TAGS("tags", "标签", false, Field.TAGS),

		/** The status: draft, active or archived. */
		STATUS("status", "状态", false, Field.STATUS),

		/** The search engine title. */
		SEO_TITLE("seo_title", "SEO标题", false, Field.SEO_TITLE),

		/** The search engine description. */
		SEO_DESCRIPTION("seo_description", "SEO描述", false, Field.SEO_DESCRIPTION),

		/** The name of the first option, such as size. */
		OPTION1_NAME("option1_name", "规格1名称", false, Field.OPTION1_NAME),

		/** This SKU's value of the first option. */
		OPTION1_VALUE("option1_value", "规格1值", false, Field.OPTION1_VALUE),

		/** The name of the second option. */
		OPTION2_NAME("option2_name", "规格2名称", false, Field.OPTION2_NAME),

		/** This SKU's value of the second option. */
		OPTION2_VALUE("option2_value", "规格2值", false, Field.OPTION2_VALUE),

		/** The name of the third option. */
		OPTION3_NAME("option3_name", "规格3名称", false, Field.OPTION3_NAME),

		/** This SKU's value of the third option. */
		OPTION3_VALUE("option3_value", "规格3值", false, Field.OPTION3_VALUE),

		/** The SKU, unique in the file, at most 64 characters (required). */
		SKU("sku", "SKU编码", true, Field.SKU),

		/** The selling price, at most 2 decimals (required). */
		PRICE("price", "售价", true, Field.PRICE),

		/** The "was" price shown struck through. */
		COMPARE_AT_PRICE("compare_at_price", "划线价", false, Field.COMPARE_AT_PRICE),

		/** The unit cost. */
		COST("cost", "成本价", false, Field.COST),

		/** The barcode. */
		BARCODE("barcode", "条形码", false, Field.BARCODE),

		/** The shipping weight in whole grams. */
		WEIGHT_GRAMS("weight_grams", "重量(克)", false, Field.WEIGHT_GRAMS),

		/** The stock to start with, a whole number. */
		INITIAL_STOCK("initial_stock", "初始库存", false, Field.INITIAL_STOCK),

		/** Image URLs separated by {@code |}. */
		IMAGE_URLS("image_urls", "图片链接", false, Field.IMAGE_URLS);

		private final String english;

		private final String chinese;

		private final boolean required;

		private final Field field;

		Column(String english, String chinese, boolean required, Field field) {
			this.english = english;
			this.chinese = chinese;
			this.required = required;
			this.field = field;
		}

		/**
		 * Returns the English header name.
		 * @return the English header name
		 */
		public String english() {
			return this.english;
		}

		/**
		 * Returns the Simplified Chinese header name.
		 * @return the Chinese header name
		 */
		public String chinese() {
			return this.chinese;
		}

		/**
		 * Returns whether the column is required in the header and its value on every row
		 * (the title only on a product's first row).
		 * @return whether the column is required
		 */
		public boolean required() {
			return this.required;
		}

		Field field() {
			return this.field;
		}

	}

	/**
	 * The English header, in template order.
	 */
	public static final List<String> ENGLISH_HEADER = Arrays.stream(Column.values()).map(Column::english).toList();

	/**
	 * The Simplified Chinese header, in template order.
	 */
	public static final List<String> CHINESE_HEADER = Arrays.stream(Column.values()).map(Column::chinese).toList();

	private CatalogTemplate() {
	}

}
