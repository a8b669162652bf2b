package io.shopops.platform;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Imports one kind of file (for example product catalogs) through the platform's import
 * jobs: upload, queue, progress, per-row problem report and audit. A module contributes
 * one bean per kind.
 * <p>
 * The platform calls {@link #inspect(Path)} while the upload request is open, so that a
 * file that cannot be imported at all is refused at once and never stored, then
 * {@link #run(ImportRun)} on a worker thread. Apply jobs of all kinds run one at a time;
 * validate-only jobs run on their own lane.
 * <p>
 * A kind may take more than one file per upload ({@link #maxFiles()}, e.g. 淘宝's order
 * report with its item report) and extra form fields ({@link #fields()}, e.g. the sales
 * channel); both reach {@link #inspect(List, Map)} and the {@link ImportRun}.
 */
public interface ImportHandler {

	/**
	 * The kind in the import URLs, e.g. {@code products} for {@code /imports/products}.
	 * @return a lower-case word, never {@code null}
	 */
	String kind();

	/**
	 * The message key of the import page's title.
	 * @return the key, never {@code null}
	 */
	String titleKey();

	/**
	 * Downloads offered on the import page, such as templates.
	 * @return the links, never {@code null}
	 */
	List<ImportLink> links();

	/**
	 * Checks quickly that the file can be imported at all and counts its records.
	 * @param file the uploaded file, never {@code null}
	 * @return the number of data records in the file
	 * @throws ImportRefusedException when the file cannot be imported (unknown format,
	 * empty, unreadable)
	 */
	long inspect(Path file);

	/**
	 * Checks an upload of one or more files with the form fields of {@link #fields()}.
	 * The default takes exactly the one file of {@link #inspect(Path)} and ignores the
	 * fields.
	 * @param files the uploaded files in upload order, at least one, at most
	 * {@link #maxFiles()}
	 * @param parameters the values of {@link #fields()} sent with the upload, by name;
	 * absent when not sent
	 * @return the number of data records in the upload
	 * @throws ImportRefusedException when the upload cannot be imported (also for a
	 * missing or unknown field value)
	 */
	default long inspect(List<Path> files, Map<String, String> parameters) {
		return inspect(files.get(0));
	}

	/**
	 * How many {@code file} parts one upload may carry.
	 * @return at least 1; the default is 1
	 */
	default int maxFiles() {
		return 1;
	}

	/**
	 * The form fields an upload of this kind takes besides {@code file}, {@code mode} and
	 * {@code policy}; the import page shows each as a select.
	 * @return the fields, never {@code null}; the default is none
	 */
	default List<ImportField> fields() {
		return List.of();
	}

	/**
	 * Imports the file. Reports progress and problems through {@code run}; writes nothing
	 * in {@link ImportMode#VALIDATE} mode, and nothing at all under
	 * {@link ImportPolicy#ALL_OR_NOTHING} when any row has a problem. Whatever it writes
	 * must become visible atomically, so that an interrupted run leaves no trace.
	 * @param run the job being run, never {@code null}
	 * @return the counts of the finished run, never {@code null}
	 * @throws Exception when the run fails; nothing it wrote may remain
	 */
	ImportResult run(ImportRun run) throws Exception;

	/**
	 * Whether the job only checks the file or also writes it.
	 */
	enum ImportMode {

		VALIDATE, APPLY

	}

	/**
	 * What happens to the valid rows of a file that also has invalid ones.
	 */
	enum ImportPolicy {

		/** Any invalid row means nothing is written. */
		ALL_OR_NOTHING,

		/** Valid rows are written, invalid rows are reported. */
		SKIP_INVALID

	}

	/**
	 * A download link on the import page.
	 *
	 * @param labelKey the message key of the link text
	 * @param url the URL
	 */
	record ImportLink(String labelKey, String url) {
	}

	/**
	 * A form field of the upload, passed to the handler as a parameter.
	 *
	 * @param name the form field's name, e.g. {@code channel}
	 * @param labelKey the message key of its label
	 * @param helpKey the message key of its help text
	 * @param options the values to choose from, in order
	 */
	record ImportField(String name, String labelKey, String helpKey, List<ImportOption> options) {
	}

	/**
	 * One value of an {@link ImportField}.
	 *
	 * @param value the value sent
	 * @param label the text shown, as it is (a name the shop chose, not a message key)
	 */
	record ImportOption(String value, String label) {
	}

	/**
	 * The counts of a finished run, in rows of the file.
	 *
	 * @param total data records in the file
	 * @param created rows that created an object (or would have, when validating)
	 * @param updated rows that changed an object
	 * @param unchanged rows whose object was already as the file says
	 * @param failed rows with at least one problem (warnings do not count)
	 * @param written whether anything was written
	 */
	record ImportResult(long total, long created, long updated, long unchanged, long failed, boolean written) {
	}

	/**
	 * The job a handler runs.
	 */
	interface ImportRun {

		long jobId();

		/**
		 * The first (often the only) file of the upload.
		 */
		Path file();

		/**
		 * Every file of the upload, in upload order; the default is {@link #file()}.
		 */
		default List<Path> files() {
			return List.of(file());
		}

		/**
		 * The values of the handler's {@link ImportHandler#fields()} sent with the
		 * upload; the default is none.
		 */
		default Map<String, String> parameters() {
			return Map.of();
		}

		ImportMode mode();

		ImportPolicy policy();

		/**
		 * Reports progress; cheap enough to call every few hundred rows.
		 */
		void progress(long processed, long created, long updated, long unchanged, long failed);

		/**
		 * Reports a problem with one row (row 1 is the header), kept even when the
		 * handler's writes roll back.
		 * @param row the 1-based row number
		 * @param column the column as named in the file, or an empty string for the whole
		 * row
		 * @param value the offending value, may be {@code null}
		 * @param code the message key describing the problem
		 * @param args the message arguments
		 */
		void problem(long row, String column, String value, String code, List<Object> args);

		/**
		 * Reports a warning about one row: something the handler accepted but changed or
		 * guessed (such as a repeated SKU it made unique). A warning appears in the
		 * problem report, marked as a warning, but the row does not fail: it is not
		 * counted in {@code failed} and does not stop an all-or-nothing run. The default
		 * records it as a problem, for runs that keep no severities.
		 * @param row the 1-based row number
		 * @param column the column as named in the file, or an empty string for the whole
		 * row
		 * @param value the value concerned, may be {@code null}
		 * @param code the message key describing what was done
		 * @param args the message arguments
		 */
		default void warning(long row, String column, String value, String code, List<Object> args) {
			problem(row, column, value, code, args);
		}

		/**
		 * Whether an admin cancelled the job; handlers check it between batches and stop
		 * by throwing.
		 */
		boolean cancelled();

	}

	/**
	 * The file cannot be imported at all; carries a message key and its arguments.
	 */
	class ImportRefusedException extends RuntimeException {

		private final String code;

		private final transient List<Object> args;

		public ImportRefusedException(String code, List<Object> args) {
			super(code);
			this.code = code;
			this.args = List.copyOf(args);
		}

		public String code() {
			return this.code;
		}

		public List<Object> args() {
			return this.args;
		}

	}

}
