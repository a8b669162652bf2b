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
		return new Formats(locale).value(field, value);
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
		return new Formats(locale).changeText(change);
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

	/**
	 * The formats of one locale, made once and reused for every value of one page (a
	 * {@link NumberFormat} costs more to make than to use); not thread-safe.
	 */
	static final class Formats {

		private final Locale locale;

		private NumberFormat money;

		private NumberFormat roi;

		private NumberFormat rate;

		private NumberFormat integer;

		private NumberFormat change;

		Formats(Locale locale) {
			this.locale = locale;
		}

		String value(String field, Object value) {
			if (value == null) {
				return NONE;
			}
			if (KpiRow.isMoney(field)) {
				if (this.money == null) {
					this.money = NumberFormat.getNumberInstance(this.locale);
					this.money.setMinimumFractionDigits(2);
					this.money.setMaximumFractionDigits(2);
					this.money.setRoundingMode(RoundingMode.HALF_UP);
				}
				return this.money.format(value);
			}
			if (field.equals("roi")) {
				if (this.roi == null) {
					this.roi = NumberFormat.getNumberInstance(this.locale);
					this.roi.setMinimumFractionDigits(2);
					this.roi.setMaximumFractionDigits(4);
				}
				return this.roi.format(value);
			}
			if (KpiRow.isRate(field)) {
				if (this.rate == null) {
					this.rate = NumberFormat.getPercentInstance(this.locale);
					this.rate.setMinimumFractionDigits(2);
					this.rate.setMaximumFractionDigits(2);
				}
				return this.rate.format(value);
			}
			if (this.integer == null) {
				this.integer = NumberFormat.getIntegerInstance(this.locale);
			}
			return this.integer.format(value);
		}

		String changeText(BigDecimal change) {
			if (change == null) {
				return NONE;
			}
			if (this.change == null) {
				this.change = NumberFormat.getPercentInstance(this.locale);
				this.change.setMaximumFractionDigits(1);
				this.change.setMinimumFractionDigits(1);
			}
			return ((change.signum() > 0) ? "+" : "") + this.change.format(change);
		}

	}

}
