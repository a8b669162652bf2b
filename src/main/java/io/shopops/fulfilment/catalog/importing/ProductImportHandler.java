package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import javax.sql.DataSource;

import io.shopops.platform.ImportHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports product catalogs (our template, Shopify's or WooCommerce's export) as the
 * platform's {@code products} import kind.
 * <p>
 * The whole run is one database transaction: a validate-only run, an all-or-nothing run
 * with invalid rows, a cancelled run and a run cut off by a crash all roll back and leave
 * the catalog exactly as it was. Under the skip-invalid policy the valid products are
 * committed together at the end.
 */
@Component
class ProductImportHandler implements ImportHandler {

	private static final Logger log = LoggerFactory.getLogger(ProductImportHandler.class);

	static final String KIND = "products";

	private static final int BATCH_VARIANTS = 20000;

	private static final int BATCH_PRODUCTS = 8000;

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	ProductImportHandler(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json) {
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "import.products.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("import.products.template.en", "/imports/products/template.csv?headers=en"),
				new ImportLink("import.products.template.zh", "/imports/products/template.csv?headers=zh"));
	}

	@Override
	public long inspect(Path file) {
		return fileInfo(file).records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		FileInfo info = fileInfo(run.file());
		return this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				long start = System.nanoTime();
				CatalogWriter writer = new CatalogWriter(connection, this.json);
				Collector collector = new Collector(run, writer, info);
				ReadSummary summary = CatalogFileReader.read(run.file(), info, collector);
				collector.flush();
				log.info("Import job {}: {} records in {} s ({})", run.jobId(), summary.records(),
						"%.1f".formatted((System.nanoTime() - start) / 1e9), writer.timings());
				long failed = summary.invalidRows() + collector.extraFailedRows;
				boolean write = run.mode() == ImportMode.APPLY
						&& (run.policy() == ImportPolicy.SKIP_INVALID || failed == 0);
				if (!write) {
					status.setRollbackOnly();
				}
				boolean nothing = run.mode() == ImportMode.APPLY && !write;
				run.progress(summary.records(), nothing ? 0 : collector.created, nothing ? 0 : collector.updated,
						nothing ? 0 : collector.unchanged, failed);
				return new ImportResult(summary.records(), nothing ? 0 : collector.created,
						nothing ? 0 : collector.updated, nothing ? 0 : collector.unchanged, failed, write);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Catalog import failed in the database", ex);
			}
		});
	}

	private static FileInfo fileInfo(Path file) {
		try {
			return CatalogFileReader.inspect(file);
		}
		catch (CatalogFileException ex) {
			throw new ImportRefusedException(ex.code(), ex.args());
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

	/**
	 * Takes the reader's products and problems: checks the limits of the database
	 * columns, batches valid products for the writer and keeps the counts.
	 */
	private static final class Collector implements CatalogSink {

		private final ImportRun run;

		private final CatalogWriter writer;

		private final RecordLimits limits;

		private final List<ProductRecord> batch = new ArrayList<>();

		private final Set<String> batchHandles = new HashSet<>();

		private int batchVariants;

		private boolean writing;

		private boolean prepared;

		private long lastProblemRow = -1;

		private long problemRows;

		long extraFailedRows;

		long created;

		long updated;

		long unchanged;

		Collector(ImportRun run, CatalogWriter writer, FileInfo info) {
			this.run = run;
			this.writer = writer;
			this.limits = new RecordLimits(info);
			this.writing = true;
		}

		@Override
		public void product(ProductRecord product) {
			List<RowProblem> problems = this.limits.check(product);
			if (!problems.isEmpty()) {
				problems.forEach(this::problem);
				this.extraFailedRows += RecordLimits.rows(product);
				return;
			}
			if (!this.writing) {
				return;
			}
			if (this.batchHandles.contains(product.handle())) {
				flush();
			}
			this.batch.add(product);
			this.batchHandles.add(product.handle());
			this.batchVariants += product.variants().size();
			if (this.batchVariants >= BATCH_VARIANTS || this.batch.size() >= BATCH_PRODUCTS) {
				flush();
			}
		}

		@Override
		public void problem(RowProblem problem) {
			if (problem.warning()) {
				this.run.warning(problem.row(), problem.column(), problem.value(), problem.code(), problem.args());
				return;
			}
			this.run.problem(problem.row(), problem.column(), problem.value(), problem.code(), problem.args());
			if (problem.row() != this.lastProblemRow) {
				this.problemRows++;
				this.lastProblemRow = problem.row();
			}
			if (this.run.mode() == ImportMode.APPLY && this.run.policy() == ImportPolicy.ALL_OR_NOTHING) {
				// nothing will be committed, so stop writing and only validate the rest
				this.writing = false;
				this.batch.clear();
				this.batchHandles.clear();
				this.batchVariants = 0;
			}
		}

		@Override
		public void progress(long recordsRead) {
			this.run.progress(recordsRead, this.created, this.updated, this.unchanged, this.problemRows);
		}

		void flush() {
			if (this.batch.isEmpty() || !this.writing) {
				return;
			}
			try {
				if (!this.prepared) {
					this.writer.prepare();
					this.prepared = true;
				}
				CatalogWriter.Counts counts = this.writer.write(this.batch);
				this.created += counts.created();
				this.updated += counts.updated();
				this.unchanged += counts.unchanged();
			}
			catch (SQLException ex) {
				throw new IllegalStateException("Catalog import failed in the database", ex);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			this.batch.clear();
			this.batchHandles.clear();
			this.batchVariants = 0;
		}

	}

}
