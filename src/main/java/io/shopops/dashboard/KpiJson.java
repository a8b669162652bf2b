package io.shopops.dashboard;

import java.math.BigDecimal;

import io.shopops.dashboard.KpiReports.KpiReport;

/**
 * Writes the stable JSON of {@code GET /dashboard/kpi}: money as a decimal string with
 * two places, rates and ratios as numbers with four places, every field present and
 * {@code null} where a figure is not known or a denominator is 0.
 */
final class KpiJson {

	private KpiJson() {
	}

	static String report(KpiReport report) {
		StringBuilder json = new StringBuilder(256 + report.days().size() * 400);
		json.append("{\"from\":");
		string(json, report.range().from().toString());
		json.append(",\"to\":");
		string(json, report.range().to().toString());
		json.append(",\"timeZone\":");
		string(json, report.zone().getId());
		json.append(",\"days\":[");
		for (int i = 0; i < report.days().size(); i++) {
			if (i > 0) {
				json.append(',');
			}
			row(json, report.days().get(i), true);
		}
		json.append("],\"totals\":");
		row(json, report.totals(), false);
		return json.append('}').toString();
	}

	static String error(String code, String message) {
		StringBuilder json = new StringBuilder("{\"error\":");
		string(json, code);
		json.append(",\"message\":");
		string(json, message);
		return json.append('}').toString();
	}

	private static void row(StringBuilder json, KpiRow row, boolean withDate) {
		json.append('{');
		boolean first = true;
		for (String field : KpiRow.FIELDS) {
			if (field.equals("date") && !withDate) {
				continue;
			}
			if (!first) {
				json.append(',');
			}
			first = false;
			string(json, field);
			json.append(':');
			Object value = row.value(field);
			if (value == null) {
				json.append("null");
			}
			else if (KpiRow.isMoney(field)) {
				string(json, ((BigDecimal) value).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString());
			}
			else if (KpiRow.isRate(field)) {
				json.append(((BigDecimal) value).setScale(4, java.math.RoundingMode.HALF_UP).toPlainString());
			}
			else if (value instanceof Number) {
				json.append(value);
			}
			else {
				string(json, value.toString());
			}
		}
		json.append('}');
	}

	private static void string(StringBuilder json, String value) {
		json.append('"');
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			switch (c) {
				case '"' -> json.append("\\\"");
				case '\\' -> json.append("\\\\");
				case '\n' -> json.append("\\n");
				case '\r' -> json.append("\\r");
				case '\t' -> json.append("\\t");
				default -> {
					if (c < 0x20 || c == '<' || c == '>' || c == '&' || c == '\u2028' || c == '\u2029') {
						json.append(String.format("\\u%04x", (int) c));
					}
					else {
						json.append(c);
					}
				}
			}
		}
		json.append('"');
	}

}
