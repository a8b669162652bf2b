package io.shopops.growth.creator;

/**
 * Where a cooperation stands; shown through {@code creator.status.<NAME>}. A fixed fee is
 * owed once the cooperation is {@link #ACTIVE} or {@link #COMPLETED}; a
 * {@link #CANCELLED} cooperation owes nothing and its orders count for nobody.
 */
enum CooperationStatus {

	PLANNED, ACTIVE, COMPLETED, CANCELLED;

	/**
	 * Whether the fixed fee is owed.
	 * @return {@code true} when active or completed
	 */
	public boolean owesFee() {
		return this == ACTIVE || this == COMPLETED;
	}

	/**
	 * Whether attributed orders count (and earn commission).
	 * @return {@code false} when cancelled
	 */
	public boolean countsOrders() {
		return this != CANCELLED;
	}

}
