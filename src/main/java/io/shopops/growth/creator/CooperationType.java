package io.shopops.growth.creator;

/**
 * How a creator is paid for a cooperation; shown through {@code creator.type.<NAME>}.
 * Samples only: no fee and no commission; a fixed fee: a fee and no commission; a
 * commission: a rate and no fee; mixed: both.
 */
enum CooperationType {

	SAMPLE(false, false), FIXED_FEE(true, false), COMMISSION(false, true), MIXED(true, true);

	private final boolean fee;

	private final boolean commission;

	CooperationType(boolean fee, boolean commission) {
		this.fee = fee;
		this.commission = commission;
	}

	/**
	 * Whether the type pays a fixed fee.
	 * @return {@code true} for {@link #FIXED_FEE} and {@link #MIXED}
	 */
	public boolean paysFee() {
		return this.fee;
	}

	/**
	 * Whether the type pays a commission.
	 * @return {@code true} for {@link #COMMISSION} and {@link #MIXED}
	 */
	public boolean paysCommission() {
		return this.commission;
	}

}
