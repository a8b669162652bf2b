package io.shopops.platform.csv;

import java.util.Random;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The primitive set used for file-wide SKU uniqueness.
 */
class LongHashSetTests {

	@Test
	void addsAndFindsValuesWhileGrowing() {
		LongHashSet set = new LongHashSet();
		Random random = new Random(42);
		long[] values = new long[200_000];
		for (int i = 0; i < values.length; i++) {
			values[i] = random.nextLong();
			assertThat(set.add(values[i])).isTrue();
		}
		assertThat(set.size()).isEqualTo(values.length);
		for (long value : values) {
			assertThat(set.contains(value)).isTrue();
			assertThat(set.add(value)).isFalse();
		}
		assertThat(set.contains(12345L)).isFalse();
	}

	@Test
	void handlesZeroAndNegativeValues() {
		LongHashSet set = new LongHashSet();
		assertThat(set.contains(0)).isFalse();
		assertThat(set.add(0)).isTrue();
		assertThat(set.add(0)).isFalse();
		assertThat(set.add(-1)).isTrue();
		assertThat(set.add(Long.MIN_VALUE)).isTrue();
		assertThat(set.contains(0)).isTrue();
		assertThat(set.contains(-1)).isTrue();
		assertThat(set.contains(Long.MIN_VALUE)).isTrue();
		assertThat(set.size()).isEqualTo(3);
	}

}
