package io.shopops.fulfilment.order;

import java.time.Instant;

/**
 * When an order was placed and reached each status; {@code null} where it has not (yet).
 *
 * @param placedAt when the buyer placed it
 * @param paidAt when it was paid
 * @param shippedAt when it was (last) shipped
 * @param deliveredAt when it was delivered
 * @param completedAt when it was completed
 * @param cancelledAt when it was cancelled
 * @param closedAt when it was closed
 */
public record Times(Instant placedAt, Instant paidAt, Instant shippedAt, Instant deliveredAt, Instant completedAt,
		Instant cancelledAt, Instant closedAt) {

	/**
	 * The times of an order placed, and perhaps paid, at the given instants.
	 * @param placedAt when it was placed, may be {@code null}
	 * @param paidAt when it was paid, may be {@code null}
	 * @return the times
	 */
	public static Times placed(Instant placedAt, Instant paidAt) {
		return new Times(placedAt, paidAt, null, null, null, null, null);
	}

}
