package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The segment form: what it accepts, and the message key of each mistake.
 */
class SegmentFormTests {

	@Test
	void aFilledFormBecomesItsFilter() {
		SegmentForm form = new SegmentForm(" 高价值 ", "gold", "VIP， 高复购, VIP,", "IMPORTANT_VALUE", "3", "5", "", " 2 ",
				null, "5", "2026-01-01", "2026-07-01", "1,000", "20000.50", "TMALL", " SKU-1 ");
		SegmentForm.Parsed parsed = form.parse();
		assertThat(parsed.problems()).isEmpty();
		assertThat(form.validName()).isEqualTo("高价值");
		assertThat(parsed.filter()).isEqualTo(new SegmentFilter("GOLD", List.of("VIP", "高复购"), RfmGroup.IMPORTANT_VALUE,
				3, 5, null, 2, null, 5, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 7, 1), new BigDecimal("1000"),
				new BigDecimal("20000.50"), "TMALL", "SKU-1"));
		assertThat(SegmentForm.of("高价值", parsed.filter()).parse().filter()).isEqualTo(parsed.filter());
	}

	@Test
	void anEmptyFormIsEveryCustomerButHasNoName() {
		assertThat(SegmentForm.empty().parse().filter()).isEqualTo(SegmentFilter.ALL);
		assertThat(SegmentForm.empty().parse().filter().isEmpty()).isTrue();
		assertThat(SegmentForm.empty().validName()).isNull();
		assertThat(form("x".repeat(81), null, null, null, null, null).validName()).isNull();
	}

	@Test
	void everyMistakeHasItsMessage() {
		assertThat(problems(form("n", "bad tier!", null, null, null, null)))
			.containsExactly("segment.form.tier.invalid");
		assertThat(problems(form("n", null, "x".repeat(41), null, null, null)))
			.containsExactly("segment.form.tags.invalid");
		assertThat(problems(form("n", null, "1,2,3,4,5,6,7,8,9,10,11", null, null, null)))
			.containsExactly("segment.form.tags.invalid");
		assertThat(problems(form("n", null, null, "BEST", null, null)))
			.containsExactly("segment.form.rfmGroup.invalid");
		assertThat(problems(new SegmentForm("n", null, null, null, "0", null, null, null, null, null, null, null, null,
				null, null, null)))
			.containsExactly("segment.form.score.invalid");
		assertThat(problems(new SegmentForm("n", null, null, null, "4", "2", null, null, null, null, null, null, null,
				null, null, null)))
			.containsExactly("segment.form.score.invalid");
		assertThat(problems(form("n", null, null, null, "2026-02-30", null)))
			.containsExactly("segment.form.date.invalid");
		assertThat(problems(form("n", null, null, null, "+999999999-12-31", null)))
			.containsExactly("segment.form.date.invalid");
		assertThat(problems(form("n", null, null, null, "1999-12-31", null)))
			.containsExactly("segment.form.date.invalid");
		assertThat(problems(form("n", null, null, null, "2026-05-01", "2026-05-01")))
			.containsExactly("segment.form.dates.order");
		assertThat(problems(new SegmentForm("n", null, null, null, null, null, null, null, null, null, null, null,
				"1E+9", null, null, null)))
			.containsExactly("segment.form.spend.invalid");
		assertThat(problems(new SegmentForm("n", null, null, null, null, null, null, null, null, null, null, null,
				"500", "100", null, null)))
			.containsExactly("segment.form.spend.invalid");
		assertThat(problems(new SegmentForm("n", null, null, null, null, null, null, null, null, null, null, null, null,
				null, "c".repeat(33), "s".repeat(65))))
			.containsExactly("segment.form.channel.invalid", "segment.form.sku.invalid");
	}

	private static List<String> problems(SegmentForm form) {
		SegmentForm.Parsed parsed = form.parse();
		assertThat(parsed.valid()).isFalse();
		assertThat(parsed.filter()).isNull();
		return parsed.problems();
	}

	private static SegmentForm form(String name, String tier, String tags, String group, String after, String before) {
		return new SegmentForm(name, tier, tags, group, null, null, null, null, null, null, after, before, null, null,
				null, null);
	}

}
