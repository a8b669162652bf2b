package io.shopops.fulfilment.order.importing;

import java.io.Reader;
import java.io.StringReader;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * Rows in PostgreSQL's COPY text format: tab-separated, {@code \N} for null, backslash,
 * tab and line breaks escaped.
 */
final class CopyRows {

	private final StringBuilder text = new StringBuilder(1 << 16);

	void row(Object... values) {
		for (int i = 0; i < values.length; i++) {
			if (i > 0) {
				this.text.append('\t');
			}
			append(values[i]);
		}
		this.text.append('\n');
	}

	Reader reader() {
		return new StringReader(this.text.toString());
	}

	private void append(Object value) {
		if (value == null) {
			this.text.append("\\N");
			return;
		}
		if (value instanceof BigDecimal amount) {
			this.text.append(amount.toPlainString());
			return;
		}
		if (value instanceof Instant || value instanceof Number) {
			this.text.append(value);
			return;
		}
		String string = value.toString();
		for (int i = 0; i < string.length(); i++) {
			char c = string.charAt(i);
			switch (c) {
				case '\\' -> this.text.append("\\\\");
				case '\t' -> this.text.append("\\t");
				case '\n' -> this.text.append("\\n");
				case '\r' -> this.text.append("\\r");
				default -> this.text.append(c);
			}
		}
	}

}
