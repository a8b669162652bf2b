package io.shopops.growth.content;

import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.RecordingImportRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The {@code content-metrics} import: columns by English or Chinese name, idempotent per
 * piece and day, bad rows reported, nothing written when validating or when an
 * all-or-nothing file has a bad row.
 */
@SpringBootTest
class ContentMetricsImportTests {

	@Autowired
	ContentMetricsImportHandler handler;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void chineseHeadersImportOnceAndAgainChangeNothing() throws IOException {
		String code = ContentFixtures.unique("I");
		long piece = ContentFixtures.piece(this.jdbc, "SHORT_VIDEO", "PUBLISHED", code, Instant.now());
		Path file = write("gbk.csv", Charset.forName("GB18030"), "日期,跟踪码,播放量,点赞,评论,分享,点击\n" + "2030-01-01,"
				+ code.toLowerCase() + ",\"12,000\",860,95,40,310\n" + "2030/01/02," + code + ",1.2万,1,2,3,4\n");
		ImportResult first = this.handler
			.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING));
		assertThat(first.created()).isEqualTo(2);
		assertThat(first.written()).isTrue();
		assertThat(this.jdbc.sql("SELECT views FROM content_metric WHERE piece_id = ? ORDER BY metric_date")
			.param(piece)
			.query(Long.class)
			.list()).containsExactly(12000L, 12000L);
		ImportResult again = this.handler
			.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING));
		assertThat(again.unchanged()).isEqualTo(2);
		assertThat(again.created() + again.updated()).isZero();
		Path changed = write("en.csv", Charset.forName("UTF-8"),
				"tracking_code,date,views,likes,comments,shares,clicks\n" + code + ",2030-01-01,13000,1,1,1,1\n");
		assertThat(this.handler.run(new RecordingImportRun(changed, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING))
			.updated()).isOne();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = 'CONTENT_METRICS_IMPORTED'")
			.query(Long.class)
			.single()).isPositive();
	}

	@Test
	void badRowsAreReportedAndAllOrNothingWritesNothing() throws IOException {
		String code = ContentFixtures.unique("B");
		long piece = ContentFixtures.piece(this.jdbc, "NOTE", "PUBLISHED", code, Instant.now());
		Path file = write("bad.csv", Charset.forName("UTF-8"),
				"tracking_code,date,views,likes\n" + code + ",2030-02-01,10,1\n" + "NOPE-" + code + ",2030-02-01,10,1\n"
						+ code + ",not a date,10,1\n" + code + ",2030-02-02,-5,x\n" + code + ",2030-02-01,11,1\n");
		RecordingImportRun run = new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING);
		ImportResult result = this.handler.run(run);
		assertThat(result.failed()).isEqualTo(4);
		assertThat(result.written()).isFalse();
		assertThat(run.problems).contains("3:content.import.problem.unknownCode", "4:import.problem.date.invalid",
				"5:import.problem.number.negative", "5:import.problem.number.invalid",
				"6:content.import.problem.duplicate");
		assertThat(count(piece)).isZero();
		assertThat(this.handler.run(new RecordingImportRun(file, ImportMode.VALIDATE, ImportPolicy.SKIP_INVALID))
			.written()).isFalse();
		assertThat(count(piece)).isZero();
		assertThat(
				this.handler.run(new RecordingImportRun(file, ImportMode.APPLY, ImportPolicy.SKIP_INVALID)).created())
			.isOne();
		assertThat(count(piece)).isOne();
	}

	@Test
	void aFileWithoutCodeOrDateColumnsIsRefused() throws IOException {
		Path file = write("x.csv", Charset.forName("UTF-8"), "sku,qty\nA,1\n");
		assertThatExceptionOfType(ImportRefusedException.class).isThrownBy(() -> this.handler.inspect(file))
			.extracting(ImportRefusedException::code)
			.isEqualTo(ContentMetricsImportHandler.HEADER);
	}

	private long count(long piece) {
		return this.jdbc.sql("SELECT count(*) FROM content_metric WHERE piece_id = ?")
			.param(piece)
			.query(Long.class)
			.single();
	}

	private Path write(String name, Charset charset, String text) throws IOException {
		Path file = this.dir.resolve(name);
		Files.writeString(file, text, charset);
		return file;
	}

}
