package io.shopops.growth.segment;

import java.util.Arrays;
import java.util.Optional;

/**
 * The eight RFM groups (RFM 客户分群): each of recency, frequency and monetary is high or
 * low, and the pattern names the group. A score is high when it is above the average
 * score of all scored customers.
 */
public enum RfmGroup {

	/** 重要价值: recent, frequent, big spenders. */
	IMPORTANT_VALUE(true, true, true),

	/** 重要发展: recent big spenders who buy rarely. */
	IMPORTANT_DEVELOP(true, false, true),

	/** 重要保持（唤回）: frequent big spenders who have not bought for a while. */
	IMPORTANT_KEEP(false, true, true),

	/** 重要挽留: big spenders who bought rarely and long ago. */
	IMPORTANT_WINBACK(false, false, true),

	/** 一般价值: recent and frequent, small spend. */
	GENERAL_VALUE(true, true, false),

	/** 一般发展: recent, rare, small spend. */
	GENERAL_DEVELOP(true, false, false),

	/** 一般保持: frequent once, small spend, not recent. */
	GENERAL_KEEP(false, true, false),

	/** 一般挽留: low on all three. */
	GENERAL_WINBACK(false, false, false);

	private final boolean recent;

	private final boolean frequent;

	private final boolean big;

	RfmGroup(boolean recent, boolean frequent, boolean big) {
		this.recent = recent;
		this.frequent = frequent;
		this.big = big;
	}

	/**
	 * The group of a high/low pattern.
	 * @param recencyHigh whether recency is high (bought recently)
	 * @param frequencyHigh whether frequency is high
	 * @param monetaryHigh whether monetary is high
	 * @return the group
	 */
	public static RfmGroup of(boolean recencyHigh, boolean frequencyHigh, boolean monetaryHigh) {
		for (RfmGroup group : values()) {
			if (group.recent == recencyHigh && group.frequent == frequencyHigh && group.big == monetaryHigh) {
				return group;
			}
		}
		throw new IllegalStateException();
	}

	/**
	 * The group with this code.
	 * @param code the code, may be {@code null}
	 * @return the group, empty for an unknown code
	 */
	public static Optional<RfmGroup> parse(String code) {
		if (code == null) {
			return Optional.empty();
		}
		String value = code.strip();
		return Arrays.stream(values()).filter((group) -> group.name().equals(value)).findFirst();
	}

	public boolean recencyHigh() {
		return this.recent;
	}

	public boolean frequencyHigh() {
		return this.frequent;
	}

	public boolean monetaryHigh() {
		return this.big;
	}

	/**
	 * The message key of the group's name.
	 * @return {@code segment.rfm.group.CODE}
	 */
	public String labelKey() {
		return "segment.rfm.group." + name();
	}

	/**
	 * The message key of what the group means and what to do.
	 * @return {@code segment.rfm.group.CODE.hint}
	 */
	public String hintKey() {
		return "segment.rfm.group." + name() + ".hint";
	}

	/**
	 * The SQL CASE that names the group from three boolean columns.
	 */
	static String sqlCase(String recencyHigh, String frequencyHigh, String monetaryHigh) {
		StringBuilder sql = new StringBuilder("CASE");
		for (RfmGroup group : values()) {
			sql.append(" WHEN ")
				.append(group.recent ? "" : "NOT ")
				.append(recencyHigh)
				.append(" AND ")
				.append(group.frequent ? "" : "NOT ")
				.append(frequencyHigh)
				.append(" AND ")
				.append(group.big ? "" : "NOT ")
				.append(monetaryHigh)
				.append(" THEN '")
				.append(group.name())
				.append("'");
		}
		return sql.append(" END").toString();
	}

}
