package io.shopops.growth.traffic;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.shopops.RecordingImportRun;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.ImportHandler.ImportResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code seo-ranks} import over the database: English and Chinese headers, Search
 * Console's "Top queries" export with the day picked at upload, idempotent per keyword
 * and day, keywords found by key and target or added, bad rows reported and
 * all-or-nothing.
 */
@SpringBootTest
class SeoRanksImportTests {

	@Autowired
	SeoRanksImportHandler handler;

	@Autowired
	SeoKeywords keywords;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aFileImportsOnceAndAgainChangesNothingAndAChangedRankIsUpdated() throws IOException {
		String tag = tag();
		String url = "https://shop.example.cn/products/scarf-" + tag;
		Path file = write("ranks.csv", StandardCharsets.UTF_8,
				"keyword,date,rank,url,search volume\n" + "Cashmere Scarf " + tag + ",2026-11-20,12," + url + ",900\n"
						+ "cashmere  scarf " + tag + ",2026/11/27,8.46," + url + ",\"1,200\"\n" + "wool hat " + tag
						+ ",20261127,30,,\n");
		RecordingImportRun run = new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING,
				Map.of(SeoRanksImportHandler.DATE_PARAMETER, SeoRanksImportHandler.FROM_FILE));
		ImportResult first = this.handler.run(run);
		assertThat(run.problems).isEmpty();
		assertThat(first.created()).isEqualTo(3);
		assertThat(first.written()).isTrue();
		assertThat(ranks(tag)).containsExactly("cashmere scarf " + tag + " url:" + url + " 2026-11-20 12.0 IMPORT",
				"cashmere scarf " + tag + " url:" + url + " 2026-11-27 8.5 IMPORT",
				"wool hat " + tag + "  2026-11-27 30.0 IMPORT");
		// the keyword is added once, as first written, with the volume of its latest day
		assertThat(this.jdbc.sql("SELECT keyword || ' ' || search_volume FROM seo_keyword WHERE keyword_key = ?")
			.param("cashmere scarf " + tag)
			.query(String.class)
			.list()).containsExactly("Cashmere Scarf " + tag + " 1200");

