package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * A new after-sales request on one order.
 *
 * @param orderId the order
 * @param type what is asked for, never {@code null}
 * @param reasonCode one of the settings' reasons, never {@code null}
 * @param reasonText the buyer's words, may be {@code null}
 * @param photoUrls http(s) links to the buyer's photos, may be empty
 * @param note an internal note, may be {@code null}
 * @param lines the order lines with units and amounts, at least one
 * @param source how it arrived
 * @param at when the buyer asked, {@code null} for now
 */
public record AfterSalesDraft(long orderId, RequestType type, String reasonCode, String reasonText,
		List<String> photoUrls, String note, List<Line> lines, RequestSource source, Instant at) {

	public AfterSalesDraft {
		photoUrls = (photoUrls != null) ? List.copyOf(photoUrls) : List.of();
		lines = (lines != null) ? List.copyOf(lines) : List.of();
	}

	/**
	 * Units of one order line.
	 *
	 * @param orderLineId the order line
	 * @param quantity the units, at least 1
	 * @param amount the money asked back, {@code null} for the units' share of what was
	 * paid for the line
	 */
	public record Line(long orderLineId, int quantity, BigDecimal amount) {
	}

}
