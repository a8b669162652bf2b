package io.shopops.growth.creator;

/**
 * The entries of a creator's payout ledger: money paid out, or a signed correction of
 * what is owed (with a reason); shown through {@code creator.payout.kind.<NAME>}.
 */
enum PayoutKind {

	PAYOUT, ADJUSTMENT

}
