package io.shopops.fulfilment.catalog;

import io.shopops.fulfilment.catalog.importing.CatalogTemplate;

import java.math.BigDecimal;
import java.util.List;
import java.util.stream.Collectors;

import de.siegmar.fastcsv.writer.CsvWriter;
import io.shopops.platform.CsvCells;

import org.springframework.stereotype.Component;

/**
 * Writes the catalog in the import template, so an export can be edited and imported
 * again. Every cell a spreadsheet would run as a formula is neutralised.
 */
@Component
class CatalogExport {

	private final ProductQuery query;

	private final ProductRepository products;

	CatalogExport(ProductQuery query, ProductRepository products) {
		this.query = query;
		this.products = products;
	}

	void write(ProductFilter filter, boolean chineseHeaders, CsvWriter csv) {
		csv.writeRecord(chineseHeaders ? CatalogTemplate.CHINESE_HEADER : CatalogTemplate.ENGLISH_HEADER);
		// rows come product by product: parse a product's images once, not once per SKU
		String[] last = { null, "" };
		this.query.forEachVariant(filter, (row) -> {
			if (!row.handle().equals(last[0])) {
				last[0] = row.handle();
				last[1] = this.products.images(row.imagesJson())
					.stream()
					.map(ProductImage::url)
					.collect(Collectors.joining(" | "));
			}
			String images = last[1];
			List<String> cells = List.of(text(row.handle()), text(row.title()), text(row.description()),
					text(row.category()), text(row.brand()), text(String.join(",", row.tags())),
					row.status().toLowerCase(), text(row.seoTitle()), text(row.seoDescription()),
					text(row.option1Name()), text(row.option1Value()), text(row.option2Name()),
					text(row.option2Value()), text(row.option3Name()), text(row.option3Value()), text(row.sku()),
					money(row.price()), money(row.compareAtPrice()), money(row.cost()), text(row.barcode()),
					(row.weightGrams() != null) ? row.weightGrams().toString() : "", String.valueOf(row.stock()),
					text(images));
			csv.writeRecord(cells);
		});
	}

	private static String text(String value) {
		return CsvCells.neutralize((value != null) ? value : "");
	}

	private static String money(BigDecimal value) {
		return (value != null) ? value.toPlainString() : "";
	}

}
