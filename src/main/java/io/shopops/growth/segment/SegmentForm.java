package io.shopops.growth.segment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The segment form as typed: every field a string, so that any input can be shown again
 * with what is wrong with it. Tags are separated by commas.
 */
record SegmentForm(String name, String tier, String tags, String rfmGroup, String rMin, String rMax, String fMin,
		String fMax, String mMin, String mMax, String lastOrderAfter, String lastOrderBefore, String spendMin,
		String spendMax, String firstChannel, String sku) {

	static final int MAX_TAGS = 10;

	static SegmentForm empty() {
		return new SegmentForm(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
				null);
	}

	static SegmentForm of(String name, SegmentFilter filter) {
		return new SegmentForm(name, filter.tier(), String.join(", ", filter.tags()),
				(filter.rfmGroup() != null) ? filter.rfmGroup().name() : null, text(filter.rMin()), text(filter.rMax()),
				text(filter.fMin()), text(filter.fMax()), text(filter.mMin()), text(filter.mMax()),
				text(filter.lastOrderAfter()), text(filter.lastOrderBefore()),
				(filter.spendMin() != null) ? filter.spendMin().toPlainString() : null,
				(filter.spendMax() != null) ? filter.spendMax().toPlainString() : null, filter.firstChannel(),
				filter.sku());
	}

	/**
	 * The name, trimmed.
	 * @return the name, {@code null} if it is not 1 to 80 characters
	 */
	String validName() {
		String value = blankToNull(this.name);
		return (value == null || value.length() > 80 || hasControl(value)) ? null : value;
	}

	/**
	 * Reads the filter.
	 * @return the filter and the message keys of what is wrong (then the filter is
	 * {@code null})
	 */
	Parsed parse() {
		Set<String> problems = new LinkedHashSet<>();
		String tierCode = blankToNull(this.tier);
		if (tierCode != null && !tierCode.matches("[A-Za-z0-9_-]{1,32}")) {
			problems.add("segment.form.tier.invalid");
		}
		List<String> tagList = new ArrayList<>();
		String tagText = blankToNull(this.tags);
		if (tagText != null) {
			for (String part : tagText.split("[,，]")) {
				String tag = part.strip();
				if (tag.isEmpty()) {
					continue;
				}
				if (tag.length() > 40 || hasControl(tag)) {
					problems.add("segment.form.tags.invalid");
				}
				else if (!tagList.contains(tag)) {
					tagList.add(tag);
				}
			}
			if (tagList.size() > MAX_TAGS) {
				problems.add("segment.form.tags.invalid");
			}
		}
		RfmGroup group = null;
		if (blankToNull(this.rfmGroup) != null) {
			group = RfmGroup.parse(this.rfmGroup).orElse(null);
			if (group == null) {
				problems.add("segment.form.rfmGroup.invalid");
			}
		}
		Integer[] scores = new Integer[6];
		String[] texts = { this.rMin, this.rMax, this.fMin, this.fMax, this.mMin, this.mMax };
		for (int i = 0; i < 6; i++) {
			String value = blankToNull(texts[i]);
			if (value != null) {
				if (value.matches("[1-5]")) {
					scores[i] = Integer.valueOf(value);
				}
				else {
					problems.add("segment.form.score.invalid");
				}
			}
		}
		for (int i = 0; i < 6; i += 2) {
			if (scores[i] != null && scores[i + 1] != null && scores[i] > scores[i + 1]) {
				problems.add("segment.form.score.invalid");
			}
		}
		LocalDate after = date(this.lastOrderAfter, problems);
		LocalDate before = date(this.lastOrderBefore, problems);
		if (after != null && before != null && !after.isBefore(before)) {
			problems.add("segment.form.dates.order");
		}
		BigDecimal min = amount(this.spendMin, problems);
		BigDecimal max = amount(this.spendMax, problems);
		if (min != null && max != null && min.compareTo(max) > 0) {
			problems.add("segment.form.spend.invalid");
		}
		String channel = blankToNull(this.firstChannel);
		if (channel != null && (channel.length() > 32 || hasControl(channel))) {
			problems.add("segment.form.channel.invalid");
		}
		String skuCode = blankToNull(this.sku);
		if (skuCode != null && (skuCode.length() > 64 || hasControl(skuCode))) {
			problems.add("segment.form.sku.invalid");
		}
		if (!problems.isEmpty()) {
			return new Parsed(null, List.copyOf(problems));
		}
		return new Parsed(new SegmentFilter((tierCode != null) ? tierCode.toUpperCase(Locale.ROOT) : null, tagList,
				group, scores[0], scores[1], scores[2], scores[3], scores[4], scores[5], after, before, min, max,
				channel, skuCode), List.of());
	}

	private static LocalDate date(String text, Set<String> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		if (!value.matches("\\d{4}-\\d{2}-\\d{2}")) {
			problems.add("segment.form.date.invalid");
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(value);
			if (date.getYear() < 2000 || date.getYear() > 2999) {
				problems.add("segment.form.date.invalid");
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			problems.add("segment.form.date.invalid");
			return null;
		}
	}

	private static BigDecimal amount(String text, Set<String> problems) {
		String value = blankToNull(text);
		if (value == null) {
			return null;
		}
		if (!value.replace(",", "").matches("\\d{1,10}(\\.\\d{1,2})?")) {
			problems.add("segment.form.spend.invalid");
			return null;
		}
		return new BigDecimal(value.replace(",", ""));
	}

	private static boolean hasControl(String value) {
		return value.chars().anyMatch(Character::isISOControl);
	}

	private static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String text(Object value) {
		return (value != null) ? value.toString() : null;
	}

	record Parsed(SegmentFilter filter, List<String> problems) {

		boolean valid() {
			return this.problems.isEmpty();
		}

	}

}
