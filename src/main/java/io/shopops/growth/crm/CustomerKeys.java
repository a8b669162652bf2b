package io.shopops.growth.crm;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The rules that recognise a customer: the identities an order's buyer carries, in the
 * order they are tried (the channel's buyer id, then the phone, then the e-mail), and how
 * contact details are masked for operators. Masked values a marketplace sends (e.g.
 * {@code 138****5678}) never identify anyone.
 */
final class CustomerKeys {

	private CustomerKeys() {
	}

	/**
	 * The identities of a buyer, most reliable first.
	 * @param channelCode the order's channel
	 * @param buyerId the channel's buyer id, may be {@code null}
	 * @param phone the phone, may be {@code null}
	 * @param email the e-mail, may be {@code null}
	 * @return the usable identities, may be empty
	 */
	static List<Identity> identities(String channelCode, String buyerId, String phone, String email) {
		List<Identity> identities = new ArrayList<>(3);
		String buyer = (buyerId != null) ? buyerId.strip() : "";
		if (buyer.length() > 254) {
			buyer = buyer.substring(0, 254);
		}
		if (!buyer.isEmpty() && !buyer.contains("*") && channelCode != null) {
			identities.add(new Identity(Kind.BUYER, channelCode, buyer));
		}
		String normalPhone = normalisePhone(phone);
		if (normalPhone != null && normalPhone.length() <= 40) {
			identities.add(new Identity(Kind.PHONE, "", normalPhone));
		}
		String normalEmail = normaliseEmail(email);
		if (normalEmail != null && normalEmail.length() <= 254) {
			identities.add(new Identity(Kind.EMAIL, "", normalEmail));
		}
		return identities;
	}

	/**
	 * A phone as digits: separators dropped, a leading
	 * {@code +86}/{@code 0086}/{@code 86} before an 11-digit mobile number dropped, other
	 * country codes kept with their {@code +}.
	 * @param phone the phone as it came, may be {@code null}
	 * @return the normalised phone, {@code null} when masked or too short to identify
	 */
	static String normalisePhone(String phone) {
		if (phone == null || phone.contains("*")) {
			return null;
		}
		String trimmed = phone.strip();
		boolean plus = trimmed.startsWith("+");
		String digits = trimmed.replaceAll("[^0-9]", "");
		if (digits.startsWith("00")) {
			digits = digits.substring(2);
			plus = true;
		}
		if (digits.length() == 13 && digits.startsWith("86") && digits.charAt(2) == '1') {
			return digits.substring(2);
		}
		if (digits.length() < 6) {
			return null;
		}
		return plus ? "+" + digits : digits;
	}

	/**
	 * An e-mail trimmed and lower-cased.
	 * @param email the e-mail, may be {@code null}
	 * @return the normalised e-mail, {@code null} when masked or not an address
	 */
	static String normaliseEmail(String email) {
		if (email == null || email.contains("*")) {
			return null;
		}
		String value = email.strip().toLowerCase(Locale.ROOT);
		int at = value.indexOf('@');
		if (at < 1 || at != value.lastIndexOf('@') || at == value.length() - 1 || value.contains(" ")) {
			return null;
		}
		return value;
	}

	/**
	 * A phone as operators see it: the first three and last four digits, e.g.
	 * {@code 138****5678}.
	 * @param phone the phone, may be {@code null}
	 * @return the masked phone, {@code null} for {@code null}
	 */
	static String maskPhone(String phone) {
		if (phone == null || phone.isBlank()) {
			return phone;
		}
		if (phone.contains("*")) {
			return phone;
		}
		String value = phone.strip();
		if (value.length() <= 7) {
			return "*".repeat(value.length() - Math.min(2, value.length()))
					+ value.substring(value.length() - Math.min(2, value.length()));
		}
		return value.substring(0, 3) + "****" + value.substring(value.length() - 4);
	}

	/**
	 * An e-mail as operators see it: the first letter and the domain, e.g.
	 * {@code z***@example.com}.
	 * @param email the e-mail, may be {@code null}
	 * @return the masked e-mail, {@code null} for {@code null}
	 */
	static String maskEmail(String email) {
		if (email == null || email.isBlank()) {
			return email;
		}
		int at = email.indexOf('@');
		if (at < 1) {
			return "***";
		}
		return email.charAt(0) + "***" + email.substring(at);
	}

	/**
	 * A kind of identity.
	 */
	enum Kind {

		BUYER, PHONE, EMAIL

	}

	/**
	 * One way to recognise a customer.
	 *
	 * @param kind buyer id, phone or e-mail
	 * @param channelCode the buyer id's channel, {@code ""} for phones and e-mails
	 * @param value the normalised value
	 */
	record Identity(Kind kind, String channelCode, String value) {
	}

}
