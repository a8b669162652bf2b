package io.shopops.fulfilment.catalog.importing;

import io.shopops.platform.csv.CsvFileException;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Reads the real exports in {@code shared/fixtures/real} (Shopify's current and classic
 * layouts, WooCommerce) with the counts the fixtures' README gives, and WooCommerce's
 * structure rules on small files.
 */
class RealExportsTests {

	private static final String WOO_HEADER = "ID,Type,SKU,Name,Published,Stock,Weight (kg),Sale price,Regular price,"
			+ "Categories,Tags,Images,Parent,Attribute 1 name,Attribute 1 value(s),Attribute 2 name,Attribute 2 value(s)";

	@TempDir
	Path dir;

	@Test
	void readsShopifysCurrentLayout() throws Exception {
		RecordingSink sink = read("real/shopify-products/theteleporter__hirachu__product_template.csv",
				CatalogFormat.SHOPIFY_CURRENT, 15);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).hasSize(2);
		assertThat(sink.variantCount()).isEqualTo(15);
		ProductRecord shirt = sink.product("physical-product-the-band-t-shirt");
		assertThat(shirt.title()).isEqualTo("Physical Product “The Band” T-Shirt");
		assertThat(shirt.brand()).isEqualTo("Harmony Threads");
		assertThat(shirt.categoryPath()).isEqualTo("Apparel & Accessories > Clothing > Clothing Tops > T-Shirts");
		assertThat(shirt.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(shirt.tags()).containsExactly("Unisex", "Clothing", "Men", "Women", "Casual", "Vintage");
		assertThat(shirt.seoTitle()).startsWith("Vintage The Band Graphic T-Shirt");
		assertThat(shirt.descriptionHtml()).startsWith("<p>Celebrate the timeless legacy");
		assertThat(shirt.optionNames()).containsExactly("Size", "Color");
		assertThat(shirt.variants()).hasSize(12);
		VariantRecord first = shirt.variants().get(0);
		assertThat(first).returns("TheBandTShirt-SG", VariantRecord::sku)
			.returns(List.of("Small", "green"), VariantRecord::optionValues)
			.returns(new BigDecimal("19.99"), VariantRecord::price)
			.returns(new BigDecimal("24.99"), VariantRecord::compareAtPrice)
			.returns(new BigDecimal("11.00"), VariantRecord::cost)
			.returns("5784397765", VariantRecord::barcode)
			.returns(150, VariantRecord::weightGrams)
			.returns(47, VariantRecord::initialStock);
		assertThat(shirt.images()).first()
			.returns(1, ImageRecord::position)
			.returns("Green t-shirt with The Band graphic", ImageRecord::altText);
		ProductRecord book = sink.product("digital-product-the-history-of-rock-music");
		assertThat(book.optionNames()).containsExactly("Format");
		assertThat(book.variants()).extracting(VariantRecord::sku)
			.containsExactly("HRM-EBK-PDF", "HRM-EBK-AUD", "HRM-EBK-KND");
	}

	@Test
	void keepsEveryVariantOfAClassicExportWhoseSkusRepeat() throws Exception {
		RecordingSink sink = read(
				"real/shopify-products/YadaYadaSoftware__shopify-variant-splitter__products_export_1.csv",
				CatalogFormat.SHOPIFY, 61);
		assertThat(sink.products).hasSize(8);
		assertThat(sink.variantCount()).isEqualTo(14);
		assertThat(sink.summary.invalidRows()).isZero();
		assertThat(sink.problems).allMatch(RowProblem::warning)
			.extracting(RowProblem::row, RowProblem::code, RowProblem::args)
			.containsExactly(
					tuple(50L, CatalogProblemCodes.SKU_REPEATED, List.of("stmw-med-neutral-backroom-1oz-usa-2")),
					tuple(53L, CatalogProblemCodes.STOCK_NEGATIVE, List.of()),
					tuple(53L, CatalogProblemCodes.SKU_REPEATED, List.of("stmw-med-neutral-citrus-1oz-usa-2")),
					tuple(54L, CatalogProblemCodes.SKU_REPEATED, List.of("stmw-med-neutral-bayrum-1oz-usa-2")));
		assertThat(sink.products.stream().flatMap((product) -> product.variants().stream()).map(VariantRecord::sku))
			.doesNotHaveDuplicates();
	}

