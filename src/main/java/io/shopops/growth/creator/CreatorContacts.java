package io.shopops.growth.creator;

/**
 * A creator's contact (a phone, an e-mail, a WeChat id …) as operators see it: a phone
 * keeps its first three and last four digits ({@code 138****5678}), an e-mail its first
 * letter and domain ({@code z***@example.com}), anything else its first and last
 * character. Managers and admins see it in full.
 */
final class CreatorContacts {

	private CreatorContacts() {
	}

	static String mask(String contact) {
		if (contact == null || contact.isBlank()) {
			return contact;
		}
		String value = contact.strip();
		int at = value.indexOf('@');
		if (at > 0 && at < value.length() - 1) {
			return value.substring(0, value.offsetByCodePoints(0, 1)) + "***" + value.substring(at);
		}
		String digits = value.replaceAll("[\\s-]", "");
		if (digits.matches("\\+?\\d{8,}")) {
			return digits.substring(0, 3) + "****" + digits.substring(digits.length() - 4);
		}
		int length = value.codePointCount(0, value.length());
		if (length <= 2) {
			return "*".repeat(length);
		}
		return value.substring(0, value.offsetByCodePoints(0, 1)) + "***"
				+ value.substring(value.offsetByCodePoints(value.length(), -1));
	}

}
