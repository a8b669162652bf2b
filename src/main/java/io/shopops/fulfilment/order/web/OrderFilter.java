package io.shopops.fulfilment.order.web;

import java.time.LocalDate;

import io.shopops.fulfilment.order.OrderStatus;

import org.springframework.util.StringUtils;

/**
 * The order list's filters, shared by the list and its CSV export. Every field may be
 * {@code null} (or {@code false}): no filter.
 *
 * @param status the current status
 * @param channel the sales channel's code
 * @param from the first day (shop time) the order was placed on
 * @param to the last day (shop time) the order was placed on
 * @param sku a SKU one of its lines has
 * @param customer the buyer's phone, e-mail, channel buyer id or name, exactly
 * @param number the channel's order number, exactly
 * @param overdue only orders past their shipping or delivery deadline
 */
record OrderFilter(OrderStatus status, String channel, LocalDate from, LocalDate to, String sku, String customer,
		String number, boolean overdue) {

	OrderFilter {
		channel = StringUtils.hasText(channel) ? channel.strip() : null;
		sku = StringUtils.hasText(sku) ? sku.strip() : null;
		customer = StringUtils.hasText(customer) ? customer.strip() : null;
		number = StringUtils.hasText(number) ? number.strip() : null;
	}

	static OrderFilter none() {
		return new OrderFilter(null, null, null, null, null, null, null, false);
	}

	public boolean isFiltered() {
		return this.status != null || this.channel != null || this.from != null || this.to != null || this.sku != null
				|| this.customer != null || this.number != null || this.overdue;
	}

	/**
	 * The status as written in links ({@code paid}), or {@code null}.
	 */
	public String statusParam() {
		return (this.status != null) ? this.status.apiName() : null;
	}

	/**
	 * {@code true} for links when filtering overdue orders, else {@code null} (left out).
	 */
	public Boolean overdueParam() {
		return this.overdue ? Boolean.TRUE : null;
	}

}
