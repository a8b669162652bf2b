package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import io.shopops.fulfilment.inventory.Inventory;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.csv.CsvFileException;
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

	/** The reason on the opening stock movements of imported SKUs. */
	static final String STOCK_REASON = "import";

	private final DataSource dataSource;

	private final TransactionTemplate transactions;

	private final JsonMapper json;

	private final Inventory inventory;

	private final Map<Path, Inspected> inspected = new ConcurrentHashMap<>();

	ProductImportHandler(DataSource dataSource, PlatformTransactionManager transactions, JsonMapper json,
			Inventory inventory) {
		this.dataSource = dataSource;
		this.transactions = new TransactionTemplate(transactions);
		this.json = json;
		this.inventory = inventory;
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
		// forget the files of uploads that were refused or cancelled before they ran
		this.inspected.keySet().removeIf((stored) -> !Files.exists(stored));
		long start = System.nanoTime();
		FileInfo info = fileInfo(file);
		this.inspected.put(file, new Inspected(info, System.nanoTime() - start, fingerprint(file)));
		return info.records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		long start = System.nanoTime();
		Inspected known = this.inspected.remove(run.file());
		Inspected inspected = (known != null && known.fingerprint().equals(fingerprint(run.file()))) ? known
				: new Inspected(fileInfo(run.file()), System.nanoTime() - start, "");
		CatalogWriter.Timings timings = new CatalogWriter.Timings();
		timings.scan = inspected.nanos();
		long read = System.nanoTime();
		ImportResult result = this.transactions.execute((status) -> {
			Connection connection = DataSourceUtils.getConnection(this.dataSource);
			try {
				CatalogWriter writer = new CatalogWriter(connection, this.json, timings);
				ReadSummary summary;
				long waited;
				Collector collector = new Collector(run, writer, this.inventory, timings, inspected.info());
				try (collector) {
					summary = CatalogFileReader.read(run.file(), inspected.info(), collector);
					collector.finish();
					waited = collector.waitedNanos();
				}
				long failed = summary.invalidRows() + collector.extraFailedRows;
				boolean write = run.mode() == ImportMode.APPLY
						&& (run.policy() == ImportPolicy.SKIP_INVALID || failed == 0);
				if (!write) {
					status.setRollbackOnly();
				}
				boolean nothing = run.mode() == ImportMode.APPLY && !write;
				run.progress(summary.records(), nothing ? 0 : collector.created, nothing ? 0 : collector.updated,
						nothing ? 0 : collector.unchanged, failed);
				timings.parse = System.nanoTime() - read - waited;
				timings.commit = System.nanoTime();
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
		timings.commit = System.nanoTime() - timings.commit;
		log.info("Import job {}: {} records in {} s ({})", run.jobId(), result.total(),
				"%.2f".formatted((System.nanoTime() - start) / 1e9), timings);
		return result;
	}

	private static FileInfo fileInfo(Path file) {
		try {
			return CatalogFileReader.inspect(file);
		}
		catch (CsvFileException ex) {
			throw new ImportRefusedException(ex.code(), ex.args());
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

	/**
	 * Size and modification time: a file inspected at upload is only trusted at run time
	 * if it is still the same file.
	 */
	private static String fingerprint(Path file) {
		try {
			return Files.size(file) + "@" + Files.getLastModifiedTime(file).toMillis();
		}
		catch (IOException ex) {
			return "";
		}
	}

	/**
	 * What the upload's inspection found, kept for the job so that the file is not
	 * scanned twice.
	 */
	private record Inspected(FileInfo info, long nanos, String fingerprint) {
	}

	/**
	 * Takes the reader's products and problems: checks the limits of the database
	 * columns, batches valid products for the writer and keeps the counts.
	 */
	private static final class Collector implements CatalogSink, AutoCloseable {

		private final ImportRun run;

		private final CatalogWriter writer;

		private final Inventory inventory;

		private final CatalogWriter.Timings timings;

		private final RecordLimits limits;

		private final ExecutorService writerThread;

		private List<ProductRecord> batch = new ArrayList<>();

		private Future<CatalogWriter.Counts> pending;

		private long waitedNanos;

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

		Collector(ImportRun run, CatalogWriter writer, Inventory inventory, CatalogWriter.Timings timings,
				FileInfo info) {
			this.run = run;
			this.writer = writer;
			this.inventory = inventory;
			this.timings = timings;
			this.limits = new RecordLimits(info);
			this.writing = true;
			this.writerThread = Executors.newSingleThreadExecutor((task) -> {
				Thread thread = new Thread(task, "import-" + run.jobId() + "-writer");
				thread.setDaemon(true);
				return thread;
			});
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

		/**
		 * Hands the batch to the writer thread, after the previous batch is written: the
		 * database writes one batch while the next one is read from the file. The writer
		 * uses the job's connection, never at the same time as this thread.
		 */
		void flush() {
			if (this.batch.isEmpty() || !this.writing) {
				return;
			}
			List<ProductRecord> full = this.batch;
			this.batch = new ArrayList<>();
			this.batchHandles.clear();
			this.batchVariants = 0;
			awaitWriter();
			this.pending = this.writerThread.submit(() -> {
				if (!this.prepared) {
					this.writer.prepare();
					this.prepared = true;
				}
				return this.writer.write(full);
			});
		}

		/**
		 * Writes what is left and waits for the writer.
		 */
		void finish() {
			flush();
			awaitWriter();
		}

		private void awaitWriter() {
			if (this.pending == null) {
				return;
			}
			long start = System.nanoTime();
			try {
				CatalogWriter.Counts counts = this.pending.get();
				// on this thread, which holds the job's transaction, while the writer
				// thread is idle: the connection is never used by both at once
				long stock = System.nanoTime();
				this.inventory.openStock(counts.newVariantIds(), counts.initialStock(), STOCK_REASON);
				this.timings.variants += System.nanoTime() - stock;
				this.created += counts.created();
				this.updated += counts.updated();
				this.unchanged += counts.unchanged();
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				throw new IllegalStateException("Interrupted while writing the catalog", ex);
			}
			catch (ExecutionException ex) {
				Throwable cause = ex.getCause();
				if (cause instanceof SQLException sql) {
					throw new IllegalStateException("Catalog import failed in the database", sql);
				}
				if (cause instanceof IOException io) {
					throw new UncheckedIOException(io);
				}
				if (cause instanceof RuntimeException runtime) {
					throw runtime;
				}
				if (cause instanceof Error error) {
					throw error;
				}
				throw new IllegalStateException(cause);
			}
			finally {
				this.pending = null;
				this.waitedNanos += System.nanoTime() - start;
			}
		}

		/**
		 * Stops the writer thread once it is done with the connection, so that the
		 * transaction can end whatever happened.
		 */
		@Override
		public void close() {
			this.writerThread.shutdown();
			boolean interrupted = false;
			while (true) {
				try {
					if (this.writerThread.awaitTermination(1, TimeUnit.MINUTES)) {
						break;
					}
				}
				catch (InterruptedException ex) {
					interrupted = true;
				}
			}
			if (interrupted) {
				Thread.currentThread().interrupt();
			}
		}

		long waitedNanos() {
			return this.waitedNanos;
		}

	}

}
