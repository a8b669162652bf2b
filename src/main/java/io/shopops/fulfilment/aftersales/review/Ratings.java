package io.shopops.fulfilment.aftersales.review;

import java.util.Locale;

import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.Parsed;

/**
 * Reads a rating as review exports write it: a number of stars from 1 to 5 ({@code 5},
 * {@code 5.0}, {@code 4星}, {@code ★★★★☆}) or the words marketplaces use: 好评 / 正面(评价) = 5,
 * 中评 / 中性(评价) = 3, 差评 / 负面(评价) = 1 (and positive / neutral / negative).
 */
final class Ratings {

	/** A review of at most this many stars is a bad review (差评). */
	static final int BAD = 2;

	private Ratings() {
	}

	/**
	 * The rating.
	 * @param raw the cleaned cell, not empty
	 * @param emotionCodes whether 淘宝's emotion codes 11 / 12 / 13 (正面 / 中性 / 负面) are read
	 * too
	 * @return 1 to 5, or {@code null} when the value is none of the forms above
	 */
	static Integer parse(String raw, boolean emotionCodes) {
		String text = raw.strip().toLowerCase(Locale.ROOT);
		if (!text.isEmpty() && text.chars().allMatch((c) -> c == '★' || c == '☆')) {
			long stars = text.chars().filter((c) -> c == '★').count();
			return (stars >= 1 && stars <= 5) ? (int) stars : null;
		}
		switch (text) {
			case "好评", "正面", "正面评价", "positive" -> {
				return 5;
			}
			case "中评", "中性", "中性评价", "neutral" -> {
				return 3;
			}
			case "差评", "负面", "负面评价", "negative" -> {
				return 1;
			}
			default -> {
			}
		}
		if (emotionCodes) {
			switch (text) {
				case "11" -> {
					return 5;
				}
				case "12" -> {
					return 3;
				}
				case "13" -> {
					return 1;
				}
				default -> {
				}
			}
		}
		for (String suffix : new String[] { "stars", "star", "星", "分" }) {
			if (text.endsWith(suffix)) {
				text = text.substring(0, text.length() - suffix.length()).strip();
				break;
			}
		}
		if (text.isEmpty()) {
			return null;
		}
		Parsed<Integer> number = Cells.wholeNumber(text);
		if (!number.ok() || number.value() < 1 || number.value() > 5) {
			return null;
		}
		return number.value();
	}

	static String stars(int rating) {
		return "★".repeat(rating) + "☆".repeat(5 - rating);
	}

	static boolean bad(int rating) {
		return rating <= BAD;
	}

}
