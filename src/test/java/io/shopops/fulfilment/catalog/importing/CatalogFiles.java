package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Writes and reads catalog files for tests.
 */
public final class CatalogFiles {

	static final String ENGLISH_HEADER = String.join(",", CatalogTemplate.ENGLISH_HEADER);

	static final String CHINESE_HEADER = String.join(",", CatalogTemplate.CHINESE_HEADER);

	private CatalogFiles() {
	}

	/**
	 * Writes lines joined with LF as UTF-8 without BOM.
	 */
	static Path write(Path dir, String... lines) {
		return write(dir, StandardCharsets.UTF_8, false, "\n", lines);
	}

	static Path write(Path dir, Charset charset, boolean bom, String lineEnd, String... lines) {
		try {
			Path file = Files.createTempFile(dir, "catalog", ".csv");
			byte[] content = (String.join(lineEnd, lines) + lineEnd).getBytes(charset);
			byte[] bytes = content;
			if (bom) {
				bytes = new byte[content.length + 3];
				bytes[0] = (byte) 0xEF;
				bytes[1] = (byte) 0xBB;
				bytes[2] = (byte) 0xBF;
				System.arraycopy(content, 0, bytes, 3, content.length);
			}
			Files.write(file, bytes);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Returns a template row in English column order from column/value pairs.
	 */
	static String templateRow(String... columnsAndValues) {
		String[] fields = new String[CatalogTemplate.ENGLISH_HEADER.size()];
		Arrays.fill(fields, "");
		for (int i = 0; i < columnsAndValues.length; i += 2) {
			int index = CatalogTemplate.ENGLISH_HEADER.indexOf(columnsAndValues[i]);
			if (index < 0) {
				throw new IllegalArgumentException(columnsAndValues[i]);
			}
			fields[index] = quote(columnsAndValues[i + 1]);
		}
		return String.join(",", fields);
	}

	static String quote(String value) {
		if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
			return "\"" + value.replace("\"", "\"\"") + "\"";
		}
		return value;
	}

	static RecordingSink read(Path file) {
		try {
			FileInfo info = CatalogFileReader.inspect(file);
			RecordingSink sink = new RecordingSink();
			ReadSummary summary = CatalogFileReader.read(file, info, sink);
			sink.summary = summary;
			return sink;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Finds {@code shared/fixtures} by walking up from the working directory.
	 */
	public static Path fixture(String relative) {
		Path dir = Path.of("").toAbsolutePath();
		while (dir != null) {
			Path candidate = dir.resolve("shared/fixtures").resolve(relative);
			if (Files.isRegularFile(candidate)) {
				return candidate;
			}
			dir = dir.getParent();
		}
		throw new IllegalStateException("Fixture not found above the working directory: shared/fixtures/" + relative);
	}

	/**
	 * Copies a CSV file with one cell replaced.
	 * @param source the file to copy
	 * @param target where to write the copy (may be {@code source})
	 * @param record the 0-based record whose cell changes (record 0 is the header)
	 * @param column the header name of the cell's column
	 * @param value the new value
	 * @return {@code target}
	 */
	public static Path withCell(Path source, Path target, int record, String column, String value) throws IOException {
		List<List<String>> records = new ArrayList<>();
		try (var reader = CsvReader.builder().ofCsvRecord(source)) {
			reader.forEach((csvRecord) -> records.add(new ArrayList<>(csvRecord.getFields())));
		}
		records.get(record).set(records.get(0).indexOf(column), value);
		try (var writer = CsvWriter.builder().build(target)) {
			records.forEach(writer::writeRecord);
		}
		return target;
	}

	static List<RowProblem> problemsOf(RecordingSink sink, String code) {
		return sink.problems.stream().filter((problem) -> problem.code().equals(code)).toList();
	}

}
