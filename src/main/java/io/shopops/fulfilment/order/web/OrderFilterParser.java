package io.shopops.fulfilment.order.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;

import io.shopops.fulfilment.order.OrderStatus;
import io.shopops.platform.BadInputException;

import org.springframework.ui.Model;
import org.springframework.util.StringUtils;

/**
 * Reads the order list's filters from the query string. The list shows a warning and
 * ignores a value it cannot read; the export refuses it (400), because a file of more
 * than was asked for would pass for the selection.
 */
final class OrderFilterParser {

	static final int MAX_TEXT = 200;

	private static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);

	private static final LocalDate LATEST = LocalDate.of(2999, 12, 31);

	private OrderFilterParser() {
	}

	/**
	 * The filter; {@code model} {@code null} refuses unreadable values, otherwise they
	 * are ignored with the warning {@code order.list.filterInvalid}.
	 */
	static OrderFilter parse(String status, String channel, String from, String to, String sku, String customer,
			String number, String overdue, Model model) {
		boolean[] invalid = { false };
		OrderStatus parsedStatus = null;
		if (StringUtils.hasText(status)) {
			try {
				parsedStatus = OrderStatus.fromApiName(status);
			}
			catch (IllegalArgumentException ex) {
				invalid[0] = true;
			}
		}
		LocalDate fromDate = date(from, invalid);
		LocalDate toDate = date(to, invalid);
		OrderFilter filter = new OrderFilter(parsedStatus, text(channel, invalid), fromDate, toDate, text(sku, invalid),
				text(customer, invalid), text(number, invalid),
				"true".equalsIgnoreCase(overdue) || "on".equalsIgnoreCase(overdue) || "1".equals(overdue));
		if (invalid[0]) {
			if (model == null) {
				throw new BadInputException("order.list.filterInvalid");
			}
			model.addAttribute("filterWarning", "order.list.filterInvalid");
		}
		return filter;
	}

	private static LocalDate date(String text, boolean[] invalid) {
		if (!StringUtils.hasText(text)) {
			return null;
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
				invalid[0] = true;
				return null;
			}
			return date;
		}
		catch (DateTimeParseException ex) {
			invalid[0] = true;
			return null;
		}
	}

	private static String text(String text, boolean[] invalid) {
		if (text != null && (text.length() > MAX_TEXT || text.indexOf('\u0000') >= 0)) {
			invalid[0] = true;
			return null;
		}
		return text;
	}

}
