package io.shopops.fulfilment.inventory;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Reading stock-take files: English and Chinese headers, UTF-8 with or without BOM and
 * GB18030, and every unreadable cell as a row problem.
 */
class StockTakeReaderTests {

	@TempDir
	Path directory;

	@Test
	void readsEnglishHeadersInUtf8WithProblemsPerRow() throws IOException {
		Path file = write("a.csv", "SKU,Warehouse,Counted\nA-1,main,12\n,MAIN,3\nA-2,SH,abc\nA-3,MAIN,\nA-4,MAIN,-2\n"
				+ "A-5,,\"1,200\"\n", StandardCharsets.UTF_8);
		assertThat(StockTakeReader.read(file)).containsExactly(new StockTakeRow(2, "A-1", "MAIN", 12, null, List.of()),
				new StockTakeRow(3, "", "MAIN", null, CsvProblems.VALUE_REQUIRED, List.of()),
				new StockTakeRow(4, "A-2", "SH", null, CsvProblems.NUMBER_INVALID, List.of()),
				new StockTakeRow(5, "A-3", "MAIN", null, CsvProblems.VALUE_REQUIRED, List.of()),
				new StockTakeRow(6, "A-4", "MAIN", null, CsvProblems.NUMBER_NEGATIVE, List.of()),
				new StockTakeRow(7, "A-5", "MAIN", 1200, null, List.of()));
	}

	@Test
	void readsChineseHeadersInGb18030AndWithABom() throws IOException {
		Path gb = write("gb.csv", "仓库,商家编码,盘点数量\nMAIN,=\"001\",7\n", Charset.forName("GB18030"));
		assertThat(StockTakeReader.read(gb)).containsExactly(new StockTakeRow(2, "001", "MAIN", 7, null, List.of()));
		Path bom = write("bom.csv", "\uFEFF商家编码,盘点数量\n衬衫-红-M,0\n", StandardCharsets.UTF_8);
		assertThat(StockTakeReader.read(bom))
			.containsExactly(new StockTakeRow(2, "衬衫-红-M", "MAIN", 0, null, List.of()));
	}

	@Test
	void refusesFilesWithoutTheColumnsOrRowsAndReportsBrokenRows() throws IOException {
		assertThatExceptionOfType(CsvFileException.class)
			.isThrownBy(() -> StockTakeReader.read(write("h.csv", "sku,qty\nA,1\n", StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("stockTake.header.missing"))
			.satisfies((ex) -> assertThat(ex.args()).containsExactly("counted / 盘点数量"));
		assertThatExceptionOfType(CsvFileException.class)
			.isThrownBy(() -> StockTakeReader.read(write("e.csv", "sku,counted\n", StandardCharsets.UTF_8)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(CsvProblems.FILE_EMPTY));
		assertThat(StockTakeReader.read(write("c.csv", "sku,counted\nA,1,extra\nB,2\n", StandardCharsets.UTF_8)))
			.containsExactly(new StockTakeRow(2, "", "", null, CsvProblems.COLUMNS_COUNT, List.of("2", "3")),
					new StockTakeRow(3, "B", "MAIN", 2, null, List.of()));
	}

	private Path write(String name, String content, Charset charset) throws IOException {
		Path file = this.directory.resolve(name);
		Files.write(file, content.getBytes(charset));
		return file;
	}

}