		ImportResult again = this.handler
			.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING));
		assertThat(again.unchanged()).isEqualTo(3);
		assertThat(again.created() + again.updated()).isZero();

		Path changed = write("changed.csv", StandardCharsets.UTF_8, "keyword,date,rank\n" + "WOOL HAT " + tag
				+ ",2026-11-27,25\n" + "wool hat " + tag + ",2026-11-28,22\n");
		ImportResult update = this.handler
			.run(new RecordingImportRun(changed, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING));
		assertThat(update.updated()).isOne();
		assertThat(update.created()).isOne();
		assertThat(ranks(tag)).contains("wool hat " + tag + "  2026-11-27 25.0 IMPORT",
				"wool hat " + tag + "  2026-11-28 22.0 IMPORT");
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'SEO_RANKS_IMPORTED'")
			.query(Long.class)
			.single()).isGreaterThanOrEqualTo(3);

		// a validation run writes nothing
		Path more = write("more.csv", StandardCharsets.UTF_8, "keyword,date,rank\nnew one " + tag + ",2026-11-28,5\n");
		ImportResult validated = this.handler
			.run(new RecordingImportRun(more, ImportMode.VALIDATE, ImportPolicy.ALL_OR_NOTHING));
		assertThat(validated.written()).isFalse();
		assertThat(ranks(tag)).noneMatch((row) -> row.startsWith("new one"));
	}

	@Test
	void chineseHeadersFindAKeywordWithAProductTargetWithoutAUrlColumn() throws IOException {
		String tag = tag();
		String sku = "SEO-" + tag;
		long product = this.jdbc.sql("INSERT INTO product (handle, title) VALUES (?, ?) RETURNING id")
			.params("seo-" + tag, "SEO product")
			.query(Long.class)
			.single();
		this.jdbc.sql("INSERT INTO product_variant (product_id, sku, price) VALUES (?, ?, 10)")
			.params(product, sku)
			.update();
		SeoKeywordForm form = new SeoKeywordForm();
		form.setKeyword("羊绒围巾 " + tag);
		form.setSku(sku);
		this.keywords.create(form);
		Path file = write("zh.csv", Charset.forName("GB18030"),
				"关键词,日期,排名,搜索量\n" + "羊绒围巾 " + tag + ",2026年11月29日,6,15000\n");
		RecordingImportRun run = new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING);
		assertThat(this.handler.run(run).created()).isOne();
		assertThat(run.problems).isEmpty();
		assertThat(ranks(tag)).containsExactly("羊绒围巾 " + tag + " sku:" + sku + " 2026-11-29 6.0 IMPORT");
		assertThat(this.jdbc.sql("SELECT search_volume FROM seo_keyword WHERE target_sku = ?")
			.param(sku)
			.query(Long.class)
			.single()).isEqualTo(15000L);
	}

	@Test
	void aSearchConsoleTopQueriesExportTakesItsDayFromTheUpload() throws IOException {
		String tag = tag();
		Path file = write("Queries.csv", StandardCharsets.UTF_8, "Top queries,Clicks,Impressions,CTR,Position\n"
				+ "silk pillowcase " + tag + ",31,1024,3.03%,4.62\n" + "mulberry silk " + tag + ",2,880,0.23%,18.1\n");
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.handler.inspect(List.of(file), Map.of()))
			.extracting(ImportRefusedException::code)
			.isEqualTo(SeoRanksImportHandler.DATE_MISSING);
		assertThatExceptionOfType(ImportRefusedException.class)
			.isThrownBy(() -> this.handler.inspect(List.of(file),
					Map.of(SeoRanksImportHandler.DATE_PARAMETER, SeoRanksImportHandler.FROM_FILE)))
			.extracting(ImportRefusedException::code)
			.isEqualTo(SeoRanksImportHandler.DATE_MISSING);
		assertThat(this.handler.fields().get(0).options()).hasSize(15);
		LocalDate day = LocalDate.now().minusDays(2);
		Map<String, String> parameters = Map.of(SeoRanksImportHandler.DATE_PARAMETER, day.toString());
		assertThat(this.handler.inspect(List.of(file), parameters)).isEqualTo(2);
		RecordingImportRun run = new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING,
				parameters);
		assertThat(this.handler.run(run).created()).isEqualTo(2);
		assertThat(ranks(tag)).containsExactly("mulberry silk " + tag + "  " + day + " 18.1 IMPORT",
				"silk pillowcase " + tag + "  " + day + " 4.6 IMPORT");
	}

	@Test
	void badRowsAreNamedAndWriteNothingUnlessSkipped() throws IOException {
		String tag = tag();
		String url = "https://shop.example.cn/a-" + tag;
		SeoKeywordForm one = new SeoKeywordForm();
		one.setKeyword("two targets " + tag);
		one.setTargetUrl(url);
		this.keywords.create(one);
		SeoKeywordForm two = new SeoKeywordForm();
		two.setKeyword("Two Targets " + tag);
		this.keywords.create(two);
		Path file = write("bad.csv", StandardCharsets.UTF_8, "keyword,date,rank,url\n" //
				+ "good " + tag + ",2026-11-01,3,\n" // 2
				+ ",2026-11-01,3,\n" // 3
				+ "bad rank " + tag + ",2026-11-01,0,\n" // 4
				+ "bad rank " + tag + ",2026-11-02,top,\n" // 5
				+ "bad date " + tag + ",someday,3,\n" // 6
				+ "future " + tag + ",2099-01-01,3,\n" // 7
				+ "bad url " + tag + ",2026-11-01,3,ftp://x\n" // 8
				+ "two targets " + tag + ",2026-11-01,3,\n" // 9
				+ "GOOD " + tag + ",2026-11-01,4,\n" // 10
				+ "two targets " + tag + ",2026-11-01,3," + url + "\n"); // 11
		RecordingImportRun run = new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING);
		ImportResult result = this.handler.run(run);
		assertThat(result.failed()).isEqualTo(8);
		assertThat(result.written()).isFalse();
		assertThat(run.problems).containsExactly("3:import.problem.value.required", "4:seo.import.problem.rank",
				"5:seo.import.problem.rank", "6:import.problem.date.invalid", "7:seo.import.problem.future",
				"8:seo.import.problem.url", "9:seo.import.problem.ambiguous", "10:seo.import.problem.duplicate");
		assertThat(ranks(tag)).isEmpty();
		assertThat(this.jdbc.sql("SELECT count(*) FROM seo_keyword WHERE keyword_key = ?")
			.param("good " + tag)
			.query(Long.class)
			.single()).isZero();

		ImportResult skipping = this.handler
			.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.SKIP_INVALID));
		assertThat(skipping.created()).isEqualTo(2);
		assertThat(ranks(tag)).containsExactly("good " + tag + "  2026-11-01 3.0 IMPORT",
				"two targets " + tag + " url:" + url + " 2026-11-01 3.0 IMPORT");
	}

	@Test
	void aFileWithoutAKeywordOrRankColumnIsRefused() throws IOException {
		Path file = write("x.csv", StandardCharsets.UTF_8, "keyword,date\nscarf,2026-11-01\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(file))
			.extracting(ImportRefusedException::code)
			.isEqualTo(SeoRanksImportHandler.HEADER);
	}

	private List<String> ranks(String tag) {
		return this.jdbc.sql("""
				SELECT k.keyword_key || ' ' || k.target_key || ' ' || r.rank_date || ' ' || r.rank || ' ' || r.source
				FROM seo_rank r JOIN seo_keyword k ON k.id = r.keyword_id
				WHERE k.keyword_key LIKE ? ORDER BY k.keyword_key, k.target_key, r.rank_date""")
			.param("% " + tag)
			.query(String.class)
			.list();
	}

	private static String tag() {
		return UUID.randomUUID().toString().substring(0, 8);
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, charset);
		return file;
	}

}
