package io.shopops.platform.csv;

/**
 * A set of {@code long} values in one primitive array (open addressing with linear
 * probing), about 8 to 16 bytes per value, for remembering millions of keys (such as the
 * hashes of the SKUs or order numbers an import has seen) without one object per value.
 * Not thread-safe.
 */
public final class LongHashSet {

	private static final int INITIAL_CAPACITY = 1 << 12;

	private long[] table = new long[INITIAL_CAPACITY];

	private int size;

	private boolean containsZero;

	/**
	 * Adds a value.
	 * @param value the value
	 * @return {@code true} if the value was not in the set yet
	 */
	public boolean add(long value) {
		if (value == 0) {
			boolean added = !this.containsZero;
			this.containsZero = true;
			return added;
		}
		int slot = find(this.table, value);
		if (this.table[slot] == value) {
			return false;
		}
		this.table[slot] = value;
		this.size++;
		if (this.size > this.table.length / 4 * 3) {
			grow();
		}
		return true;
	}

	/**
	 * Whether a value is in the set.
	 * @param value the value
	 * @return whether it was added before
	 */
	public boolean contains(long value) {
		if (value == 0) {
			return this.containsZero;
		}
		return this.table[find(this.table, value)] == value;
	}

	/**
	 * The number of values in the set.
	 * @return the size
	 */
	public int size() {
		return this.size + (this.containsZero ? 1 : 0);
	}

	private void grow() {
		long[] grown = new long[this.table.length * 2];
		for (long value : this.table) {
			if (value != 0) {
				grown[find(grown, value)] = value;
			}
		}
		this.table = grown;
	}

	private static int find(long[] table, long value) {
		int mask = table.length - 1;
		long mixed = value * 0x9E3779B97F4A7C15L;
		int slot = (int) (mixed ^ (mixed >>> 32)) & mask;
		while (table[slot] != 0 && table[slot] != value) {
			slot = (slot + 1) & mask;
		}
		return slot;
	}

}
