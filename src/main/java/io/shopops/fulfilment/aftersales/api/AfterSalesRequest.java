package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * An after-sales request as pages, the API and other modules read it.
 *
 * @param id the request's id
 * @param orderId the order's id
 * @param orderNumber the channel's order number
 * @param channelCode the sales channel's code
 * @param orderStatus the order's status name
 * @param currency the ISO 4217 code of the amounts
 * @param type what is asked for
 * @param status the current status
 * @param source how it arrived
 * @param reasonCode the reason's code
 * @param reasonText the buyer's words, may be {@code null}
 * @param photoUrls links to photos, may be empty
 * @param note internal note, may be {@code null}
 * @param rejectReason why it was rejected, may be {@code null}
 * @param requestedAmount the money asked back (zero for an exchange)
 * @param refundedAmount what was refunded, {@code null} until refunded
 * @param requestedAt when it was asked
 * @param statusSince when it reached its current status
 * @param lines the lines
 * @param timeline the changes, oldest first
 */
public record AfterSalesRequest(long id, long orderId, String orderNumber, String channelCode, String orderStatus,
		String currency, RequestType type, RequestStatus status, RequestSource source, String reasonCode,
		String reasonText, List<String> photoUrls, String note, String rejectReason, BigDecimal requestedAmount,
		BigDecimal refundedAmount, Instant requestedAt, Instant statusSince, List<Line> lines,
		List<TimelineEntry> timeline) {

	/**
	 * Whether every line has its inspection outcome.
	 * @return {@code true} when all lines are restocked or written off
	 */
	public boolean inspected() {
		return this.lines.stream().allMatch((line) -> line.outcome() != null);
	}

	/**
	 * One line.
	 *
	 * @param id the line's id
	 * @param orderLineId the order line
	 * @param sku the SKU
	 * @param title the order line's title
	 * @param quantity the units
	 * @param amount the money asked back
	 * @param refundedAmount the part of the refund, {@code null} until refunded
	 * @param outcome the inspection outcome, {@code null} until inspected
	 */
	public record Line(long id, long orderLineId, String sku, String title, int quantity, BigDecimal amount,
			BigDecimal refundedAmount, LineOutcome outcome) {
	}

	/**
	 * One change.
	 *
	 * @param from the status before, {@code null} for the creation
	 * @param to the status after
	 * @param at when
	 * @param actor who
	 * @param note what came with it, may be {@code null}
	 */
	public record TimelineEntry(RequestStatus from, RequestStatus to, Instant at, String actor, String note) {
	}

}
