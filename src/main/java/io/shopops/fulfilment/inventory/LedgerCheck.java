package io.shopops.fulfilment.inventory;

import java.util.List;

/**
 * The result of comparing every stock row with the sums of its ledger movements.
 *
 * @param stockRows the number of stock rows compared
 * @param mismatches the rows whose stock differs from the ledger, at most 500
 */
public record LedgerCheck(long stockRows, List<Mismatch> mismatches) {

	public boolean matches() {
		return this.mismatches.isEmpty();
	}

	/**
	 * A stock row that differs from its ledger; {@code onHand}/{@code reserved} are
	 * {@code null} when movements exist without a stock row.
	 *
	 * @param sku the SKU
	 * @param warehouse the warehouse code
	 * @param onHand the row's on hand
	 * @param reserved the row's reserved
	 * @param ledgerOnHand the sum of the on hand deltas
	 * @param ledgerReserved the sum of the reserved deltas
	 */
	public record Mismatch(String sku, String warehouse, Integer onHand, Integer reserved, long ledgerOnHand,
			long ledgerReserved) {
	}

}
