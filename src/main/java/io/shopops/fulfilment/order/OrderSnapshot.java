package io.shopops.fulfilment.order;

import java.math.BigDecimal;
import java.util.List;

/**
 * An order as ShopOps keeps it, as read by pages, other modules and the events.
 *
 * @param id the order's id
 * @param channelCode the sales channel's code
 * @param platform the channel's platform
 * @param number the channel's order number
 * @param status the current status
 * @param times when it was placed and reached each status
 * @param customer the buyer, never {@code null} (its fields may be)
 * @param address the shipping address, never {@code null} (its fields may be)
 * @param lines the lines in their order
 * @param goodsAmount the lines' worth after their discounts
 * @param shippingFee the shipping charged
 * @param discount the order-level discount
 * @param paidAmount what the buyer pays: goods + shipping − order discount
 * @param currency the ISO 4217 code of the amounts
 * @param couponCode the coupon used, may be {@code null}
 * @param utm the campaign parameters, never {@code null} (its fields may be)
 * @param contentCode the content piece's code, may be {@code null}
 * @param visitorId the shop site's visitor id, may be {@code null}
 * @param note the buyer's note, may be {@code null}
 * @param source how it arrived
 * @param history whether it arrived already shipped, completed or closed and so never
 * touched stock
 * @param warehouse the warehouse its stock is reserved in
 */
public record OrderSnapshot(long id, String channelCode, SalesPlatform platform, String number, OrderStatus status,
		Times times, Customer customer, Address address, List<Line> lines, BigDecimal goodsAmount,
		BigDecimal shippingFee, BigDecimal discount, BigDecimal paidAmount, String currency, String couponCode, Utm utm,
		String contentCode, String visitorId, String note, OrderSource source, boolean history, String warehouse) {

	/**
	 * One line of an order.
	 *
	 * @param id the line's id
	 * @param sku the SKU
	 * @param variantId the SKU's variant id, {@code null} for a history line whose SKU is
	 * unknown
	 * @param title the title
	 * @param quantity units ordered
	 * @param unitPrice the price of one unit
	 * @param discount the discount on the whole line
	 * @param amount {@code quantity × unitPrice − discount}
	 * @param shippedQuantity units shipped so far
	 */
	public record Line(long id, String sku, Long variantId, String title, int quantity, BigDecimal unitPrice,
			BigDecimal discount, BigDecimal amount, int shippedQuantity) {
	}

}
