package io.shopops;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportRun;

/**
 * An import run for calling an import handler directly in a test: one file, a mode, a
 * policy and the upload's parameters; it records each problem as {@code row:code}.
 */
public final class RecordingImportRun implements ImportRun {

	private final Path file;

	private final ImportMode mode;

	private final ImportPolicy policy;

	private final Map<String, String> parameters;

	/** The problems reported, as {@code row:code}, in the order reported. */
	public final List<String> problems = new ArrayList<>();

	public RecordingImportRun(Path file, ImportMode mode, ImportPolicy policy) {
		this(file, mode, policy, Map.of());
	}

	public RecordingImportRun(Path file, ImportMode mode, ImportPolicy policy, Map<String, String> parameters) {
		this.file = file;
		this.mode = mode;
		this.policy = policy;
		this.parameters = Map.copyOf(parameters);
	}

	@Override
	public long jobId() {
		return 0;
	}

	@Override
	public Path file() {
		return this.file;
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
	}

	@Override
	public void problem(long row, String column, String value, String code, List<Object> args) {
		this.problems.add(row + ":" + code);
	}

	@Override
	public boolean cancelled() {
		return false;
	}

}
