package io.shopops.platform.imports;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.catalog.importing.CatalogTemplate;
import io.shopops.platform.CsvCells;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.groups.Tuple.tuple;
import static org.awaitility.Awaitility.await;

/**
 * The job machinery independent of any import kind: restart recovery, queue positions,
 * cancelling queued jobs.
 */
@SpringBootTest
class ImportJobsIntegrationTests {

	@Autowired
	ImportJobs jobs;

	@Autowired
	ImportJobStore store;

	@Autowired
	JdbcClient jdbc;

	@Test
	void jobsLeftRunningByACrashAreMarkedInterruptedOnStart() {
		long id = insertJob("RUNNING", "APPLY");
		this.jobs.resumeAfterRestart();
		ImportJobView job = this.store.find(id).orElseThrow();
		assertThat(job.status()).isEqualTo("FAILED");
		assertThat(job.outcome()).isEqualTo("interrupted");
		assertThat(job.finishedAt()).isNotNull();
	}

	@Test
	void anInterruptedJobRunsAgainFromItsKeptFile(@TempDir Path dir) throws Exception {
		String prefix = "rerun" + System.nanoTime() + "-";
		Path file = dir.resolve("kept.csv");
		Files.writeString(file, String.join(",", CatalogTemplate.ENGLISH_HEADER) + "\n" + prefix
				+ "p1,Rerun product,,,,,active,,,,,,,,," + prefix + "SKU-1,9.90,,,,,,\n");
		long id = this.jdbc
			.sql("""
					INSERT INTO import_job (kind, file_name, stored_file, file_size, mode, policy, status, created_by, total)
					VALUES ('products', 'kept.csv', :file, 100, 'APPLY', 'ALL_OR_NOTHING', 'RUNNING', 'tester', 1)
					RETURNING id""")
			.param("file", file.toString())
			.query(Long.class)
			.single();
		this.jobs.resumeAfterRestart();
		ImportJobView interrupted = this.store.find(id).orElseThrow();
		assertThat(interrupted.outcome()).isEqualTo("interrupted");
		assertThat(this.jobs.canRerun(interrupted)).isTrue();
		long rerun = this.jobs.rerun(id, "tester").orElseThrow();
		await().atMost(Duration.ofSeconds(30)).until(() -> this.store.find(rerun).orElseThrow().finished());
		ImportJobView done = this.store.find(rerun).orElseThrow();
		assertThat(done.status()).isEqualTo("SUCCEEDED");
		assertThat(done.created()).isEqualTo(1);
		assertThat(this.jobs.rerun(rerun, "tester")).isEmpty();
	}

	@Test
	void queuedApplyJobsKnowHowManyAreAheadOfThem() {
		this.jdbc
			.sql("UPDATE import_job SET status = 'FAILED', outcome = 'cancelled' WHERE status IN ('QUEUED', 'RUNNING')")
			.update();
		long running = insertJob("RUNNING", "APPLY");
		long first = insertJob("QUEUED", "APPLY");
		long second = insertJob("QUEUED", "APPLY");
		long validate = insertJob("QUEUED", "VALIDATE");
		assertThat(this.store.find(first).orElseThrow().queuePosition()).isEqualTo(1);
		assertThat(this.store.find(second).orElseThrow().queuePosition()).isEqualTo(2);
		assertThat(this.store.find(validate).orElseThrow().queuePosition()).isZero();
		assertThat(this.jobs.cancel(second)).isTrue();
		assertThat(this.store.find(second).orElseThrow().outcome()).isEqualTo("cancelled");
		this.jdbc.sql("UPDATE import_job SET status = 'FAILED', outcome = 'cancelled' WHERE id IN (?, ?, ?)")
			.params(running, first, validate)
			.update();
	}

	@Test
	void uploadedFileNamesLoseTheirPathsAndControlCharacters() {
		assertThat(ImportJobs.sanitizeFileName("C:\\Users\\王\\商品.csv")).isEqualTo("商品.csv");
		assertThat(ImportJobs.sanitizeFileName("../../etc/passwd")).isEqualTo("passwd");
		assertThat(ImportJobs.sanitizeFileName("a\nb.csv")).isEqualTo("ab.csv");
		assertThat(ImportJobs.sanitizeFileName(null)).isEqualTo("upload");
	}

	@Test
	void spreadsheetFormulasAreNeutralised() {
		assertThat(CsvCells.neutralize("=1+1")).isEqualTo("'=1+1");
		assertThat(CsvCells.neutralize("+86 138")).isEqualTo("'+86 138");
		assertThat(CsvCells.neutralize("-5")).isEqualTo("'-5");
		assertThat(CsvCells.neutralize("@SUM(A1)")).isEqualTo("'@SUM(A1)");
		assertThat(CsvCells.neutralize("\tx")).isEqualTo("'\tx");
		assertThat(CsvCells.neutralize("连衣裙")).isEqualTo("连衣裙");
		assertThat(CsvCells.neutralize(null)).isEmpty();
	}

	@Test
	void warningsAreKeptApartFromProblemsInTheReport() {
		long id = insertJob("RUNNING", "APPLY");
		ImportJobs.LiveJob run = this.jobs.new LiveJob(id, List.of(Path.of("/nonexistent/x.csv")), Map.of(),
				ImportMode.APPLY, ImportPolicy.ALL_OR_NOTHING);
		run.problem(2, "price", "abc", "import.problem.price.invalid", List.of());
		run.warning(3, "sku", "X", "import.problem.sku.repeated", List.of("X-2"));
		run.flushProblems();
		List<ImportJobStore.Problem> problems = new ArrayList<>();
		this.store.forEachProblem(id, problems::add);
		assertThat(problems).extracting(ImportJobStore.Problem::row, ImportJobStore.Problem::warning)
			.containsExactly(tuple(2L, false), tuple(3L, true));
		assertThat(problems.get(1).args()).containsExactly("X-2");
	}

	@Test
	void aFileWithAHeaderButNoRowsIsRefusedAndNotStored() {
		ImportHandler headerOnly = new ImportHandler() {

			@Override
			public String kind() {
				return "products";
			}

			@Override
			public String titleKey() {
				return "import.products.title";
			}

			@Override
			public List<ImportLink> links() {
				return List.of();
			}

			@Override
			public long inspect(Path file) {
				return 0;
			}

			@Override
			public ImportResult run(ImportRun run) {
				throw new AssertionError("never queued");
			}

		};
		long before = this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single();
		assertThatThrownBy(() -> this.jobs.submit(headerOnly, "h.csv", 10,
				new ByteArrayInputStream("a,b\n".getBytes(StandardCharsets.UTF_8)), ImportMode.APPLY,
				ImportPolicy.ALL_OR_NOTHING, "tester"))
			.isInstanceOfSatisfying(ImportRefusedException.class,
					(ex) -> assertThat(ex.code()).isEqualTo("import.refused.noRows"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM import_job").query(Long.class).single()).isEqualTo(before);
	}

	private long insertJob(String status, String mode) {
		return this.jdbc.sql("""
				INSERT INTO import_job (kind, file_name, stored_file, file_size, mode, policy, status, created_by)
				VALUES ('products', 'x.csv', '/nonexistent/x.csv', 1, :mode, 'ALL_OR_NOTHING', :status, 'tester')
				RETURNING id""").param("mode", mode).param("status", status).query(Long.class).single();
	}

}
