package io.shopops.platform.imports;

import java.time.Duration;
import java.time.Instant;

/**
 * What the pages and the JSON API show of an import job.
 */
record ImportJobView(long id, String kind, String fileName, long fileSize, String mode, String policy, String status,
		String outcome, long total, long processed, long created, long updated, long unchanged, long failed,
		String createdBy, Instant createdAt, Instant startedAt, Instant finishedAt, long queuePosition) {

	public boolean finished() {
		return "SUCCEEDED".equals(this.status) || "FAILED".equals(this.status);
	}

	public boolean running() {
		return "RUNNING".equals(this.status);
	}

	public boolean queued() {
		return "QUEUED".equals(this.status);
	}

	public boolean validateOnly() {
		return "VALIDATE".equals(this.mode);
	}

	/**
	 * The message key describing how the job ended, e.g.
	 * {@code import.outcome.completed.validate}.
	 */
	public String outcomeKey() {
		return "import.outcome." + ((this.outcome != null) ? this.outcome : "error")
				+ (validateOnly() ? ".validate" : "");
	}

	/**
	 * Percent of the file's records processed, 0 to 100.
	 */
	public int percent() {
		if (this.total <= 0) {
			return finished() ? 100 : 0;
		}
		return (int) Math.min(100, this.processed * 100 / this.total);
	}

	/**
	 * Records processed per second since the job started.
	 */
	public long rowsPerSecond() {
		if (this.startedAt == null || this.processed == 0) {
			return 0;
		}
		Instant end = (this.finishedAt != null) ? this.finishedAt : Instant.now();
		long millis = Math.max(1, Duration.between(this.startedAt, end).toMillis());
		return this.processed * 1000 / millis;
	}

	ImportJobView withProgress(long processed, long created, long updated, long unchanged, long failed) {
		return new ImportJobView(this.id, this.kind, this.fileName, this.fileSize, this.mode, this.policy, this.status,
				this.outcome, this.total, processed, created, updated, unchanged, failed, this.createdBy,
				this.createdAt, this.startedAt, this.finishedAt, this.queuePosition);
	}

}
