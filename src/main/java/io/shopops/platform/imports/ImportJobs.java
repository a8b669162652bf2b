package io.shopops.platform.imports;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shopops.platform.AuditLog;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRefusedException;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.platform.ImportHandler.ImportRun;
import io.shopops.platform.imports.ImportJobStore.Problem;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Accepts import uploads and runs them as jobs: apply jobs one at a time in upload order,
 * validate-only jobs on a lane of their own. Progress is kept in memory while a job runs
 * and written to its row every second; problems are written in batches outside the
 * handler's transaction, so the report survives a rollback.
 */
@Service
class ImportJobs implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

	private static final Duration FLUSH_INTERVAL = Duration.ofSeconds(1);

	private static final int PROBLEM_BATCH = 1000;

	private final Map<String, ImportHandler> handlers;

	private final ImportJobStore store;

	private final ImportProperties properties;

	private final AuditLog auditLog;

	private final ExecutorService applyLane = Executors.newSingleThreadExecutor((task) -> thread(task, "import-apply"));

	private final ExecutorService validateLane = Executors
		.newSingleThreadExecutor((task) -> thread(task, "import-validate"));

	private final Map<Long, LiveJob> live = new ConcurrentHashMap<>();

	ImportJobs(List<ImportHandler> handlers, ImportJobStore store, ImportProperties properties, AuditLog auditLog) {
		this.handlers = handlers.stream().collect(Collectors.toMap(ImportHandler::kind, Function.identity()));
		this.store = store;
		this.properties = properties;
		this.auditLog = auditLog;
	}

	Optional<ImportHandler> handler(String kind) {
		return Optional.ofNullable(this.handlers.get(kind));
	}

	/**
	 * Stores the upload, checks it and queues its job.
	 * @throws ImportRefusedException when the file is refused; nothing is stored then
	 */
	long submit(ImportHandler handler, String fileName, long size, InputStream content, ImportMode mode,
			ImportPolicy policy, String user) throws IOException {
		return submit(handler, List.of(new Upload(fileName, size, content)), Map.of(), mode, policy, user);
	}

	/**
	 * Stores an upload of one or more files, checks it with the handler's parameters and
	 * queues its job.
	 * @throws ImportRefusedException when the upload is refused; nothing is stored then
	 */
	long submit(ImportHandler handler, List<Upload> uploads, Map<String, String> parameters, ImportMode mode,
			ImportPolicy policy, String user) throws IOException {
		if (uploads.size() > handler.maxFiles()) {
			throw new ImportRefusedException("import.refused.tooManyFiles", List.of(handler.maxFiles()));
		}
		long size = 0;
		for (Upload upload : uploads) {
			if (upload.size() > this.properties.maxFileSize().toBytes()) {
				throw new ImportRefusedException("import.refused.tooLarge",
						List.of(this.properties.maxFileSize().toMegabytes()));
			}
			if (upload.size() == 0) {
				throw new ImportRefusedException("import.refused.empty", List.of());
			}
			size += upload.size();
		}
		Path directory = Path.of(this.properties.directory()).toAbsolutePath();
		Files.createDirectories(directory);
		List<Path> stored = new ArrayList<>();
		try {
			for (Upload upload : uploads) {
				Path file = directory.resolve(UUID.randomUUID() + ".upload");
				stored.add(file);
				Files.copy(upload.content(), file);
			}
			long records = handler.inspect(List.copyOf(stored), Map.copyOf(parameters));
			if (records == 0) {
				throw new ImportRefusedException("import.refused.noRows", List.of());
			}
			if (records > this.properties.maxRows()) {
				throw new ImportRefusedException("import.refused.tooManyRows",
						List.of(records, this.properties.maxRows()));
			}
			String name = sanitizeFileName(uploads.stream()
				.map((upload) -> sanitizeFileName(upload.fileName()))
				.collect(Collectors.joining(" + ")));
			long id = this.store.create(handler.kind(), name, stored.stream().map(Path::toString).toList(), parameters,
					size, mode.name(), policy.name(), records, user);
			this.auditLog.record("IMPORT_QUEUED", "import", String.valueOf(id),
					"kind=" + handler.kind() + ", file=" + name + ", records=" + records + ", mode=" + mode
							+ ", policy=" + policy + (parameters.isEmpty() ? "" : ", parameters=" + parameters));
			enqueue(id, mode);
			return id;
		}
		catch (RuntimeException | IOException ex) {
			for (Path file : stored) {
				Files.deleteIfExists(file);
			}
			throw ex;
		}
	}

	Optional<ImportJobView> find(long id) {
		return this.store.find(id).map((job) -> {
			LiveJob running = this.live.get(id);
			return (running != null) ? job.withProgress(running.processed, running.created, running.updated,
					running.unchanged, running.failed) : job;
		});
	}

	/**
	 * Cancels a queued job at once, or asks a running one to stop; its writes roll back.
	 */
	boolean cancel(long id) {
		if (this.store.cancelQueued(id)) {
			this.auditLog.record("IMPORT_CANCELLED", "import", String.valueOf(id), "queued");
			deleteStoredFile(id);
			return true;
		}
		LiveJob running = this.live.get(id);
		if (running != null) {
			running.cancelled = true;
			this.auditLog.record("IMPORT_CANCELLED", "import", String.valueOf(id), "running");
			return true;
		}
		return false;
	}

	/**
	 * Runs an interrupted job again from the file it kept; the new job takes the file
	 * over.
	 * @return the new job's id, empty when the job cannot be re-run (not interrupted, or
	 * its file is gone)
	 */
	Optional<Long> rerun(long id, String user) {
		ImportJobView job = this.store.find(id).orElse(null);
		if (job == null || !"interrupted".equals(job.outcome())) {
			return Optional.empty();
		}
		List<String> stored = this.store.storedFiles(id);
		if (stored.isEmpty() || !stored.stream().allMatch((path) -> Files.isRegularFile(Path.of(path)))
				|| this.handlers.get(job.kind()) == null) {
			return Optional.empty();
		}
		long rerun = this.store.create(job.kind(), job.fileName(), stored, this.store.parameters(id), job.fileSize(),
				job.mode(), job.policy(), job.total(), user);
		this.auditLog.record("IMPORT_QUEUED", "import", String.valueOf(rerun),
				"re-run of import " + id + ", kind=" + job.kind() + ", file=" + job.fileName());
		enqueue(rerun, ImportMode.valueOf(job.mode()));
		return Optional.of(rerun);
	}

	/**
	 * Whether an interrupted job still has its file, so that it can be run again.
	 */
	boolean canRerun(ImportJobView job) {
		List<String> stored = this.store.storedFiles(job.id());
		return "interrupted".equals(job.outcome()) && !stored.isEmpty()
				&& stored.stream().allMatch((path) -> Files.isRegularFile(Path.of(path)));
	}

	@EventListener(ApplicationReadyEvent.class)
	void resumeAfterRestart() {
		int interrupted = this.store.markInterrupted();
		if (interrupted > 0) {
			log.warn("{} import job(s) were interrupted by a restart; their writes were rolled back", interrupted);
		}
		for (Long id : this.store.queued()) {
			this.store.find(id).ifPresent((job) -> enqueue(id, ImportMode.valueOf(job.mode())));
		}
	}

	private void enqueue(long id, ImportMode mode) {
		ExecutorService lane = (mode == ImportMode.APPLY) ? this.applyLane : this.validateLane;
		lane.execute(() -> execute(id));
	}

	void execute(long id) {
		ImportJobView job = this.store.find(id).orElse(null);
		if (job == null || !this.store.start(id)) {
			return;
		}
		ImportHandler handler = this.handlers.get(job.kind());
		List<Path> files = this.store.storedFiles(id).stream().map(Path::of).toList();
		LiveJob run = new LiveJob(id, files, this.store.parameters(id), ImportMode.valueOf(job.mode()),
				ImportPolicy.valueOf(job.policy()));
		this.live.put(id, run);
		String status;
		String outcome;
		ImportResult result = null;
		try {
			if (handler == null) {
				throw new IllegalStateException("No import handler for kind " + job.kind());
			}
			result = handler.run(run);
			run.flushProblems();
			boolean clean = result.failed() == 0;
			status = (clean || result.written()) ? "SUCCEEDED" : "FAILED";
			outcome = clean ? "completed" : (result.written() ? "completedWithSkips" : "rowsInvalid");
		}
		catch (JobCancelledException ex) {
			run.flushProblems();
			status = "FAILED";
			outcome = "cancelled";
		}
		catch (Exception | LinkageError ex) {
			log.error("Import job {} failed; its writes were rolled back", id, ex);
			run.flushProblems();
			status = "FAILED";
			outcome = "error";
		}
		finally {
			this.live.remove(id);
		}
		long total = (result != null) ? result.total() : job.total();
		long created = (result != null) ? result.created() : 0;
		long updated = (result != null) ? result.updated() : 0;
		long unchanged = (result != null) ? result.unchanged() : 0;
		long failed = (result != null) ? result.failed() : run.failed;
		long processed = (result != null) ? result.total() : run.processed;
		this.store.finish(id, status, outcome, total, processed, created, updated, unchanged, failed);
		this.auditLog.recordAs(job.createdBy(), "IMPORT_" + status, "import", String.valueOf(id),
				"kind=" + job.kind() + ", file=" + job.fileName() + ", mode=" + job.mode() + ", outcome=" + outcome
						+ ", total=" + total + ", created=" + created + ", updated=" + updated + ", unchanged="
						+ unchanged + ", failed=" + failed);
		for (Path file : files) {
			try {
				Files.deleteIfExists(file);
			}
			catch (IOException ex) {
				log.warn("Could not delete import file {}", file, ex);
			}
		}
	}

	private void deleteStoredFile(long id) {
		this.store.storedFiles(id).forEach((path) -> {
			try {
				Files.deleteIfExists(Path.of(path));
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	@Override
	public void destroy() throws InterruptedException {
		this.live.values().forEach((job) -> job.cancelled = true);
		this.applyLane.shutdownNow();
		this.validateLane.shutdownNow();
		this.applyLane.awaitTermination(30, TimeUnit.SECONDS);
		this.validateLane.awaitTermination(30, TimeUnit.SECONDS);
	}

	/**
	 * The name to show for an upload: the last segment of what the browser sent (either
	 * slash), without control characters such as NUL, at most 255 characters;
	 * {@code upload} when nothing is left (for {@code /}, {@code \\} or {@code //}). Only
	 * shown, never used as a path: the stored file has a generated name.
	 */
	static String sanitizeFileName(String fileName) {
		String name = (fileName != null) ? fileName : "";
		int slash = Math.max(name.lastIndexOf('/'), name.lastIndexOf('\\'));
		name = name.substring(slash + 1).replaceAll("\\p{Cntrl}", "").strip();
		if (name.isEmpty() || name.equals(".") || name.equals("..")) {
			name = "upload";
		}
		return (name.length() > 255) ? name.substring(0, 255) : name;
	}

	private static Thread thread(Runnable task, String name) {
		Thread thread = new Thread(task, name);
		thread.setDaemon(true);
		return thread;
	}

	/**
	 * One uploaded file: the name the browser sent, its size and its content.
	 */
	record Upload(String fileName, long size, InputStream content) {
	}

	/**
	 * Thrown inside a handler's run when the job has been cancelled.
	 */
	static class JobCancelledException extends RuntimeException {

		JobCancelledException() {
			super("Import cancelled");
		}

	}

	/**
	 * A running job as the handler sees it.
	 */
	final class LiveJob implements ImportRun {

		private final long id;

		private final List<Path> files;

		private final Map<String, String> parameters;

		private final ImportMode mode;

		private final ImportPolicy policy;

		private final List<Problem> problems = new ArrayList<>();

		volatile long processed;

		volatile long created;

		volatile long updated;

		volatile long unchanged;

		volatile long failed;

		volatile boolean cancelled;

		private Instant lastFlush = Instant.now();

		LiveJob(long id, List<Path> files, Map<String, String> parameters, ImportMode mode, ImportPolicy policy) {
			this.id = id;
			this.files = List.copyOf(files);
			this.parameters = Map.copyOf(parameters);
			this.mode = mode;
			this.policy = policy;
		}

		@Override
		public long jobId() {
			return this.id;
		}

		@Override
		public Path file() {
			return this.files.get(0);
		}

		@Override
		public List<Path> files() {
			return this.files;
		}

		@Override
		public Map<String, String> parameters() {
			return this.parameters;
		}

		@Override
		public ImportMode mode() {
			return this.mode;
		}

		@Override
		public ImportPolicy policy() {
			return this.policy;
		}

		@Override
		public void progress(long processed, long created, long updated, long unchanged, long failed) {
			this.processed = processed;
			this.created = created;
			this.updated = updated;
			this.unchanged = unchanged;
			this.failed = failed;
			if (Duration.between(this.lastFlush, Instant.now()).compareTo(FLUSH_INTERVAL) >= 0) {
				this.lastFlush = Instant.now();
				flushProblems();
				ImportJobs.this.store.progress(this.id, processed, created, updated, unchanged, failed);
			}
			if (this.cancelled || Thread.currentThread().isInterrupted()) {
				throw new JobCancelledException();
			}
		}

		@Override
		public void problem(long row, String column, String value, String code, List<Object> args) {
			add(new Problem(row, (column != null) ? column : "", value, code, (args != null) ? args : List.of(),
					false));
		}

		@Override
		public void warning(long row, String column, String value, String code, List<Object> args) {
			add(new Problem(row, (column != null) ? column : "", value, code, (args != null) ? args : List.of(), true));
		}

		private void add(Problem problem) {
			this.problems.add(problem);
			if (this.problems.size() >= PROBLEM_BATCH) {
				flushProblems();
			}
		}

		@Override
		public boolean cancelled() {
			return this.cancelled || Thread.currentThread().isInterrupted();
		}

		void flushProblems() {
			ImportJobs.this.store.addProblems(this.id, List.copyOf(this.problems));
			this.problems.clear();
		}

	}

}
