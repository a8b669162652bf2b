package io.shopops.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;

/**
 * Formats KPI values for the page and compares them with earlier periods. A value that is
 * not known shows as "—".
 */
final class KpiFormat {

	static final String NONE = "—";

	private KpiFormat() {
	}

	static String value(String field, Object value, Locale locale) {
		if (value == null) {
			return NONE;
		}
		if (KpiRow.isMoney(field)) {
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMinimumFractionDigits(2);
			format.setMaximumFractionDigits(2);
			format.setRoundingMode(RoundingMode.HALF_UP);
			return format.format(value);
		}
		if (field.equals("roi")) {
			NumberFormat format = NumberFormat.getNumberInstance(locale);
			format.setMinimumFractionDigits(2);
			format.setMaximumFractionDigits(4);
			return format.format(value);
		}
		if (KpiRow.isRate(field)) {
			NumberFormat format = NumberFormat.getPercentInstance(locale);
			format.setMinimumFractionDigits(2);
			format.setMaximumFractionDigits(2);
			return format.format(value);
		}
		return NumberFormat.getIntegerInstance(locale).format(value);
	}

	/**
	 * The relative change from {@code before} to {@code now}, e.g. {@code +12.5%}, or
	 * {@code null} when either is not known or {@code before} is 0.
	 */
	static BigDecimal change(Object now, Object before) {
		BigDecimal current = decimal(now);
		BigDecimal previous = decimal(before);
		if (current == null || previous == null || previous.signum() == 0) {
			return null;
		}
		return current.subtract(previous).divide(previous.abs(), 4, RoundingMode.HALF_UP);
	}

	static String changeText(BigDecimal change, Locale locale) {
		if (change == null) {
			return NONE;
		}
		NumberFormat format = NumberFormat.getPercentInstance(locale);
		format.setMaximumFractionDigits(1);
		format.setMinimumFractionDigits(1);
		return ((change.signum() > 0) ? "+" : "") + format.format(change);
	}

	/** Whether a rise of the KPI is bad news (shown red). */
	static boolean lowerIsBetter(String field) {
		return field.equals("refundAmount") || field.equals("refundRate") || field.equals("adSpend");
	}

	private static BigDecimal decimal(Object value) {
		if (value instanceof BigDecimal decimal) {
			return decimal;
		}
		if (value instanceof Number number) {
			return BigDecimal.valueOf(number.longValue());
		}
		return null;
	}

}
