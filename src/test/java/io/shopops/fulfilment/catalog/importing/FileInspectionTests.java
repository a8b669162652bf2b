package io.shopops.fulfilment.catalog.importing;

import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Encoding and format detection, record counting and file-level failures of
 * {@link CatalogFileReader#inspect(Path)}.
 */
class FileInspectionTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	@TempDir
	Path dir;

	@Test
	void rejectsEmptyFile() throws IOException {
		assertFileProblem(bytes(new byte[0]), CsvProblems.FILE_EMPTY);
	}

	@Test
	void rejectsFileWithOnlyBomAndBlankLines() throws IOException {
		assertFileProblem(bytes(new byte[] { (byte) 0xEF, (byte) 0xBB, (byte) 0xBF, '\r', '\n', ' ', '\n' }),
				CsvProblems.FILE_EMPTY);
	}

	@Test
	void rejectsUnknownHeaderNamingMissingTemplateColumns() throws IOException {
		CsvFileException ex = assertFileProblem(CatalogFiles.write(this.dir, "handle,title,name", "a,b,c"),
				CatalogProblemCodes.HEADER_UNKNOWN);
		assertThat(ex.args()).containsExactly("ShopOps", "sku, price", "handle, title", "name", 0L);
	}

	@Test
	void namesMissingColumnsInChineseForChineseHeader() throws IOException {
		CsvFileException ex = assertFileProblem(CatalogFiles.write(this.dir, "商品编码,商品标题,售价", "a,b,1"),
				CatalogProblemCodes.HEADER_UNKNOWN);
		assertThat(ex.args()).containsExactly("ShopOps", "SKU编码", "商品编码, 商品标题, 售价", "—", 0L);
	}

	@Test
	void namesMissingShopifyColumnsForShopifyLikeHeader() throws IOException {
		CsvFileException ex = assertFileProblem(
				CatalogFiles.write(this.dir, "Handle,Title,Body (HTML),Vendor", "a,b,c,d"),
				CatalogProblemCodes.HEADER_UNKNOWN);
		assertThat(ex.args()).containsExactly("Shopify (classic)", "Variant Price",
				"Handle, Title, Body (HTML), Vendor", "—", 0L);
	}

	@Test
	void namesMagentoExportsAsNotSupported() throws IOException {
		CsvFileException ex = assertFileProblem(CatalogFiles.write(this.dir,
				"sku,store_view_code,attribute_set_code,product_type,categories,name,price", "A,,Default,simple,,A,1"),
				CatalogProblemCodes.HEADER_FOREIGN);
		assertThat(ex.args()).containsExactly("Magento",
				"sku, store_view_code, attribute_set_code, product_type, categories, name, price");
	}

	@Test
	void namesTheSeparatorOfASemicolonFileAndPrestaShop() throws IOException {
		CsvFileException prestaShop = assertFileProblem(CatalogFiles.write(this.dir,
				"Product ID;Active (0/1);Name *;Categories (x,y,z...);Price tax excluded", "1;1;Mug;Home;9"),
				CatalogProblemCodes.HEADER_FOREIGN);
		assertThat(prestaShop.args()).containsExactly("PrestaShop",
				"Product ID, Active (0/1), Name *, Categories (x,y,z...), Price tax excluded");
		CsvFileException semicolons = assertFileProblem(
				CatalogFiles.write(this.dir, "handle;title;sku;price", "a;A;A-1;1"),
				CatalogProblemCodes.HEADER_SEPARATOR);
		assertThat(semicolons.args()).containsExactly(";", "handle, title, sku, price");
	}

	@Test
	void countsEmptyHeaderCellsAndListsWhatWasAndWasNotRecognised() throws IOException {
		String header = "handle,title,Farbe,Gewicht" + ",".repeat(300);
		CsvFileException ex = assertFileProblem(CatalogFiles.write(this.dir, header, "a,b,c,d"),
				CatalogProblemCodes.HEADER_UNKNOWN);
		assertThat(ex.args()).containsExactly("ShopOps", "sku, price", "handle, title", "Farbe, Gewicht", 300L);
	}

	@Test
	void acceptsAKnownHeaderFollowedByEmptyCellsTheRowsDoNotHave() throws IOException {
		Path file = CatalogFiles.write(this.dir, "handle,title,sku,price" + ",".repeat(300), "a,A,A-1,1");
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.variantCount()).isEqualTo(1);
	}

	@Test
	void refusesHeadersWithTooManyColumnsNamingTheLimit() throws IOException {
		String wide = String.join(",", java.util.stream.IntStream.range(0, 20_000).mapToObj((i) -> "c" + i).toList());
		CsvFileException huge = assertFileProblem(CatalogFiles.write(this.dir, wide, "1"),
				CsvProblems.HEADER_TOO_MANY_COLUMNS);
		assertThat(huge.args()).containsExactly(ColumnLayout.MAX_COLUMNS);
		String tooWide = "handle,title,sku,price" + ",x".repeat(ColumnLayout.MAX_COLUMNS);
		CsvFileException over = assertFileProblem(CatalogFiles.write(this.dir, tooWide, "a,A,A-1,1"),
				CsvProblems.HEADER_TOO_MANY_COLUMNS);
		assertThat(over.args()).containsExactly(ColumnLayout.MAX_COLUMNS);
	}

	@Test
	void rejectsTextThatIsNotACatalog() throws IOException {
		CsvFileException ex = assertFileProblem(CatalogFiles.write(this.dir, "Dear customer,", "thank you"),
				CatalogProblemCodes.HEADER_UNKNOWN);
		assertThat(ex.args()).containsExactly("ShopOps", "handle, title, sku, price", "—", "Dear customer", 1L);
	}

	@Test
	void rejectsBinaryFile() throws IOException {
		assertFileProblem(bytes(new byte[] { 'h', 'a', 0, 1, 2, '\n', 'x' }), CsvProblems.FILE_BINARY);
	}

	@Test
	void rejectsExcelWorkbook() throws IOException {
		assertFileProblem(bytes(new byte[] { 'P', 'K', 3, 4, 20, 0, 6, 0 }), CsvProblems.FILE_SPREADSHEET);
	}

	@Test
	void rejectsUtf16File() throws IOException {
		byte[] text = "handle,title,sku,price\n".getBytes(StandardCharsets.UTF_16LE);
		byte[] withBom = new byte[text.length + 2];
		withBom[0] = (byte) 0xFF;
		withBom[1] = (byte) 0xFE;
		System.arraycopy(text, 0, withBom, 2, text.length);
		assertFileProblem(bytes(withBom), CsvProblems.FILE_ENCODING);
	}

	@Test
	void detectsShopifyFormatCaseInsensitively() throws IOException {
		Path file = CatalogFiles.write(this.dir, " handle , TITLE ,variant sku", "a,A,A-1");
		assertThat(CatalogFileReader.inspect(file).format()).isEqualTo(CatalogFormat.SHOPIFY);
	}

	@Test
	void countsRecordsNotLinesWhenQuotedFieldsContainNewlines() throws IOException {
		Path file = CatalogFiles.write(this.dir, StandardCharsets.UTF_8, false, "\r\n", "handle,title,sku,price",
				"a,\"Two\r\nlines\",A-1,1", "b,\"Quote \"\" and\nnewline\",B-1,1", "c,C,C-1,1");
		assertThat(CatalogFileReader.inspect(file).records()).isEqualTo(3);
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.products).extracting(ProductRecord::firstRow).containsExactly(2L, 3L, 4L);
		assertThat(sink.products.get(0).title()).isEqualTo("Two\r\nlines");
		assertThat(sink.products.get(1).title()).isEqualTo("Quote \" and\nnewline");
	}

	@Test
	void countsFinalLineWithoutNewlineAndIgnoresTrailingEmptyLines() throws IOException {
		assertThat(records("handle,title,sku,price\na,A,A-1,1")).isEqualTo(1);
		assertThat(records("handle,title,sku,price\na,A,A-1,1\n")).isEqualTo(1);
		assertThat(records("handle,title,sku,price\r\na,A,A-1,1\r\n\r\n\r\n")).isEqualTo(1);
		assertThat(records("handle,title,sku,price\n\na,A,A-1,1\n")).isEqualTo(2);
		assertThat(records("handle,title,sku,price\ra,A,A-1,1\rb,B,B-1,1")).isEqualTo(2);
		assertThat(records("handle,title,sku,price\n")).isZero();
	}

	@Test
	void treatsQuoteInsideUnquotedFieldAsText() throws IOException {
		Path file = bytes(
				"handle,title,sku,price\na,Wig 12\" long,A-1,1\nb,B,B-1,1\n".getBytes(StandardCharsets.UTF_8));
		assertThat(CatalogFileReader.inspect(file).records()).isEqualTo(2);
		assertThat(CatalogFiles.read(file).products.get(0).title()).isEqualTo("Wig 12\" long");
	}

	@Test
	void summaryRecordsMatchInspectedRecords() throws IOException {
		Path file = CatalogFiles.write(this.dir, "handle,title,sku,price", "a,A,A-1,1", "", "b,\"B\nB\",B-1,1", "", "");
		FileInfo info = CatalogFileReader.inspect(file);
		RecordingSink sink = new RecordingSink();
		ReadSummary summary = CatalogFileReader.read(file, info, sink);
		assertThat(info.records()).isEqualTo(3);
		assertThat(summary.records()).isEqualTo(3);
	}

	@Test
	void detectsUtf8AcrossBufferBoundaries() throws IOException {
		Path file = CatalogFiles.write(this.dir, StandardCharsets.UTF_8, false, "\n", largeChineseCatalog());
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(info.records()).isEqualTo(5000);
		assertThat(Files.size(file)).isGreaterThan(200_000);
	}

	@Test
	void detectsGb18030WhenTextIsNotValidUtf8() throws IOException {
		Path file = CatalogFiles.write(this.dir, GB18030, false, "\r\n", largeChineseCatalog());
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.charset()).isEqualTo(GB18030);
		assertThat(info.records()).isEqualTo(5000);
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products.get(4999).title()).isEqualTo("第4999号商品：青花瓷茶杯");
	}

	@Test
	void keepsHeaderAsWrittenWithoutBom() throws IOException {
		Path file = CatalogFiles.write(this.dir, StandardCharsets.UTF_8, true, "\n", "Handle*,Title,SKU,Price",
				"a,A,A-1,1");
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.header()).containsExactly("Handle*", "Title", "SKU", "Price");
		assertThat(info.bom()).isTrue();
		assertThat(CatalogFiles.read(file).problems).isEmpty();
	}

	private static String[] largeChineseCatalog() {
		String[] lines = new String[5001];
		lines[0] = "商品编码,商品标题,SKU编码,售价";
		for (int i = 0; i < 5000; i++) {
			lines[i + 1] = "茶杯-" + i + ",第" + i + "号商品：青花瓷茶杯,CUP-" + i + ",19.9";
		}
		return lines;
	}

	private long records(String content) throws IOException {
		return CatalogFileReader.inspect(bytes(content.getBytes(StandardCharsets.UTF_8))).records();
	}

	private Path bytes(byte[] content) throws IOException {
		Path file = Files.createTempFile(this.dir, "catalog", ".csv");
		Files.write(file, content);
		return file;
	}

	private static CsvFileException assertFileProblem(Path file, String code) {
		return assertThatExceptionOfType(CsvFileException.class).isThrownBy(() -> CatalogFileReader.inspect(file))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(code))
			.actual();
	}

}
