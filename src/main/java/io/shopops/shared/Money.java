package io.shopops.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of money in one currency, rounded to the currency's minor unit.
 *
 * @param amount the amount, never {@code null}
 * @param currency the ISO 4217 currency, never {@code null}
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

	public Money {
		Objects.requireNonNull(amount, "amount");
		Objects.requireNonNull(currency, "currency");
		amount = amount.setScale(Math.max(currency.getDefaultFractionDigits(), 0), RoundingMode.HALF_UP);
	}

	public static Money of(String amount, String currencyCode) {
		return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
	}

	public Money plus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.add(other.amount), this.currency);
	}

	public Money minus(Money other) {
		requireSameCurrency(other);
		return new Money(this.amount.subtract(other.amount), this.currency);
	}

	public boolean isNegative() {
		return this.amount.signum() < 0;
	}

	@Override
	public int compareTo(Money other) {
		requireSameCurrency(other);
		return this.amount.compareTo(other.amount);
	}

	private void requireSameCurrency(Money other) {
		if (!this.currency.equals(other.currency)) {
			throw new IllegalArgumentException("Currencies differ: " + this.currency + " and " + other.currency);
		}
	}

	@Override
	public String toString() {
		return this.currency.getCurrencyCode() + " " + this.amount.toPlainString();
	}

}
