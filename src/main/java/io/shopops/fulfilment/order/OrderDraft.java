package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as it arrives from a channel, before ShopOps has accepted it. Everything but
 * {@code channelCode}, {@code number}, {@code status} and {@code lines} may be
 * {@code null}: marketplaces mask customers and addresses.
 * <p>
 * A draft whose status is {@link OrderStatus#PENDING_PAYMENT} or {@link OrderStatus#PAID}
 * is a live order: a paid one reserves its stock. A draft in any later status
 * ({@code SHIPPED}, {@code DELIVERED}, {@code COMPLETED}, {@code CANCELLED},
 * {@code CLOSED}) is history, such as a shop's past orders brought in from its old
 * platform: it is recorded with the times it carries and never touches stock.
 *
 * @param channelCode the sales channel's code
 * @param number the channel's order number, unique per channel
 * @param status the status the order arrives in
 * @param times when it was placed and reached each status; {@code placedAt} defaults to
 * now, a paid order's {@code paidAt} to {@code placedAt}
 * @param customer who bought, may be {@code null}
 * @param address where it ships to, may be {@code null}
 * @param lines what was bought, at least one
 * @param shippingFee the shipping charged, {@code null} for none
 * @param discount an order-level discount on top of the lines' discounts, {@code null}
 * for none
 * @param currency the ISO 4217 code of the order's amounts, {@code null} for the shop's
 * currency
 * @param couponCode the coupon the buyer used, may be {@code null}
 * @param utm the campaign parameters the visit carried, may be {@code null}
 * @param contentCode the code of the content piece that brought the buyer, may be
 * {@code null}
 * @param visitorId the shop site's visitor id, may be {@code null}
 * @param shipment the carrier and tracking number of an order that arrives shipped, may
 * be {@code null}
 * @param note the buyer's note, may be {@code null}
 * @param source how the order arrived
 */
public record OrderDraft(String channelCode, String number, OrderStatus status, Times times, Customer customer,
		Address address, List<Line> lines, BigDecimal shippingFee, BigDecimal discount, String currency,
		String couponCode, Utm utm, String contentCode, String visitorId, Shipment shipment, String note,
		OrderSource source) {

	/**
	 * One line of the draft. A line is worth {@code quantity × unitPrice − discount}.
	 *
	 * @param sku the SKU; for history an unknown SKU is kept as text
	 * @param title the title the channel showed, may be {@code null} (then the SKU's
	 * product title is used)
	 * @param quantity units, at least 1
	 * @param unitPrice the price of one unit
	 * @param discount the discount on the whole line, {@code null} for none
	 */
	public record Line(String sku, String title, int quantity, BigDecimal unitPrice, BigDecimal discount) {
	}

	/**
	 * The carrier and tracking number of an order that arrives shipped.
	 *
	 * @param carrier the carrier's name, may be {@code null}
	 * @param trackingNumber the tracking number, may be {@code null}
	 */
	public record Shipment(String carrier, String trackingNumber) {
	}

}
