package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Money went back to a buyer: published in the transaction that records the refund of an
 * after-sales request, for CRM and the dashboards. No field is {@code null}.
 *
 * @param requestId the after-sales request
 * @param orderId the order's id
 * @param orderNumber the channel's order number
 * @param channelCode the sales channel's code
 * @param amount the money refunded
 * @param currency the ISO 4217 code of the amounts
 * @param lines what the refund was for
 * @param at when it was refunded
 */
public record RefundCompleted(long requestId, long orderId, String orderNumber, String channelCode, BigDecimal amount,
		String currency, List<Line> lines, Instant at) {

	public RefundCompleted {
		lines = List.copyOf(lines);
	}

	/**
	 * The refund of one order line.
	 *
	 * @param sku the SKU
	 * @param quantity the units
	 * @param amount the money refunded for them
	 */
	public record Line(String sku, int quantity, BigDecimal amount) {
	}

}
