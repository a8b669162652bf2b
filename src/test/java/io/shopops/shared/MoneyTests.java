package io.shopops.shared;

import java.math.BigDecimal;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class MoneyTests {

	@Test
	void roundsToTheCurrencysMinorUnit() {
		assertThat(Money.of("59.905", "CNY").amount()).isEqualByComparingTo("59.91");
		assertThat(Money.of("100", "JPY").amount().scale()).isZero();
	}

	@Test
	void addsAndSubtractsExactly() {
		Money sum = Money.of("0.10", "CNY").plus(Money.of("0.20", "CNY"));
		assertThat(sum).isEqualTo(Money.of("0.30", "CNY"));
		assertThat(sum.minus(Money.of("0.40", "CNY")).isNegative()).isTrue();
		assertThat(sum.amount()).isEqualTo(new BigDecimal("0.30"));
	}

	@Test
	void refusesToMixCurrencies() {
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "CNY").plus(Money.of("1", "USD")));
		assertThatIllegalArgumentException().isThrownBy(() -> Money.of("1", "CNY").compareTo(Money.of("1", "USD")));
	}

	@Test
	void printsCodeAndPlainAmount() {
		assertThat(Money.of("1299", "CNY")).hasToString("CNY 1299.00");
	}

}
