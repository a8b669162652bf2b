package io.shopops.fulfilment.catalog.importing;

import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The lengths the catalog's columns allow, checked on each product before it is written,
 * so that a long value is reported against its row instead of failing the whole import in
 * the database.
 */
final class RecordLimits {

	private final boolean shopify;

	private final boolean chinese;

	private final ColumnLayout layout;

	RecordLimits(FileInfo info) {
		this.shopify = info.format() != CatalogFormat.TEMPLATE;
		this.chinese = !this.shopify && info.header().stream().anyMatch((column) -> column.contains("商品编码"));
		ColumnLayout layout;
		try {
			layout = ColumnLayout.of(info.format(), info.header());
		}
		catch (CsvFileException ex) {
			// inspect() accepted this header, so its layout can be built
			throw new IllegalStateException(ex);
		}
		this.layout = layout;
	}

	List<RowProblem> check(ProductRecord product) {
		List<RowProblem> problems = new ArrayList<>();
		long row = product.firstRow();
		limit(problems, row, column(Field.SEO_TITLE, "seo_title", "SEO标题", "SEO Title"), product.seoTitle(), 255);
		limit(problems, row, column(Field.SEO_DESCRIPTION, "seo_description", "SEO描述", "SEO Description"),
				product.seoDescription(), 1000);
		limit(problems, row, column(Field.BRAND, "brand", "品牌", "Vendor"), product.brand(), 100);
		for (int i = 0; i < product.optionNames().size(); i++) {
			limit(problems, row, column(Field.OPTION_NAMES[i], "option" + (i + 1) + "_name", "规格" + (i + 1) + "名称",
					"Option" + (i + 1) + " Name"), product.optionNames().get(i), 100);
		}
		if (product.categoryPath() != null) {
			String category = column(Field.CATEGORY, "category", "类目", "Type");
			for (String name : product.categoryPath().split(">")) {
				limit(problems, row, category, name.strip(), 100);
			}
			limit(problems, row, category, product.categoryPath(), 1000);
		}
		for (String tag : product.tags()) {
			limit(problems, row, column(Field.TAGS, "tags", "标签", "Tags"), tag, 100);
		}
		Field imageField = this.layout.has(Field.IMAGE_SRC) ? Field.IMAGE_SRC : Field.IMAGE_URLS;
		for (ImageRecord image : product.images()) {
			limit(problems, image.row(), column(imageField, "image_urls", "图片链接", "Image Src"), image.url(), 2000);
		}
		for (VariantRecord variant : product.variants()) {
			for (int i = 0; i < variant.optionValues().size(); i++) {
				limit(problems, variant.row(), column(Field.OPTION_VALUES[i], "option" + (i + 1) + "_value",
						"规格" + (i + 1) + "值", "Option" + (i + 1) + " Value"), variant.optionValues().get(i), 100);
			}
			limit(problems, variant.row(), column(Field.BARCODE, "barcode", "条形码", "Variant Barcode"),
					variant.barcode(), 64);
		}
		if (!problems.isEmpty()) {
			for (long other : otherRows(product)) {
				problems.add(new RowProblem(other, "", null, "import.problem.product.invalid", List.of(row)));
			}
		}
		return problems;
	}

	/**
	 * Every row the product came from.
	 */
	static long rows(ProductRecord product) {
		Set<Long> rows = new HashSet<>();
		rows.add(product.firstRow());
		product.variants().forEach((variant) -> rows.add(variant.row()));
		product.images().forEach((image) -> rows.add(image.row()));
		return rows.size();
	}

	private static Set<Long> otherRows(ProductRecord product) {
		Set<Long> rows = new java.util.TreeSet<>();
		product.variants().forEach((variant) -> rows.add(variant.row()));
		product.images().forEach((image) -> rows.add(image.row()));
		rows.remove(product.firstRow());
		return rows;
	}

	/**
	 * The field's column as the file names it, else the usual name in the file's format.
	 */
	private String column(Field field, String english, String chinese, String shopify) {
		String name = this.layout.name(field);
		if (!name.isEmpty()) {
			return name;
		}
		return this.shopify ? shopify : (this.chinese ? chinese : english);
	}

	private static void limit(List<RowProblem> problems, long row, String column, String value, int max) {
		if (value != null && value.length() > max) {
			problems.add(new RowProblem(row, column, value.substring(0, Math.min(value.length(), 200)),
					CsvProblems.VALUE_TOO_LONG, List.of(max)));
		}
	}

}
