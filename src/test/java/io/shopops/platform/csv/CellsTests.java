package io.shopops.platform.csv;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Cleaning and parsing of single cell values.
 */
class CellsTests {

	private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "59.9;59.90", "59.90;59.90", "59;59.00", "0;0.00", "'1,299.00';1299.00",
					"'1,234,567.5';1234567.50", "¥59.90;59.90", "￥59.90;59.90", "$5;5.00", "€ 7.5;7.50", "５９．９０;59.90",
					"1.230;1.23", "99999999.99;99999999.99", "-0;0.00" })
	void parsesMoney(String raw, String expected) {
		Parsed<BigDecimal> parsed = Cells.money(raw);
		assertThat(parsed.problem()).isNull();
		assertThat(parsed.value()).isEqualTo(new BigDecimal(expected));
		assertThat(parsed.value().scale()).isEqualTo(2);
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';',
			value = { "abc;import.problem.price.invalid", "1e3;import.problem.price.invalid",
					"1.2.3;import.problem.price.invalid", "'12,34';import.problem.price.invalid",
					".5;import.problem.price.invalid", "5.;import.problem.price.invalid",
					"+5;import.problem.price.invalid", "59.90 RMB;import.problem.price.invalid",
					"-1;import.problem.price.negative", "¥-5;import.problem.price.negative",
					"1.234;import.problem.price.decimals", "100000000;import.problem.price.tooLarge" })
	void rejectsBadMoney(String raw, String code) {
		assertThat(Cells.money(raw)).isEqualTo(Parsed.problem(code));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "0;0", "200;200", "200.0;200", "'1,000';1000", "2147483647;2147483647" })
	void parsesWholeNumbers(String raw, int expected) {
		assertThat(Cells.wholeNumber(raw, false)).isEqualTo(Parsed.of(expected));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "1.5;import.problem.number.invalid", "ten;import.problem.number.invalid",
			"-1;import.problem.number.negative", "2147483648;import.problem.number.tooLarge" })
	void rejectsBadWholeNumbers(String raw, String code) {
		assertThat(Cells.wholeNumber(raw, false)).isEqualTo(Parsed.problem(code));
	}

	@Test
	void roundsFractionalGramsWhenAsked() {
		assertThat(Cells.wholeNumber("226.796185", true)).isEqualTo(Parsed.of(227));
		assertThat(Cells.wholeNumber("0.4", true)).isEqualTo(Parsed.of(0));
	}

	@Test
	void parsesSignedIntegers() {
		assertThat(Cells.integer("-3")).isEqualTo(Parsed.of(-3));
		assertThat(Cells.integer("－１２")).isEqualTo(Parsed.of(-12));
		assertThat(Cells.integer("1,000")).isEqualTo(Parsed.of(1000));
		assertThat(Cells.integer("-2147483648")).isEqualTo(Parsed.problem(CsvProblems.NUMBER_TOO_LARGE));
		assertThat(Cells.integer("-1.5")).isEqualTo(Parsed.problem(CsvProblems.NUMBER_INVALID));
		assertThat(Cells.wholeNumber("-3")).isEqualTo(Parsed.problem(CsvProblems.NUMBER_NEGATIVE));
	}

	@Test
	void unwrapsExcelTextGuardsAndDropsLeadingTabs() {
		assertThat(Cells.text("=\"1234567890123456789\"")).isEqualTo("1234567890123456789");
		assertThat(Cells.text(" =\"交易成功\" ")).isEqualTo("交易成功");
		assertThat(Cells.text("=\"say \"\"hi\"\"\"")).isEqualTo("say \"hi\"");
		assertThat(Cells.text("=\"\"")).isEmpty();
		assertThat(Cells.text("=SUM(A1)")).isEqualTo("=SUM(A1)");
		assertThat(Cells.text("\t6917926768823643751")).isEqualTo("6917926768823643751");
		assertThat(Cells.text("4902888206672\r")).isEqualTo("4902888206672");
		assertThat(Cells.text("'quoted'")).isEqualTo("'quoted'");
	}

	@Test
	void idsAlsoLoseTheSpreadsheetApostrophe() {
		assertThat(Cells.id("'4001")).isEqualTo("4001");
		assertThat(Cells.id("'4902888206672\r")).isEqualTo("4902888206672");
		assertThat(Cells.id("=\"'0812\"")).isEqualTo("0812");
		assertThat(Cells.id("\tABC-1")).isEqualTo("ABC-1");
	}

	@Test
	void parsesTimesAsShopsExportThem() {
		assertThat(Cells.dateTime("2024-01-15 10:30:00 -0400", SHANGHAI).value())
			.isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:00-04:00"));
		assertThat(Cells.dateTime("2024-01-15T10:30:00+05:30", SHANGHAI).value())
			.isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:00+05:30"));
		assertThat(Cells.dateTime("2024-01-15T02:30:00.5Z", SHANGHAI).value())
			.isEqualTo(OffsetDateTime.parse("2024-01-15T02:30:00.500Z"));
		assertThat(Cells.dateTime("2024-01-15 10:30:09", SHANGHAI).value())
			.isEqualTo(OffsetDateTime.parse("2024-01-15T10:30:09+08:00"));
		assertThat(Cells.dateTime("2024/1/5 9:05", SHANGHAI).value())
			.isEqualTo(OffsetDateTime.parse("2024-01-05T09:05:00+08:00"));
		assertThat(Cells.dateTime("2024-01-15", SHANGHAI).value())
			.isEqualTo(OffsetDateTime.parse("2024-01-15T00:00:00+08:00"));
	}

	@ParameterizedTest
	@CsvSource(delimiter = ';', value = { "yesterday", "2024-02-30 10:00:00", "0000-00-00", "2024-01-15 25:00:00",
			"15/01/2024", "2024-01-15 10:30:00 +9999" })
	void rejectsBadTimes(String raw) {
		assertThat(Cells.dateTime(raw, SHANGHAI)).isEqualTo(Parsed.problem(CsvProblems.DATE_INVALID));
	}

	@Test
	void parsesDates() {
		assertThat(Cells.date("2026-12-01")).isEqualTo(Parsed.of(LocalDate.of(2026, 12, 1)));
		assertThat(Cells.date("2026/12/1 08:00")).isEqualTo(Parsed.of(LocalDate.of(2026, 12, 1)));
		assertThat(Cells.date("2026-13-01")).isEqualTo(Parsed.problem(CsvProblems.DATE_INVALID));
	}

	@Test
	void parsesYesAndNo() {
		assertThat(Cells.bool("TRUE")).isEqualTo(Parsed.of(true));
		assertThat(Cells.bool("是")).isEqualTo(Parsed.of(true));
		assertThat(Cells.bool("1")).isEqualTo(Parsed.of(true));
		assertThat(Cells.bool("no")).isEqualTo(Parsed.of(false));
		assertThat(Cells.bool("否")).isEqualTo(Parsed.of(false));
		assertThat(Cells.bool("maybe")).isEqualTo(Parsed.problem(CsvProblems.BOOLEAN_INVALID));
	}

	@Test
	void checksLengths() {
		assertThat(Cells.limited("abc", 3)).isEqualTo(Parsed.of("abc"));
		assertThat(Cells.limited("abcd", 3)).isEqualTo(Parsed.problem(CsvProblems.VALUE_TOO_LONG));
		assertThat(Cells.limited("abcd", 3).ok()).isFalse();
		assertThat(Cells.emptyToNull("")).isNull();
	}

}
