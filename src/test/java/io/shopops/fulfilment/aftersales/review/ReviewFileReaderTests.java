package io.shopops.fulfilment.aftersales.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * Every review layout read by column name: ratings, dates, products, replies, hidden
 * reviews and per-row problems.
 */
class ReviewFileReaderTests {

	static final Path RESOURCES = Path.of("src/test/resources/reviews");

	static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

	@TempDir
	Path dir;

	@Test
	void readsJudgeMeWithRepliesSpamAndProblems() throws IOException {
		ReviewFileReader.Result result = read("judgeme.csv", ReviewLayout.JUDGEME);
		assertThat(result.records()).isEqualTo(5);
		assertThat(result.reviews()).extracting(ReviewRecord::author).containsExactly("Anna", "Ben", "Spammer");
		ReviewRecord anna = result.reviews().get(0);
		assertThat(anna.handle()).isEqualTo("rv-tee");
		assertThat(anna.rating()).isEqualTo(5);
		assertThat(anna.title()).isEqualTo("Love it");
		assertThat(anna.reply()).isEqualTo("Thanks Anna!");
		assertThat(anna.reviewedAt()).isEqualTo(Instant.parse("2026-11-20T02:15:00Z"));
		assertThat(anna.externalId()).startsWith("sha256:");
		assertThat(result.reviews().get(1).reply()).isNull();
		assertThat(result.reviews().get(2).hidden()).isTrue();
		// the store review names no product; "six" is no rating
		assertThat(result.failedRows()).isEqualTo(2);
		assertThat(result.issues()).extracting(ReviewIssue::row, ReviewIssue::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(5L, ReviewProblems.NO_PRODUCT),
					org.assertj.core.groups.Tuple.tuple(6L, ReviewProblems.RATING_INVALID));
		assertThat(result.issues().get(1).column()).isEqualTo("rating");
		assertThat(result.issues().get(1).value()).isEqualTo("six");
	}

	@Test
	void derivedIdsAreStableAcrossReads() throws IOException {
		List<String> first = read("judgeme.csv", ReviewLayout.JUDGEME).reviews()
			.stream()
			.map(ReviewRecord::externalId)
			.toList();
		List<String> second = read("judgeme.csv", ReviewLayout.JUDGEME).reviews()
			.stream()
			.map(ReviewRecord::externalId)
			.toList();
		assertThat(first).isEqualTo(second).doesNotHaveDuplicates();
	}

	@Test
	void readsOkendoBySkuOrHandle() throws IOException {
		ReviewFileReader.Result result = read("okendo.csv", ReviewLayout.OKENDO);
		assertThat(result.issues()).isEmpty();
		assertThat(result.reviews()).extracting(ReviewRecord::sku).containsExactly("RV-MUG-01", null, null);
		assertThat(result.reviews()).extracting(ReviewRecord::handle).containsExactly(null, "rv-mug", "no-such-handle");
		assertThat(result.reviews().get(0).reviewedAt()).isEqualTo(Instant.parse("2026-10-31T16:00:00Z"));
		assertThat(result.reviews().get(1).reviewedAt()).isEqualTo(Instant.parse("2026-11-02T08:30:00Z"));
		assertThat(result.reviews().get(1).rating()).isEqualTo(1);
	}

	@Test
	void readsWooCommerceMergingRepliesIntoTheirReviews() throws IOException {
		ReviewFileReader.Result result = read("woocommerce.csv", ReviewLayout.WOOCOMMERCE);
		assertThat(result.records()).isEqualTo(4);
		assertThat(result.reviews()).extracting(ReviewRecord::externalId).containsExactly("101", "103");
		ReviewRecord hana = result.reviews().get(0);
		assertThat(hana.body()).isEqualTo("=Great value");
		assertThat(hana.sku()).isEqualTo("RV-TEE-M");
		assertThat(hana.reply()).isEqualTo("Thank you Hana");
		assertThat(hana.hidden()).isFalse();
		assertThat(result.reviews().get(1).hidden()).isTrue();
		assertThat(result.replies()).singleElement()
			.satisfies((reply) -> assertThat(reply.parentExternalId()).isEqualTo("90"));
	}

	@Test
	void readsShopifyLooxAndYotpo() throws IOException {
		ReviewFileReader.Result shopify = read("shopify.csv", ReviewLayout.SHOPIFY);
		assertThat(shopify.reviews()).extracting(ReviewRecord::hidden).containsExactly(false, true);
		assertThat(shopify.reviews().get(0).reviewedAt()).isEqualTo(Instant.parse("2026-09-01T14:00:00Z"));
		assertThat(shopify.reviews().get(0).repliedAt()).isEqualTo(Instant.parse("2026-09-02T14:00:00Z"));
		ReviewFileReader.Result loox = read("loox.csv", ReviewLayout.LOOX);
		assertThat(loox.reviews()).singleElement().satisfies((review) -> assertThat(review.rating()).isEqualTo(4));
		ReviewFileReader.Result yotpo = read("yotpo.csv", ReviewLayout.YOTPO);
		assertThat(yotpo.reviews()).singleElement().satisfies((review) -> {
			assertThat(review.externalId()).isEqualTo("Y-9");
			assertThat(review.sku()).isEqualTo("RV-TEE-M");
			assertThat(review.rating()).isEqualTo(3);
		});
	}

