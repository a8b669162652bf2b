package io.shopops.platform.imports;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reads and writes import jobs and their problems. Every write runs in its own
 * transaction, so that progress and problems stay recorded even when the handler's own
 * writes roll back.
 */
@Component
class ImportJobStore {

	private static final String COLUMNS = "id, kind, file_name, file_size, mode, policy, status, outcome, total, "
			+ "processed, created, updated, unchanged, failed, created_by, created_at, started_at, finished_at";

	private final JdbcClient jdbc;

	private final JdbcTemplate jdbcTemplate;

	private final TransactionTemplate separate;

	ImportJobStore(JdbcClient jdbc, JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.separate = new TransactionTemplate(transactions);
		this.separate.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	long create(String kind, String fileName, String storedFile, long fileSize, String mode, String policy, long total,
			String createdBy) {
		return create(kind, fileName, List.of(storedFile), Map.of(), fileSize, mode, policy, total, createdBy);
	}

	/**
	 * Creates a queued job for an upload of one or more files (the first is
	 * {@code stored_file}) with the handler's parameters.
	 */
	long create(String kind, String fileName, List<String> storedFiles, Map<String, String> parameters, long fileSize,
			String mode, String policy, long total, String createdBy) {
		String[] extra = storedFiles.subList(1, storedFiles.size()).toArray(String[]::new);
		String[] pairs = parameters.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map((entry) -> entry.getKey() + "=" + entry.getValue())
			.toArray(String[]::new);
		return this.separate.execute((status) -> this.jdbc.sql("""
				INSERT INTO import_job (kind, file_name, stored_file, extra_files, parameters, file_size, mode, policy,
				                        status, total, created_by)
				VALUES (:kind, :fileName, :storedFile, :extraFiles, :parameters, :fileSize, :mode, :policy, 'QUEUED',
				        :total, :createdBy)
				RETURNING id""")
			.param("kind", kind)
			.param("fileName", fileName)
			.param("storedFile", storedFiles.get(0))
			.param("extraFiles", extra)
			.param("parameters", pairs)
			.param("fileSize", fileSize)
			.param("mode", mode)
			.param("policy", policy)
			.param("total", total)
			.param("createdBy", createdBy)
			.query(Long.class)
			.single());
	}

	Optional<ImportJobView> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + ", " + queuePositionSql() + " FROM import_job j WHERE id = :id")
			.param("id", id)
			.query(ImportJobStore::view)
			.optional();
	}

	Optional<String> storedFile(long id) {
		return this.jdbc.sql("SELECT stored_file FROM import_job WHERE id = :id")
			.param("id", id)
			.query(String.class)
			.optional();
	}

	/**
	 * Every file a job keeps, the first one first; empty for an unknown job.
	 */
	List<String> storedFiles(long id) {
		return this.jdbc.sql("SELECT stored_file, extra_files FROM import_job WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> {
				List<String> files = new ArrayList<>();
				files.add(rs.getString("stored_file"));
				files.addAll(Arrays.asList((String[]) rs.getArray("extra_files").getArray()));
				return files;
			})
			.optional()
			.orElse(List.of());
	}

	/**
	 * The parameters a job was uploaded with, by name.
	 */
	Map<String, String> parameters(long id) {
		String[] pairs = this.jdbc.sql("SELECT parameters FROM import_job WHERE id = :id")
			.param("id", id)
			.query((rs, row) -> (String[]) rs.getArray("parameters").getArray())
			.optional()
			.orElse(new String[0]);
		Map<String, String> parameters = new LinkedHashMap<>();
		for (String pair : pairs) {
			int equals = pair.indexOf('=');
			parameters.put(pair.substring(0, equals), pair.substring(equals + 1));
		}
		return parameters;
	}

	List<ImportJobView> recent(String kind, Long before, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + ", " + queuePositionSql() + " FROM import_job j WHERE kind = :kind"
					+ ((before != null) ? " AND id < :before" : "") + " ORDER BY id DESC LIMIT :limit")
			.param("kind", kind)
			.param("before", (before != null) ? before : 0L)
			.param("limit", limit)
			.query(ImportJobStore::view)
			.list();
	}

	List<Long> queued() {
		return this.jdbc.sql("SELECT id FROM import_job WHERE status = 'QUEUED' ORDER BY id").query(Long.class).list();
	}

	/**
	 * Marks a queued job running; false when it is no longer queued (cancelled
	 * meanwhile).
	 */
	boolean start(long id) {
		return this.separate.execute((status) -> this.jdbc
			.sql("UPDATE import_job SET status = 'RUNNING', started_at = now() WHERE id = :id AND status = 'QUEUED'")
			.param("id", id)
			.update()) == 1;
	}

	void progress(long id, long processed, long created, long updated, long unchanged, long failed) {
		this.separate.executeWithoutResult((status) -> this.jdbc.sql("""
				UPDATE import_job SET processed = :processed, created = :created, updated = :updated,
				unchanged = :unchanged, failed = :failed WHERE id = :id""")
			.param("id", id)
			.param("processed", processed)
			.param("created", created)
			.param("updated", updated)
			.param("unchanged", unchanged)
			.param("failed", failed)
			.update());
	}

	void finish(long id, String status, String outcome, long total, long processed, long created, long updated,
			long unchanged, long failed) {
		this.separate.executeWithoutResult((tx) -> this.jdbc.sql("""
				UPDATE import_job SET status = :status, outcome = :outcome, total = :total, processed = :processed,
				created = :created, updated = :updated, unchanged = :unchanged, failed = :failed, finished_at = now()
				WHERE id = :id""")
			.param("id", id)
			.param("status", status)
			.param("outcome", outcome)
			.param("total", total)
			.param("processed", processed)
			.param("created", created)
			.param("updated", updated)
			.param("unchanged", unchanged)
			.param("failed", failed)
			.update());
	}

	boolean cancelQueued(long id) {
		return this.separate.execute((status) -> this.jdbc.sql("""
				UPDATE import_job SET status = 'FAILED', outcome = 'cancelled', finished_at = now()
				WHERE id = :id AND status = 'QUEUED'""").param("id", id).update()) == 1;
	}

	/**
	 * Jobs left running by a stopped or crashed instance: their writes were rolled back
	 * with their transaction.
	 */
	int markInterrupted() {
		return this.separate.execute((status) -> this.jdbc.sql("""
				UPDATE import_job SET status = 'FAILED', outcome = 'interrupted', finished_at = now()
				WHERE status = 'RUNNING'""").update());
	}

	void addProblems(long jobId, List<Problem> problems) {
		if (problems.isEmpty()) {
			return;
		}
		this.separate.executeWithoutResult((status) -> this.jdbcTemplate.batchUpdate(
				"INSERT INTO import_problem (job_id, row_no, column_name, value, code, args, warning) VALUES (?, ?, ?, ?, ?, ?, ?)",
				problems, 1000, (statement, problem) -> {
					statement.setLong(1, jobId);
					statement.setLong(2, problem.row());
					statement.setString(3, limit(problem.column(), 255));
					statement.setString(4, problem.value());
					statement.setString(5, limit(problem.code(), 100));
					Array args = statement.getConnection()
						.createArrayOf("text", problem.args().stream().map(String::valueOf).toArray());
					statement.setArray(6, args);
					statement.setBoolean(7, problem.warning());
				}));
	}

	void forEachProblem(long jobId, Consumer<Problem> consumer) {
		this.jdbcTemplate.query(
				"SELECT row_no, column_name, value, code, args, warning FROM import_problem WHERE job_id = ? ORDER BY row_no, id",
				(ResultSet rs) -> {
					String[] args = (String[]) rs.getArray("args").getArray();
					consumer
						.accept(new Problem(rs.getLong("row_no"), rs.getString("column_name"), rs.getString("value"),
								rs.getString("code"), Arrays.asList((Object[]) args), rs.getBoolean("warning")));
				}, jobId);
	}

	long problemCount(long jobId) {
		return this.jdbc.sql("SELECT count(*) FROM import_problem WHERE job_id = :id AND NOT warning")
			.param("id", jobId)
			.query(Long.class)
			.single();
	}

	long warningCount(long jobId) {
		return this.jdbc.sql("SELECT count(*) FROM import_problem WHERE job_id = :id AND warning")
			.param("id", jobId)
			.query(Long.class)
			.single();
	}

	private static String queuePositionSql() {
		return "(SELECT count(*) FROM import_job q WHERE j.status = 'QUEUED' AND q.mode = j.mode "
				+ "AND (q.status = 'RUNNING' OR (q.status = 'QUEUED' AND q.id < j.id))) AS queue_position";
	}

	private static ImportJobView view(ResultSet rs, int row) throws SQLException {
		return new ImportJobView(rs.getLong("id"), rs.getString("kind"), rs.getString("file_name"),
				rs.getLong("file_size"), rs.getString("mode"), rs.getString("policy"), rs.getString("status"),
				rs.getString("outcome"), rs.getLong("total"), rs.getLong("processed"), rs.getLong("created"),
				rs.getLong("updated"), rs.getLong("unchanged"), rs.getLong("failed"), rs.getString("created_by"),
				instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("started_at")),
				instant(rs.getTimestamp("finished_at")), rs.getLong("queue_position"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String limit(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

	/**
	 * One problem of one row; a warning did not make its row fail.
	 */
	record Problem(long row, String column, String value, String code, List<Object> args, boolean warning) {
	}

}
