package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * What a channel reports it refunded on one order, as read from an order export: the
 * total the channel refunded so far, optionally per order line.
 *
 * @param orderId the order
 * @param total the money the channel refunded on the order in all, never {@code null}
 * @param lines per line position (0 for the order's first line) the money the channel
 * refunded for that line; empty to spread {@code total} over the lines
 * @param at when the channel refunded, {@code null} for the order's close time
 */
public record ChannelRefund(long orderId, BigDecimal total, Map<Integer, BigDecimal> lines, Instant at) {

	public ChannelRefund {
		lines = (lines != null) ? Map.copyOf(lines) : Map.of();
	}

	/**
	 * What recording a channel's refund did.
	 *
	 * @param requestId the request recorded, {@code null} when nothing was left to record
	 * @param recorded the money refunded now (zero when the refund was recorded before)
	 * @param refundedBefore what earlier imports had recorded for the order
	 * @param unrecorded the money the channel reports that could not be recorded because
	 * the lines had nothing left to refund (zero when all of it was recorded)
	 * @param notPaid whether the order was never paid, so nothing was recorded
	 */
	public record Outcome(Long requestId, BigDecimal recorded, BigDecimal refundedBefore, BigDecimal unrecorded,
			boolean notPaid) {

		/**
		 * Whether part of the channel's refund was above what the lines could still
		 * refund.
		 * @return {@code true} when some was left unrecorded
		 */
		public boolean capped() {
			return this.unrecorded.signum() > 0;
		}

	}

}
