package io.shopops.fulfilment.order.importing;

import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Checks the currency of an order: an ISO 4217 code; another one than the shop's is kept,
 * with a warning, since amounts are never converted.
 */
final class Currencies {

	static final String INVALID = OrderProblems.CURRENCY_INVALID;

	private Currencies() {
	}

	static String check(RowCells cells, int column, String value, String shopCurrency) {
		String code = value.strip().toUpperCase(Locale.ROOT);
		try {
			Currency.getInstance(code);
		}
		catch (IllegalArgumentException ex) {
			cells.problem(column, value, INVALID, List.of(value));
			return null;
		}
		if (!code.equals(shopCurrency)) {
			cells.warning(column, value, OrderProblems.WARNING_CURRENCY, List.of(code, shopCurrency));
		}
		return code;
	}

}
