package io.shopops.platform.csv;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One streaming pass over the bytes of a file: detects the encoding and the delimiter,
 * rejects files that are not text, and counts CSV records.
 * <p>
 * Records are counted with a quote-aware byte scanner: a CR, LF or CRLF outside double
 * quotes ends a record, a final line without newline counts, and trailing empty lines do
 * not. Like the CSV parser, it treats a double quote as opening a quoted field only at
 * the start of a field, so {@code 12" wig} in an unquoted field does not confuse it. This
 * works for UTF-8 and GB18030 alike because their multi-byte sequences never contain the
 * bytes {@code "}, CR, LF, comma or tab.
 * <p>
 * The delimiter is the allowed one that occurs most often outside quotes in the first
 * record (the header); on a tie, the first allowed one.
 */
final class FileScanner {

	static final Charset GB18030 = Charset.forName("GB18030");

	private static final int BUFFER_SIZE = 64 * 1024;

	private FileScanner() {
	}

	/**
	 * Scans a file.
	 * @param file the file
	 * @param delimiters the allowed delimiters, the preferred first
	 * @return what was found
	 * @throws IOException if the file cannot be read, or a {@link CsvFileException} if it
	 * is empty, binary, a spreadsheet or UTF-16
	 */
	static Result scan(Path file, char[] delimiters) throws IOException {
		try (InputStream in = Files.newInputStream(file)) {
			byte[] buffer = new byte[BUFFER_SIZE];
			int length = in.readNBytes(buffer, 0, BUFFER_SIZE);
			boolean bom = length >= 3 && (buffer[0] & 0xFF) == 0xEF && (buffer[1] & 0xFF) == 0xBB
					&& (buffer[2] & 0xFF) == 0xBF;
			checkSignature(buffer, length);
			Utf8Check utf8 = bom ? null : new Utf8Check();
			int start = bom ? 3 : 0;
			char delimiter = detectDelimiter(buffer, start, length, delimiters);
			RecordCounter counter = new RecordCounter(delimiter);
			while (length > 0) {
				counter.accept(buffer, start, length);
				if (utf8 != null) {
					utf8.accept(buffer, start, length);
				}
				start = 0;
				length = in.read(buffer);
			}
			if (!counter.hasContent()) {
				throw new CsvFileException(CsvProblems.FILE_EMPTY, List.of());
			}
			boolean isUtf8 = bom || utf8.finish();
			return new Result(isUtf8 ? StandardCharsets.UTF_8 : GB18030, bom, delimiter, counter.records());
		}
	}

	private static char detectDelimiter(byte[] buffer, int from, int to, char[] delimiters) {
		int[] counts = new int[delimiters.length];
		boolean inQuotes = false;
		for (int i = from; i < to; i++) {
			byte b = buffer[i];
			if (b == '"') {
				inQuotes = !inQuotes;
			}
			else if (!inQuotes && (b == '\n' || b == '\r')) {
				break;
			}
			else if (!inQuotes) {
				for (int d = 0; d < delimiters.length; d++) {
					if (b == delimiters[d]) {
						counts[d]++;
					}
				}
			}
		}
		int best = 0;
		for (int d = 1; d < delimiters.length; d++) {
			if (counts[d] > counts[best]) {
				best = d;
			}
		}
		return delimiters[best];
	}

	private static void checkSignature(byte[] buffer, int length) throws CsvFileException {
		if (length >= 2 && ((buffer[0] & 0xFF) == 0xFF && (buffer[1] & 0xFF) == 0xFE
				|| (buffer[0] & 0xFF) == 0xFE && (buffer[1] & 0xFF) == 0xFF)) {
			throw new CsvFileException(CsvProblems.FILE_ENCODING, List.of());
		}
		boolean zip = length >= 4 && buffer[0] == 'P' && buffer[1] == 'K' && buffer[2] == 3 && buffer[3] == 4;
		boolean ole = length >= 4 && (buffer[0] & 0xFF) == 0xD0 && (buffer[1] & 0xFF) == 0xCF
				&& (buffer[2] & 0xFF) == 0x11 && (buffer[3] & 0xFF) == 0xE0;
		if (zip || ole) {
			throw new CsvFileException(CsvProblems.FILE_SPREADSHEET, List.of());
		}
	}

	/**
	 * The outcome of a scan.
	 *
	 * @param charset UTF-8 or GB18030
	 * @param bom whether the file starts with a UTF-8 BOM
	 * @param delimiter the field delimiter
	 * @param records the number of records including the header
	 */
	record Result(Charset charset, boolean bom, char delimiter, long records) {
	}

	/**
	 * Counts records; see {@link FileScanner}. Also rejects NUL bytes.
	 */
	static final class RecordCounter {

		private final byte delimiter;

		private long records;

		private long pendingEmptyLines;

		private boolean inQuotes;

		private boolean fieldStart = true;

		private boolean afterClosingQuote;

		private boolean lineHasContent;

		private boolean afterCr;

		private boolean hasContent;

		RecordCounter(char delimiter) {
			this.delimiter = (byte) delimiter;
		}

		void accept(byte[] bytes, int from, int to) throws CsvFileException {
			for (int i = from; i < to; i++) {
				byte b = bytes[i];
				if (b == 0) {
					throw new CsvFileException(CsvProblems.FILE_BINARY, List.of());
				}
				if (this.inQuotes) {
					if (b == '"') {
						this.inQuotes = false;
						this.afterClosingQuote = true;
					}
					continue;
				}
				if (b == '"' && (this.fieldStart || this.afterClosingQuote)) {
					this.inQuotes = true;
					this.hasContent = true;
					this.lineHasContent = true;
					this.fieldStart = false;
					this.afterClosingQuote = false;
					this.afterCr = false;
					continue;
				}
				this.afterClosingQuote = false;
				if (b == '\n' || b == '\r') {
					if (b == '\n' && this.afterCr) {
						this.afterCr = false;
						continue;
					}
					endLine();
					this.afterCr = b == '\r';
					this.fieldStart = true;
					continue;
				}
				this.afterCr = false;
				this.lineHasContent = true;
				this.fieldStart = b == this.delimiter;
				if (b != ' ' && b != '\t') {
					this.hasContent = true;
				}
			}
		}

		private void endLine() {
			if (this.lineHasContent) {
				this.records += this.pendingEmptyLines + 1;
				this.pendingEmptyLines = 0;
			}
			else {
				this.pendingEmptyLines++;
			}
			this.lineHasContent = false;
		}

		long records() {
			if (this.lineHasContent) {
				endLine();
			}
			return this.records;
		}

		boolean hasContent() {
			return this.hasContent;
		}

	}

	/**
	 * Checks that a stream of bytes is strict UTF-8, chunk by chunk.
	 */
	private static final class Utf8Check {

		private final CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);

		private final ByteBuffer pending = ByteBuffer.allocate(BUFFER_SIZE + 16);

		private final CharBuffer chars = CharBuffer.allocate(BUFFER_SIZE);

		private boolean valid = true;

		void accept(byte[] bytes, int from, int to) {
			if (!this.valid) {
				return;
			}
			this.pending.put(bytes, from, to - from);
			this.pending.flip();
			decode(false);
			this.pending.compact();
		}

		boolean finish() {
			if (this.valid) {
				this.pending.flip();
				decode(true);
			}
			if (this.valid) {
				this.chars.clear();
				this.valid = !this.decoder.flush(this.chars).isError();
			}
			return this.valid;
		}

		private void decode(boolean endOfInput) {
			CoderResult result;
			do {
				this.chars.clear();
				result = this.decoder.decode(this.pending, this.chars, endOfInput);
			}
			while (result.isOverflow());
			if (result.isError()) {
				this.valid = false;
			}
		}

	}

}
