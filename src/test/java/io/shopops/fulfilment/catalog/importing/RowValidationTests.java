package io.shopops.fulfilment.catalog.importing;

import io.shopops.platform.csv.CsvProblems;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * Validation of row data: every problem is reported to the sink, bad rows are left out,
 * and nothing is thrown.
 */
class RowValidationTests {

	private static final String HEADER = "handle,title,sku,price";

	private static final String NUMBERS_HEADER = "handle,title,sku,price,compare_at_price,cost,weight_grams,initial_stock";

	private static final String SHOPIFY_HEADER = "Handle,Title,Body (HTML),Vendor,Published,Status,Option1 Name,"
			+ "Option1 Value,Option2 Name,Option2 Value,Variant SKU,Variant Price,Variant Barcode,Image Src,"
			+ "Image Position,Variant Image";

	@TempDir
	Path dir;

	@Test
	void rejectsPriceThatIsNotANumber() {
		RecordingSink sink = read(HEADER, "p,P,P-1,abc", "p,P,P-2,1e3", "p,P,P-3,5");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "price", "abc", CsvProblems.MONEY_INVALID, List.of()),
				new RowProblem(3, "price", "1e3", CsvProblems.MONEY_INVALID, List.of()));
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku).containsExactly("P-3");
		assertThat(sink.summary).isEqualTo(new ReadSummary(3, 3, 0, 2, 1));
	}

	@Test
	void rejectsNegativePrice() {
		RecordingSink sink = read(HEADER, "p,P,P-1,-1", "p,P,P-2,5");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(2, "price", "-1", CsvProblems.MONEY_NEGATIVE, List.of()));
		assertThat(sink.products.get(0).variants()).hasSize(1);
	}

	@Test
	void rejectsPriceWithMoreThanTwoDecimals() {
		RecordingSink sink = read(HEADER, "p,P,P-1,1.234", "p,P,P-2,1.230");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(2, "price", "1.234", CsvProblems.MONEY_DECIMALS, List.of()));
		assertThat(sink.products.get(0).variants().get(0).price()).isEqualTo(new BigDecimal("1.23"));
	}

	@Test
	void rejectsPriceAboveMaximum() {
		RecordingSink sink = read(HEADER, "p,P,P-1,100000000", "p,P,P-2,99999999.99");
		assertThat(sink.codes()).containsExactly(CsvProblems.MONEY_TOO_LARGE);
		assertThat(sink.products.get(0).variants().get(0).price()).isEqualTo(new BigDecimal("99999999.99"));
	}

	@Test
	void checksCompareAtPriceAndCostLikePrices() {
		RecordingSink sink = read(NUMBERS_HEADER, "p,P,P-1,5,-2,x,,");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "compare_at_price", "-2", CsvProblems.MONEY_NEGATIVE, List.of()),
				new RowProblem(2, "cost", "x", CsvProblems.MONEY_INVALID, List.of()));
		assertThat(sink.summary.invalidRows()).isEqualTo(1);
	}

	@Test
	void requiresPriceAndSkuOnTemplateRows() {
		RecordingSink sink = read(HEADER, "p,P,,", "p,P,P-2,3");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "sku", "", CatalogProblemCodes.SKU_REQUIRED, List.of()),
				new RowProblem(2, "price", "", CatalogProblemCodes.PRICE_REQUIRED, List.of()));
		assertThat(sink.products.get(0).firstRow()).isEqualTo(2);
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::row).containsExactly(3L);
	}

	@Test
	void rejectsBadWholeNumbers() {
		RecordingSink sink = read(NUMBERS_HEADER, "p,P,P-1,1,,,1.5,", "p,P,P-2,1,,,,-3", "p,P,P-3,1,,,,3000000000",
				"p,P,P-4,1,,,\"1,200\",2147483647");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "weight_grams", "1.5", CsvProblems.NUMBER_INVALID, List.of()),
				new RowProblem(3, "initial_stock", "-3", CsvProblems.NUMBER_NEGATIVE, List.of()),
				new RowProblem(4, "initial_stock", "3000000000", CsvProblems.NUMBER_TOO_LARGE, List.of()));
		VariantRecord variant = sink.products.get(0).variants().get(0);
		assertThat(variant.weightGrams()).isEqualTo(1200);
		assertThat(variant.initialStock()).isEqualTo(Integer.MAX_VALUE);
	}

	@Test
	void rejectsDuplicateSkuAcrossProducts() {
		RecordingSink sink = read("handle,title,option1_name,option1_value,sku,price", "a,A,,,SKU-1,1",
				"b,B,Size,S,SKU-2,1", "b,B,Size,M,SKU-1,1");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(4, "sku", "SKU-1", CatalogProblemCodes.SKU_DUPLICATE, List.of()));
		assertThat(sink.product("b").variants()).extracting(VariantRecord::sku).containsExactly("SKU-2");
	}

	@Test
	void rejectsDuplicateSkuWithinTemplateProduct() {
		RecordingSink sink = read("handle,title,option1_name,option1_value,sku,price", "a,A,Size,S,X,1",
				"a,A,Size,M,X,1");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(3, "sku", "X", CatalogProblemCodes.SKU_DUPLICATE, List.of()));
	}

	@Test
	void skuOfAnInvalidRowDoesNotCountAsTaken() {
		RecordingSink sink = read(HEADER, "a,A,SKU-1,oops", "b,B,SKU-1,1");
		assertThat(sink.codes()).containsExactly(CsvProblems.MONEY_INVALID);
		assertThat(sink.product("b").variants()).extracting(VariantRecord::sku).containsExactly("SKU-1");
	}

	@Test
	void rejectsSecondVariantOfProductWithoutOptions() {
		RecordingSink sink = read(HEADER, "a,A,A-1,1", "a,A,A-2,2");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(3, "", "", CatalogProblemCodes.OPTION_DUPLICATE, List.of(2L)));
	}

	@Test
	void rejectsDuplicateOptionCombinationOnLaterRow() {
		RecordingSink sink = read("handle,title,option1_name,option1_value,option2_name,option2_value,sku,price",
				"t,T,Size,M,Colour,Red,T-1,1", "t,T,,m,,red,T-2,1", "t,T,,M,,Blue,T-3,1");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(3, "", "", CatalogProblemCodes.OPTION_DUPLICATE, List.of(2L)));
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku).containsExactly("T-1", "T-3");
	}

	@Test
	void rejectsOptionValueWithoutNameAndNamedOptionWithoutValue() {
		RecordingSink sink = read("handle,title,option1_name,option1_value,option2_name,option2_value,sku,price",
				"t,T,Size,M,,Red,T-1,1", "t,T,Size,,,,T-2,1", "t,T,Size,L,,,T-3,1");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "option2_value", "Red", CatalogProblemCodes.OPTION_NAME_MISSING, List.of()),
				new RowProblem(3, "option1_value", "", CatalogProblemCodes.OPTION_VALUE_MISSING, List.of()));
		assertThat(sink.products.get(0).optionNames()).containsExactly("Size");
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku).containsExactly("T-3");
	}

	@Test
	void rejectsMoreThanThreeOptions() {
		RecordingSink sink = read("handle,title,sku,price,option1_name,option1_value,option4_name,option4_value",
				"t,T,T-1,1,Size,S,Fit,Slim");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "option4_name", "Fit", CatalogProblemCodes.OPTION_TOO_MANY, List.of(3)),
				new RowProblem(2, "option4_value", "Slim", CatalogProblemCodes.OPTION_TOO_MANY, List.of(3)));
		assertThat(sink.products).isEmpty();
	}

	@Test
	void rejectsWrongNumberOfFields() {
		RecordingSink sink = read(NUMBERS_HEADER, "p,P,P-1,1", "p,P,P-2,1,,,,,extra", "p,P,P-3,1,,,,,,,");
		assertThat(sink.problems).containsExactly(new RowProblem(2, "", "", CsvProblems.COLUMNS_COUNT, List.of(8, 4)),
				new RowProblem(3, "", "", CsvProblems.COLUMNS_COUNT, List.of(8, 9)));
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku).containsExactly("P-3");
		assertThat(sink.summary).isEqualTo(new ReadSummary(3, 1, 0, 2, 1));
	}

	@Test
	void reportsQuoteLeftOpenUntilEndOfFile() {
		RecordingSink sink = read("handle,title,sku,price", "a,A,A-1,1", "b,\"B is broken,B-1,1", "c,C,C-1,1",
				"d,D,D-1,1");
		assertThat(sink.problems).containsExactly(new RowProblem(3, "", "", CsvProblems.QUOTE_UNCLOSED, List.of()));
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("a");
		assertThat(sink.summary.invalidRows()).isEqualTo(1);
	}

	@Test
	void reportsUnparsableCsvAndStopsThere() {
		RecordingSink sink = read("handle,title,sku,price", "a,A,A-1,1", "b,\"B\"x,B-1,1", "c,C,C-1,1");
		assertThat(sink.problems).containsExactly(new RowProblem(3, "", "", CsvProblems.CSV_MALFORMED, List.of()));
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("a");
	}

	@Test
	void rejectsImageUrlsThatAreNotAbsoluteWebUrls() {
		RecordingSink sink = read("handle,title,sku,price,image_urls", "p,P,P-1,1,https://ok.example/a.jpg",
				"p,P,P-2,1,ftp://files.example/b.jpg|https://ok.example/c.jpg", "p,P,P-3,1,images/d.jpg",
				"p,P,P-4,1,javascript:alert(1)");
		assertThat(sink.problems).containsExactly(
				new RowProblem(3, "image_urls", "ftp://files.example/b.jpg", CatalogProblemCodes.IMAGE_URL, List.of()),
				new RowProblem(4, "image_urls", "images/d.jpg", CatalogProblemCodes.IMAGE_URL, List.of()),
				new RowProblem(5, "image_urls", "javascript:alert(1)", CatalogProblemCodes.IMAGE_URL, List.of()));
		ProductRecord product = sink.products.get(0);
		assertThat(product.variants()).extracting(VariantRecord::sku).containsExactly("P-1");
		assertThat(product.images()).extracting(ImageRecord::url).containsExactly("https://ok.example/a.jpg");
	}

	@Test
	void rejectsUnknownStatusAndSkipsTheWholeProduct() {
		RecordingSink sink = read("handle,title,status,sku,price", "p,P,on sale,P-1,1", "p,P,,P-2,1", "q,Q,在售,Q-1,1");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "status", "on sale", CatalogProblemCodes.STATUS_UNKNOWN, List.of()),
				new RowProblem(3, "", "", CatalogProblemCodes.PRODUCT_INVALID, List.of(2L)));
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("q");
		assertThat(sink.products.get(0).status()).isEqualTo(ProductStatus.ACTIVE);
	}

	@Test
	void missingTitleOnFirstRowInvalidatesEveryRowOfTheProduct() {
		RecordingSink sink = read(HEADER, "p,,P-1,1", "p,Title later,P-2,1", "p,,P-3,x", "q,Q,Q-1,1");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "title", "", CatalogProblemCodes.TITLE_REQUIRED, List.of()),
				new RowProblem(3, "", "", CatalogProblemCodes.PRODUCT_INVALID, List.of(2L)),
				new RowProblem(4, "price", "x", CsvProblems.MONEY_INVALID, List.of()),
				new RowProblem(4, "", "", CatalogProblemCodes.PRODUCT_INVALID, List.of(2L)));
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("q");
		assertThat(sink.summary).isEqualTo(new ReadSummary(4, 4, 0, 3, 1));
	}

	@Test
	void rejectsBadHandles() {
		String longHandle = "h".repeat(256);
		RecordingSink sink = read(HEADER, ",Nameless,N-1,1", "with space,W,W-1,1", longHandle + ",L,L-1,1",
				"Ok_Handle.v2-红,OK,O-1,1");
		assertThat(sink.problems).extracting(RowProblem::row, RowProblem::column, RowProblem::code)
			.containsExactly(tuple(2L, "handle", CatalogProblemCodes.HANDLE_REQUIRED),
					tuple(3L, "handle", CatalogProblemCodes.HANDLE_INVALID),
					tuple(4L, "handle", CatalogProblemCodes.HANDLE_TOO_LONG));
		assertThat(sink.problems.get(2).args()).containsExactly(255);
		assertThat(sink.problems.get(2).value()).hasSize(201).endsWith("…");
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("Ok_Handle.v2-红");
	}

	@Test
	void rejectsTooLongTitle() {
		RecordingSink sink = read(HEADER, "p," + "t".repeat(256) + ",P-1,1");
		assertThat(sink.codes()).containsExactly(CatalogProblemCodes.TITLE_TOO_LONG);
		assertThat(sink.problems.get(0).args()).containsExactly(255);
		assertThat(sink.products).isEmpty();
	}

	@Test
	void rejectsSkusWithWhitespaceOrTooLong() {
		RecordingSink sink = read(HEADER, "p,P,A B,1", "p,P,\"A\tB\",1", "p,P," + "S".repeat(65) + ",1",
				"p,P," + "S".repeat(64) + ",1");
		assertThat(sink.codes()).containsExactly(CatalogProblemCodes.SKU_INVALID, CatalogProblemCodes.SKU_INVALID,
				CatalogProblemCodes.SKU_TOO_LONG);
		assertThat(sink.problems.get(2).args()).containsExactly(64);
		assertThat(sink.products.get(0).variants()).singleElement()
			.satisfies((variant) -> assertThat(variant.sku()).hasSize(64));
	}

	@Test
	void rejectsBarcodeMangledIntoScientificNotation() {
		RecordingSink sink = read("handle,title,sku,price,barcode", "p,P,P-1,1,6.90123E+12", "p,P,P-2,1,'0012345");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "barcode", "6.90123E+12", CatalogProblemCodes.BARCODE_SCIENTIFIC, List.of()));
		assertThat(sink.products.get(0).variants().get(0).barcode()).isEqualTo("0012345");
	}

	@Test
	void countsEachInvalidRowOnceAndUsesHeaderNamesAsWritten() {
		RecordingSink sink = read("商品编码,商品标题,SKU编码,售价,初始库存", "p,P,,-5,abc", "p,P,P-2,1,");
		assertThat(sink.problems).extracting(RowProblem::column).containsExactly("SKU编码", "售价", "初始库存");
		assertThat(sink.summary.invalidRows()).isEqualTo(1);
	}

	@Test
	void ignoresBlankRowsButKeepsRowNumbersAligned() {
		RecordingSink sink = read(HEADER, "a,A,A-1,1", "", ",,,", "b,B,B-1,x", "", "");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(5, "price", "x", CsvProblems.MONEY_INVALID, List.of()));
		assertThat(sink.summary.records()).isEqualTo(4);
	}

	@Test
	void shopifyDerivesPublishedStatusAndPlaceholderOptions() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,Acme,FALSE,,Title,Default Title,,,,19.9,,,,",
				"cap,Cap,,Acme,TRUE,,Title,Default Title,,,,5,,,,",
				"mug,Mug,,Acme,TRUE,archived,Title,Default Title,,,,5,,,,");
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).extracting(ProductRecord::status)
			.containsExactly(ProductStatus.DRAFT, ProductStatus.ACTIVE, ProductStatus.ARCHIVED);
		assertThat(sink.product("tee").optionNames()).isEmpty();
		assertThat(sink.product("tee").variants().get(0).sku()).isEqualTo("tee");
		assertThat(sink.product("tee").variants().get(0).optionValues()).isEmpty();
	}

	@Test
	void shopifyRejectsUnknownPublishedValue() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,Acme,maybe,,,,,,,19.9,,,,");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(2, "Published", "maybe", CatalogProblemCodes.STATUS_UNKNOWN, List.of()));
	}

	@Test
	void shopifyMakesRepeatedSkusUniqueWithinAProduct() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,,,,Size,S,Colour,红色,TEE,10,,,,",
				"tee,,,,,,,M,,红色,TEE,10,,,,", "tee,,,,,,,M / L,,Dark_Blue,,10,,,,",
				"tee,,,,,,,M,,Dark Blue,tee-m-dark-blue,10,,,,");
		assertThat(sink.problems).containsExactly(
				new RowProblem(3, "Variant SKU", "TEE", CatalogProblemCodes.SKU_REPEATED, List.of("TEE-m-红色"), true));
		assertThat(sink.summary.invalidRows()).isZero();
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku)
			.containsExactly("TEE", "TEE-m-红色", "tee-m-l-dark-blue", "tee-m-dark-blue");
	}

	@Test
	void shopifyAppendsCounterWhenDisambiguatedSkuIsTaken() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,,,,Size,S,,,X,10,,,,", "tee,,,,,,,M,,,X-m,10,,,,",
				"tee,,,,,,,m.,,,X,10,,,,");
		assertThat(sink.problems).containsExactly(
				new RowProblem(4, "Variant SKU", "X", CatalogProblemCodes.SKU_REPEATED, List.of("X-m-2"), true));
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku).containsExactly("X", "X-m", "X-m-2");
	}

	@Test
	void shopifyKeepsSkuRepeatedInAnotherProductUnderADerivedSkuWithAWarning() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,,,,,,,,X,10,,,,", "cap,Cap,,,,,,,,,X,10,,,,",
				"mug,Mug,,,,,Size,S,,,X,10,,,,", "hat,Hat,,,,,,,,,X-2,10,,,,");
		assertThat(sink.problems).containsExactly(
				new RowProblem(3, "Variant SKU", "X", CatalogProblemCodes.SKU_REPEATED, List.of("X-2"), true),
				new RowProblem(4, "Variant SKU", "X", CatalogProblemCodes.SKU_REPEATED, List.of("X-s"), true),
				new RowProblem(5, "Variant SKU", "X-2", CatalogProblemCodes.SKU_REPEATED, List.of("X-2-2"), true));
		assertThat(sink.summary.invalidRows()).isZero();
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("tee", "cap", "mug", "hat");
		assertThat(sink.products).extracting((product) -> product.variants().get(0).sku())
			.containsExactly("X", "X-2", "X-s", "X-2-2");
	}

	@Test
	void templateStillRejectsARepeatedSku() {
		RecordingSink sink = read(HEADER, "p,P,X,1", "q,Q,X,1");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(3, "sku", "X", CatalogProblemCodes.SKU_DUPLICATE, List.of()));
	}

	@Test
	void shopifyNormalisesHandlesAndReadsUnlistedAsActive() {
		RecordingSink sink = read(SHOPIFY_HEADER, "Summer Tee (Red),Tee,,,,unlisted,,,,,,10,,,,",
				"Summer Tee (Red),,,,,,,,,,,,,https://c.example/1.jpg,1,", "长袖 上衣,Top,,,,UNLISTED,,,,,,10,,,,",
				"قميص صيفي,Shirt,,,,Active,,,,,,10,,,,", "!!!,Bang,,,,,,,,,,10,,,,");
		assertThat(sink.products).extracting(ProductRecord::handle)
			.containsExactly("summer-tee-red", "长袖-上衣", "قميص-صيفي");
		assertThat(sink.products).extracting(ProductRecord::status).containsOnly(ProductStatus.ACTIVE);
		assertThat(sink.product("summer-tee-red").images()).hasSize(1);
		assertThat(sink.problems)
			.containsExactly(
					new RowProblem(2, "Handle", "Summer Tee (Red)", CatalogProblemCodes.HANDLE_NORMALIZED,
							List.of("summer-tee-red"), true),
					new RowProblem(4, "Handle", "长袖 上衣", CatalogProblemCodes.HANDLE_NORMALIZED, List.of("长袖-上衣"), true),
					new RowProblem(5, "Handle", "قميص صيفي", CatalogProblemCodes.HANDLE_NORMALIZED,
							List.of("قميص-صيفي"), true),
					new RowProblem(6, "Handle", "!!!", CatalogProblemCodes.HANDLE_INVALID, List.of()));
	}

	@Test
	void shopifyImportsNegativeStockAsZeroWithAWarning() {
		RecordingSink sink = read("Handle,Title,Variant SKU,Variant Price,Variant Inventory Qty", "tee,Tee,T-1,10,-2",
				"tee,,T-2,10,-x");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "Variant Inventory Qty", "-2", CatalogProblemCodes.STOCK_NEGATIVE, List.of(), true),
				new RowProblem(3, "Variant Inventory Qty", "-x", CsvProblems.NUMBER_INVALID, List.of()));
		assertThat(sink.products.get(0).variants()).singleElement()
			.satisfies((variant) -> assertThat(variant.initialStock()).isZero());
	}

	@Test
	void shopifyCollectsImagesFromAllRowsOfAProduct() {
		RecordingSink sink = read(SHOPIFY_HEADER,
				"tee,Tee,,,,,Colour,Red,,,,10,'0123,https://c.example/red.jpg,1,https://c.example/red.jpg",
				"tee,,,,,,,Blue,,,,10,,https://c.example/side.jpg,2,https://c.example/blue.jpg",
				"tee,,,,,,,,,,,,,https://c.example/blue.jpg,,", "tee,,,,,,,,,,,,,,,",
				"tee,,,,,,,,,,,,,https://c.example/back.jpg,x,");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(6, "Image Position", "x", CatalogProblemCodes.IMAGE_POSITION, List.of()));
		assertThat(sink.summary).isEqualTo(new ReadSummary(5, 2, 2, 1, 1));
		ProductRecord tee = sink.products.get(0);
		assertThat(tee.variants().get(0).barcode()).isEqualTo("0123");
		assertThat(tee.images()).containsExactly(new ImageRecord(2, "https://c.example/red.jpg", 1, null),
				new ImageRecord(3, "https://c.example/side.jpg", 2, null),
				new ImageRecord(3, "https://c.example/blue.jpg", 3, null));
	}

	@Test
	void shopifySkipsProductWhoseVariantRowsAreAllInvalid() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,,,,,,,,,abc,,https://c.example/1.jpg,1,",
				"tee,,,,,,,,,,,,,https://c.example/2.jpg,2,", "cap,Cap,,,,,,,,,,1,,,,");
		assertThat(sink.problems).containsExactly(
				new RowProblem(2, "Variant Price", "abc", CsvProblems.MONEY_INVALID, List.of()),
				new RowProblem(3, "", "", CatalogProblemCodes.PRODUCT_NO_VALID_VARIANT, List.of(2L)));
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("cap");
		assertThat(sink.summary.invalidRows()).isEqualTo(2);
	}

	@Test
	void shopifyKeepsPlaceholderVariantMixedWithRealOptionValues() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,,,,Title,Default Title,,,,10,,,,",
				"tee,,,,,,,Large,,,,12,,,,", "tee,,,,,,,-,,,,13,,,,");
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products.get(0).optionNames()).containsExactly("Title");
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::sku)
			.containsExactly("tee", "tee-large", "tee-2");
		assertThat(sink.products.get(0).variants()).extracting(VariantRecord::optionValues)
			.containsExactly(List.of("Default Title"), List.of("Large"), List.of("-"));
	}

	@Test
	void shopifyRequiresVariantPriceOnVariantRows() {
		RecordingSink sink = read(SHOPIFY_HEADER, "tee,Tee,,,,,Size,S,,,,,,,,");
		assertThat(sink.problems)
			.containsExactly(new RowProblem(2, "Variant Price", "", CatalogProblemCodes.PRICE_REQUIRED, List.of()));
	}

	@Test
	void acceptsCurrencySymbolsAndThousandsSeparators() {
		RecordingSink sink = read(HEADER, "p1,P,P-1,¥59.90", "p2,P,P-2,\"￥1,299\"", "p3,P,P-3,$5",
				"p4,P,P-4,\"1,299.00\"");
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).extracting((product) -> product.variants().get(0).price())
			.containsExactly(new BigDecimal("59.90"), new BigDecimal("1299.00"), new BigDecimal("5.00"),
					new BigDecimal("1299.00"));
	}

	private RecordingSink read(String... lines) {
		return CatalogFiles.read(CatalogFiles.write(this.dir, lines));
	}

}
