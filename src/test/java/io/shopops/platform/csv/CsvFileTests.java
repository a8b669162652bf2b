package io.shopops.platform.csv;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Opening and reading CSV files as sales channels and spreadsheets save them.
 */
class CsvFileTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	@TempDir
	Path dir;

	@Test
	void readsAGb18030TaobaoExportWithExcelGuards() throws IOException {
		Path file = write("taobao.csv", GB18030, false,
				"订单编号,买家会员名,订单状态,买家实际支付金额\r\n" + "=\"1234567890123456789\",=\"小王\",=\"交易成功\",=\"59.90\"\r\n"
						+ "\"=\"\"9876543210987654321\"\"\",\"=\"\"张, 三\"\"\",=\"交易关闭\",=\"0.00\"\r\n");
		CsvFile csv = CsvFile.open(file);
		assertThat(csv.charset()).isEqualTo(CsvFile.GB18030);
		assertThat(csv.bom()).isFalse();
		assertThat(csv.delimiter()).isEqualTo(',');
		assertThat(csv.records()).isEqualTo(2);
		Header header = csv.header();
		List<CsvRow> rows = read(csv).rows;
		assertThat(rows).hasSize(2);
		CsvRow row = rows.get(0);
		assertThat(row.number()).isEqualTo(2);
		assertThat(row.raw(header.index("订单编号"))).isEqualTo("=\"1234567890123456789\"");
		assertThat(row.id(header.index("订单编号"))).isEqualTo("1234567890123456789");
		assertThat(row.text(header.index("订单状态"))).isEqualTo("交易成功");
		assertThat(Cells.money(row.text(header.index("买家实际支付金额"))).value()).isEqualByComparingTo("59.90");
		CsvRow quoted = rows.get(1);
		assertThat(quoted.number()).isEqualTo(3);
		assertThat(quoted.id(0)).isEqualTo("9876543210987654321");
		assertThat(quoted.text(1)).isEqualTo("张, 三");
	}

	@Test
	void readsAUtf8BomDouyinExportWithTabPrefixedIds() throws IOException {
		Path file = write("douyin.csv", StandardCharsets.UTF_8, true,
				"主订单编号,子订单编号,商品数量,收件人\n\"\t6917926768823643751\",\"\t6917926768823643752\",2,##密文\n");
		CsvFile csv = CsvFile.open(file);
		assertThat(csv.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(csv.bom()).isTrue();
		assertThat(csv.header().names()).containsExactly("主订单编号", "子订单编号", "商品数量", "收件人");
		CsvRow row = read(csv).rows.get(0);
		assertThat(row.raw(0)).isEqualTo("\t6917926768823643751");
		assertThat(row.id(csv.header().index("主订单编号"))).isEqualTo("6917926768823643751");
		assertThat(row.get(1)).isEqualTo("6917926768823643752");
		assertThat(Cells.wholeNumber(row.get(2)).value()).isEqualTo(2);
		assertThat(row.text(3)).isEqualTo("##密文");
	}

	@Test
	void detectsTabSeparatedFilesUnlessOnlyCommasAreAllowed() throws IOException {
		Path file = write("stock.tsv", StandardCharsets.UTF_8, false,
				"SKU\t仓库\t盘点数量\nA-1\tMAIN\t12\n\"B,2\"\tMAIN\t0\n");
		CsvFile csv = CsvFile.open(file);
		assertThat(csv.delimiter()).isEqualTo('\t');
		assertThat(csv.header().size()).isEqualTo(3);
		assertThat(read(csv).rows).extracting((row) -> row.get(0), (row) -> row.get(2))
			.containsExactly(tuple("A-1", "12"), tuple("B,2", "0"));
		CsvFile commasOnly = CsvFile.open(file, ',');
		assertThat(commasOnly.delimiter()).isEqualTo(',');
		assertThat(commasOnly.header().size()).isEqualTo(1);
	}

	@Test
	void aCommaHeaderWithATabInsideAQuotedNameStaysCommaSeparated() throws IOException {
		Path file = write("mixed.csv", StandardCharsets.UTF_8, false, "\"a\tb\",c,d\n1,2,3\n");
		assertThat(CsvFile.open(file).delimiter()).isEqualTo(',');
	}

	@Test
	void findsColumnsByAnyAliasIgnoringCaseSpacesBomAndFullWidthParentheses() {
		Header header = Header.of(List.of("\uFEFFName", " Lineitem  SKU ", "商品数量（件）", "SKU编码*", "", "Name"));
		assertThat(header.names().get(0)).isEqualTo("Name");
		assertThat(header.index("name")).isZero();
		assertThat(header.index("lineitem sku")).isEqualTo(1);
		assertThat(header.index("商家编码", "SKU编码")).isEqualTo(3);
		assertThat(header.index("商品数量(件)")).isEqualTo(2);
		assertThat(header.index("订单号", "Order")).isEqualTo(-1);
		assertThat(header.has("订单号")).isFalse();
		assertThat(header.name(-1)).isEmpty();
		assertThat(header.name(1)).isEqualTo(" Lineitem  SKU ");
		assertThat(header.significantSize()).isEqualTo(6);
		assertThat(Header.of(List.of("a", "b", "", " ")).significantSize()).isEqualTo(2);
	}

	@Test
	void numbersRowsAsSpreadsheetsDoAndChecksTheirShape() throws IOException {
		Path file = write("rows.csv", StandardCharsets.UTF_8, false,
				"a,b,c,,\n1,\"two\nlines\",3\n\n4,5\n6,7,8,,\n,,\n9,10,11,12\n13,14,15\n");
		CsvFile csv = CsvFile.open(file);
		assertThat(csv.records()).isEqualTo(7);
		Recorder recorder = read(csv);
		assertThat(recorder.rows).extracting(CsvRow::number, (row) -> row.get(0))
			.containsExactly(tuple(2L, "1"), tuple(5L, "6"), tuple(8L, "13"));
		assertThat(recorder.rows.get(0).get(1)).isEqualTo("two\nlines");
		assertThat(recorder.rows.get(0).get(7)).isEmpty();
		assertThat(recorder.problems).containsExactly("4 " + CsvProblems.COLUMNS_COUNT + " [3, 2]",
				"7 " + CsvProblems.COLUMNS_COUNT + " [3, 4]");
		assertThat(recorder.records).isEqualTo(7);
	}

	@Test
	void stopsAtAnUnclosedQuote() throws IOException {
		Path file = write("quote.csv", StandardCharsets.UTF_8, false, "a,b\n1,2\n3,\"open\n4,5\n");
		Recorder recorder = read(CsvFile.open(file));
		assertThat(recorder.rows).extracting(CsvRow::number).containsExactly(2L);
		assertThat(recorder.problems).containsExactly("3 " + CsvProblems.QUOTE_UNCLOSED + " []");
	}

	@Test
	void refusesFilesThatAreNotCsvText() throws IOException {
		assertRefused(Files.write(this.dir.resolve("empty.csv"), new byte[0]), CsvProblems.FILE_EMPTY);
		assertRefused(Files.write(this.dir.resolve("blank.csv"), " \n\n".getBytes(StandardCharsets.UTF_8)),
				CsvProblems.FILE_EMPTY);
		assertRefused(Files.write(this.dir.resolve("book.xlsx"), new byte[] { 'P', 'K', 3, 4, 20, 0 }),
				CsvProblems.FILE_SPREADSHEET);
		assertRefused(Files.write(this.dir.resolve("nul.csv"), new byte[] { 'a', 0, 'b' }), CsvProblems.FILE_BINARY);
		assertRefused(Files.write(this.dir.resolve("utf16.csv"), "a,b\n".getBytes(StandardCharsets.UTF_16)),
				CsvProblems.FILE_ENCODING);
		Path wide = write("wide.csv", StandardCharsets.UTF_8, false, "a" + ",x".repeat(CsvFile.MAX_COLUMNS) + "\n1\n");
		assertThat(assertRefused(wide, CsvProblems.HEADER_TOO_MANY_COLUMNS).args())
			.containsExactly(CsvFile.MAX_COLUMNS);
	}

	private CsvFileException assertRefused(Path file, String code) {
		return assertThatExceptionOfType(CsvFileException.class).isThrownBy(() -> CsvFile.open(file))
			.matches((ex) -> ex.code().equals(code), code)
			.actual();
	}

	private Path write(String name, Charset charset, boolean bom, String content) throws IOException {
		byte[] bytes = content.getBytes(charset);
		if (bom) {
			byte[] withBom = new byte[bytes.length + 3];
			withBom[0] = (byte) 0xEF;
			withBom[1] = (byte) 0xBB;
			withBom[2] = (byte) 0xBF;
			System.arraycopy(bytes, 0, withBom, 3, bytes.length);
			bytes = withBom;
		}
		return Files.write(this.dir.resolve(name), bytes);
	}

	private static Recorder read(CsvFile csv) throws IOException {
		Recorder recorder = new Recorder();
		recorder.records = csv.read(recorder);
		return recorder;
	}

	private static final class Recorder implements CsvRowHandler {

		final List<CsvRow> rows = new ArrayList<>();

		final List<String> problems = new ArrayList<>();

		long records;

		@Override
		public void row(CsvRow row) {
			this.rows.add(row);
		}

		@Override
		public void problem(long row, String code, List<Object> args) {
			this.problems.add(row + " " + code + " " + args);
		}

	}

}
