package io.shopops.dashboard;

import java.util.Locale;

import io.shopops.fulfilment.order.Customer;
import io.shopops.fulfilment.order.OrderSnapshot;

/**
 * Who a buyer is, for the distinct counts of the KPIs, until CRM offers its deduplicated
 * customers: the channel's buyer id (within its channel), else the phone reduced to its
 * digits (a leading 86 country code dropped), else the e-mail in lower case, else the
 * order itself. A value the channel masked ({@code 138****5678}) names nobody and is
 * skipped.
 */
final class BuyerKey {

	private BuyerKey() {
	}

	static String of(OrderSnapshot order) {
		Customer customer = order.customer();
		if (customer != null) {
			String id = usable(customer.buyerId());
			if (id != null) {
				return cut("id:" + order.channelCode() + ":" + id);
			}
			String phone = phone(customer.phone());
			if (phone != null) {
				return "phone:" + phone;
			}
			String email = usable(customer.email());
			if (email != null && email.contains("@")) {
				return cut("email:" + email.toLowerCase(Locale.ROOT));
			}
		}
		return "order:" + order.id();
	}

	static String phone(String raw) {
		String value = usable(raw);
		if (value == null) {
			return null;
		}
		StringBuilder digits = new StringBuilder();
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c >= '0' && c <= '9') {
				digits.append(c);
			}
		}
		String phone = digits.toString();
		if (phone.length() == 13 && phone.startsWith("86")) {
			phone = phone.substring(2);
		}
		return (phone.length() >= 5) ? cut(phone) : null;
	}

	private static String usable(String value) {
		if (value == null) {
			return null;
		}
		String stripped = value.strip();
		return (stripped.isEmpty() || stripped.contains("*")) ? null : stripped;
	}

	private static String cut(String key) {
		return (key.length() > 320) ? key.substring(0, 320) : key;
	}

}