	@Test
	void keepsAVariantWithAnEmptyOptionNameAndValueDash() throws Exception {
		RecordingSink sink = read("real/shopify-products/Wen5928__price_test_smalltool__products_export_1.csv",
				CatalogFormat.SHOPIFY, 6);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).hasSize(5);
		assertThat(sink.variantCount()).isEqualTo(6);
		assertThat(sink.products).extracting(ProductRecord::handle).contains("棉質的舒舒服服長褲");
		ProductRecord top = sink.product("短袖-上衣");
		assertThat(top.optionNames()).containsExactly("Title");
		assertThat(top.variants()).extracting(VariantRecord::sku, VariantRecord::optionValues)
			.containsExactly(tuple("短袖-上衣", List.of("Default Title")), tuple("ABCONVERT", List.of("-")));
	}

	@Test
	void readsArabicHandlesAndProductsWithoutSkus() throws Exception {
		RecordingSink sink = read("real/shopify-products/Anfas-Al-Anoud__anfas-al-anoud-theme__products_export_1.csv",
				CatalogFormat.SHOPIFY, 41);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).hasSize(41);
		assertThat(sink.variantCount()).isEqualTo(41);
		assertThat(sink.products).allSatisfy((product) -> assertThat(product.variants()).singleElement()
			.returns(product.handle(), VariantRecord::sku));
		assertThat(sink.product("لوشن-العنود").variants().get(0).price()).isEqualTo(new BigDecimal("37.63"));
	}

	@Test
	void readsWooCommercesSampleCatalog() throws Exception {
		RecordingSink sink = read(
				"real/woocommerce-products/rogeraclaro__valeapp__woocommerce-7.9.0__sample_products.csv",
				CatalogFormat.WOOCOMMERCE, 25);
		assertThat(sink.products).hasSize(16);
		assertThat(sink.variantCount()).isEqualTo(21);
		assertThat(sink.problems).extracting(RowProblem::row, RowProblem::code, RowProblem::args)
			.containsExactly(tuple(24L, CatalogProblemCodes.PRODUCT_TYPE_UNSUPPORTED, List.of("grouped")),
					tuple(25L, CatalogProblemCodes.PRODUCT_TYPE_UNSUPPORTED, List.of("external")));
		assertThat(sink.summary.invalidRows()).isEqualTo(2);
		ProductRecord beanie = sink.product("woo-beanie");
		assertThat(beanie.title()).isEqualTo("Beanie");
		assertThat(beanie.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(beanie.categoryPath()).isEqualTo("Clothing > Accessories");
		assertThat(beanie.optionNames()).isEmpty();
		assertThat(beanie.variants()).singleElement()
			.returns("woo-beanie", VariantRecord::sku)
			.returns(new BigDecimal("18.00"), VariantRecord::price)
			.returns(new BigDecimal("20.00"), VariantRecord::compareAtPrice)
			.returns(91, VariantRecord::weightGrams);
		assertThat(sink.product("woo-tshirt-logo").variants().get(0).sku()).isEqualTo("Woo-tshirt-logo");
		assertThat(sink.product("woo-album").variants().get(0).weightGrams()).isNull();
		ProductRecord tee = sink.product("woo-vneck-tee");
		assertThat(tee.title()).isEqualTo("V-Neck T-Shirt");
		assertThat(tee.optionNames()).containsExactly("Color");
		assertThat(tee.variants()).extracting(VariantRecord::sku, VariantRecord::optionValues, VariantRecord::price)
			.containsExactly(tuple("woo-vneck-tee-red", List.of("Red"), new BigDecimal("20.00")),
					tuple("woo-vneck-tee-green", List.of("Green"), new BigDecimal("20.00")),
					tuple("woo-vneck-tee-blue", List.of("Blue"), new BigDecimal("15.00")));
		assertThat(tee.variants()).extracting(VariantRecord::weightGrams).containsOnly(227);
		assertThat(tee.images()).extracting(ImageRecord::position).containsExactly(1, 2, 3);
		assertThat(tee.images().get(0).url()).endsWith("/vneck-tee-2.jpg");
		ProductRecord hoodie = sink.product("woo-hoodie");
		assertThat(hoodie.optionNames()).containsExactly("Color", "Logo");
		assertThat(hoodie.variants()).extracting(VariantRecord::optionValues)
			.containsExactly(List.of("Red", "No"), List.of("Green", "No"), List.of("Blue", "No"),
					List.of("Blue", "Yes"));
		assertThat(hoodie.variants().get(0).compareAtPrice()).isEqualTo(new BigDecimal("45.00"));
		assertThat(hoodie.images()).hasSize(4);
	}

	@Test
	void wooCommerceVariationsMayComeBeforeTheirParentAndNameItById() throws Exception {
		RecordingSink sink = wooRead("11,variation,,Tee - S,1,3,,,10,,,https://c.example/s.jpg,id:10,Size,S,,",
				"12,variation,TEE-M,Tee - M,1,-1,0.25,9,12,,,,id:10,Size,M,,",
				"10,variable,,Tee,1,,0.5,,,\"Clothing > Tops, Sale\",\"cotton, summer\",https://c.example/tee.jpg,,Size,\"S, M\",,");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(3, "Stock", "-1", CatalogProblemCodes.STOCK_NEGATIVE, List.of(), true));
		ProductRecord tee = sink.product("tee-10");
		assertThat(tee.firstRow()).isEqualTo(4);
		assertThat(tee.categoryPath()).isEqualTo("Clothing > Tops");
		assertThat(tee.tags()).containsExactly("cotton", "summer");
		assertThat(tee.variants())
			.extracting(VariantRecord::sku, VariantRecord::weightGrams, VariantRecord::initialStock,
					VariantRecord::price, VariantRecord::compareAtPrice)
			.containsExactly(tuple("tee-10-s", 500, 3, new BigDecimal("10.00"), null),
					tuple("TEE-M", 250, 0, new BigDecimal("9.00"), new BigDecimal("12.00")));
		assertThat(tee.images()).extracting(ImageRecord::url, ImageRecord::position)
			.containsExactly(tuple("https://c.example/tee.jpg", 1), tuple("https://c.example/s.jpg", 2));
	}

	@Test
	void wooCommerceReportsWhatCannotBeImportedAndKeepsTheRest() throws Exception {
		RecordingSink sink = wooRead("1,variable,LONELY,Lonely,1,,,,,,,,,Size,S,,",
				"2,variable,SHIRT,Shirt,1,,,,,,,,,Size,\"S, M\",,", "3,variation,SHIRT-S,,1,,,,5,,,,SHIRT,Size,S,,",
				"4,variation,SHIRT-S2,,1,,,,5,,,,SHIRT,Size,S,,", "5,simple,MUG,Mug,1,,,,,,,,,,,,",
				"6,simple,CUP,Cup,1,,,,4,,,,,,,,", "7,variation,CUP-X,,1,,,,4,,,,CUP,Size,X,,",
				"8,variation,GHOST-X,,1,,,,4,,,,GHOST,Size,X,,", "9,external,LINK,Link,1,,,,4,,,,,,,,",
				"10,variation,SHIRT-M,,1,,,,,,,,SHIRT,Size,M,,");
		assertThat(sink.problems).extracting(RowProblem::row, RowProblem::code)
			.containsExactlyInAnyOrder(tuple(6L, CatalogProblemCodes.PRICE_REQUIRED),
					tuple(10L, CatalogProblemCodes.PRODUCT_TYPE_UNSUPPORTED),
					tuple(8L, CatalogProblemCodes.VARIATION_PARENT_NOT_VARIABLE),
					tuple(9L, CatalogProblemCodes.VARIATION_PARENT_MISSING),
					tuple(2L, CatalogProblemCodes.VARIABLE_NO_VARIATIONS),
					tuple(5L, CatalogProblemCodes.OPTION_DUPLICATE), tuple(11L, CatalogProblemCodes.PRICE_REQUIRED));
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("cup", "shirt");
		assertThat(sink.product("shirt").variants()).extracting(VariantRecord::sku).containsExactly("SHIRT-S");
		assertThat(sink.summary.invalidRows()).isEqualTo(7);
	}

	@Test
	void namesTooLongValuesByTheColumnsOfTheFilesLayout() throws Exception {
		Path file = CatalogFiles.write(this.dir, "Title,URL handle,Product category,SKU,Price",
				"Mug,mug," + "c".repeat(101) + ",MUG-1,5");
		FileInfo info = CatalogFileReader.inspect(file);
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(new RecordLimits(info).check(sink.product("mug"))).extracting(RowProblem::row, RowProblem::column)
			.containsExactly(tuple(2L, "Product category"));
	}

	@Test
	void wooCommerceLimitsOptionsToThreeAndNeedsEveryOptionValue() {
		String header = "ID,Type,SKU,Name,Regular price,Weight,Parent,Attribute 1 name,Attribute 1 value(s),"
				+ "Attribute 2 name,Attribute 2 value(s),Attribute 3 name,Attribute 3 value(s),Attribute 4 name,"
				+ "Attribute 4 value(s)";
		RecordingSink sink = CatalogFiles.read(CatalogFiles.write(this.dir, header,
				"1,variable,WIDE,Wide,,1.5,,A,x,B,x,C,x,D,x", "2,variation,WIDE-1,,5,,WIDE,A,x,B,x,C,x,D,x",
				"3,variable,BAG,Bag,,0.25,,Colour,\"Red, Blue\",Size,\"S, M\",,,,",
				"4,variation,BAG-R,,5,,BAG,Colour,Red,Size,S,,,,", "5,variation,BAG-B,,5,,BAG,Colour,Blue,Size,,,,,"));
		assertThat(sink.problems).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
			.containsExactlyInAnyOrder(tuple(2L, "", CatalogProblemCodes.OPTION_TOO_MANY),
					tuple(3L, "", CatalogProblemCodes.PRODUCT_INVALID),
					tuple(6L, "Size", CatalogProblemCodes.OPTION_VALUE_MISSING));
		assertThat(sink.products).singleElement().satisfies((bag) -> {
			assertThat(bag.optionNames()).containsExactly("Colour", "Size");
			assertThat(bag.variants()).singleElement().returns(250, VariantRecord::weightGrams);
		});
	}

	@Test
	void wooCommerceRefusesAnUnknownWeightUnit() {
		Path file = CatalogFiles.write(this.dir, "ID,Type,SKU,Name,Regular price,Weight (stone)", "1,simple,A,A,1,2");
		assertThat(org.assertj.core.api.Assertions.catchThrowableOfType(CsvFileException.class,
				() -> CatalogFileReader.inspect(file)))
			.returns(CatalogProblemCodes.HEADER_WEIGHT_UNIT, CsvFileException::code)
			.returns(List.of("Weight (stone)"), CsvFileException::args);
	}

	private RecordingSink wooRead(String... rows) {
		String[] lines = new String[rows.length + 1];
		lines[0] = WOO_HEADER;
		System.arraycopy(rows, 0, lines, 1, rows.length);
		RecordingSink sink = CatalogFiles.read(CatalogFiles.write(this.dir, lines));
		return sink;
	}

	private static RecordingSink read(String fixture, CatalogFormat format, long records) throws Exception {
		Path file = CatalogFiles.fixture(fixture);
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.format()).isEqualTo(format);
		assertThat(info.records()).isEqualTo(records);
		RecordingSink sink = new RecordingSink();
		sink.summary = CatalogFileReader.read(file, info, sink);
		return sink;
	}

}