	@Test
	void readsTheChineseTemplateWithRatingWordsAndDuplicates() throws IOException {
		ReviewFileReader.Result result = read("template-zh.csv", ReviewLayout.TEMPLATE);
		assertThat(result.reviews()).extracting(ReviewRecord::externalId).containsExactly("T-1", "T-2");
		assertThat(result.reviews().get(0).rating()).isEqualTo(1);
		assertThat(result.reviews().get(1).rating()).isEqualTo(5);
		assertThat(result.reviews().get(1).reviewedAt()).isEqualTo(Instant.parse("2026-11-30T01:00:00Z"));
		assertThat(result.reviews().get(1).reply()).isEqualTo("谢谢支持！");
		assertThat(result.issues()).extracting(ReviewIssue::row, ReviewIssue::code)
			.containsExactly(org.assertj.core.groups.Tuple.tuple(4L, ReviewProblems.NO_PRODUCT),
					org.assertj.core.groups.Tuple.tuple(5L, ReviewProblems.DUPLICATE));
		assertThat(result.issues().get(1).args()).containsExactly(2L);
	}

	@Test
	void readsTheTaobaoRollUpInGb18030() throws IOException {
		ReviewFileReader.Result result = read("taobao-gb18030.csv", ReviewLayout.TAOBAO);
		assertThat(result.issues()).isEmpty();
		assertThat(result.reviews()).extracting(ReviewRecord::orderNumber).containsExactly("3344556677", "3344556678");
		assertThat(result.reviews()).extracting(ReviewRecord::rating).containsExactly(1, 5);
		assertThat(result.reviews().get(0).productName()).isEqualTo("评价导入测试T恤");
		assertThat(result.reviews().get(1).reviewedAt()).isEqualTo(Instant.ofEpochMilli(1762830000000L));
	}

	@Test
	void refusesAnUnknownHeaderAndReportsMissingValues() throws IOException {
		Path unknown = Files.writeString(this.dir.resolve("unknown.csv"), "a,b,c\n1,2,3\n");
		assertThatExceptionOfType(CsvFileException.class)
			.isThrownBy(() -> ReviewFileReader.layout(CsvFile.open(unknown)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo(ReviewProblems.HEADER_UNKNOWN));
		Path missing = Files.writeString(this.dir.resolve("missing.csv"),
				"sku,rating,body,reviewed_at\nRV-1,,text,\nRV-1,5,text,yesterday\n", StandardCharsets.UTF_8);
		ReviewFileReader.Result result = read(missing, ReviewLayout.TEMPLATE);
		assertThat(result.reviews()).isEmpty();
		assertThat(result.failedRows()).isEqualTo(2);
		assertThat(result.issues()).extracting(ReviewIssue::code)
			.containsExactly(CsvProblems.VALUE_REQUIRED, CsvProblems.VALUE_REQUIRED, CsvProblems.DATE_INVALID);
	}

	@Test
	void cutsLongTextsWithAWarning() throws IOException {
		Path file = Files.writeString(this.dir.resolve("long.csv"),
				"sku,rating,body,reviewed_at\nRV-1,5," + "好".repeat(6000) + ",2026-12-01\n", StandardCharsets.UTF_8);
		ReviewFileReader.Result result = read(file, ReviewLayout.TEMPLATE);
		assertThat(result.reviews()).singleElement()
			.satisfies((review) -> assertThat(review.body()).hasSize(ReviewFileReader.MAX_BODY));
		assertThat(result.issues()).singleElement().satisfies((issue) -> {
			assertThat(issue.warning()).isTrue();
			assertThat(issue.code()).isEqualTo(ReviewProblems.WARNING_TRUNCATED);
		});
		assertThat(result.failedRows()).isZero();
	}

	private ReviewFileReader.Result read(String name, ReviewLayout expected) throws IOException {
		return read(RESOURCES.resolve(name), expected);
	}

	private ReviewFileReader.Result read(Path path, ReviewLayout expected) throws IOException {
		CsvFile file = CsvFile.open(path);
		ReviewLayout layout = ReviewFileReader.layout(file);
		assertThat(layout).isEqualTo(expected);
		return ReviewFileReader.read(file, layout, SHANGHAI);
	}

}
