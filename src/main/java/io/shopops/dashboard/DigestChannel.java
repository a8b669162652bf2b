package io.shopops.dashboard;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

/**
 * A configured channel of the digest and alerts, as the page shows it: never with its
 * secret, and with its webhook URL shortened so that the robot's token is not shown back.
 *
 * @param id the id
 * @param name the admin's name for it
 * @param kind where it sends
 * @param target the webhook URL or the e-mail addresses
 * @param signed whether it has a signing secret
 * @param language {@code zh_CN} or {@code en}, the language of its messages
 * @param enabled whether anything is sent to it
 * @param dailyDigest whether it gets the daily digest
 * @param alerts whether it gets the alerts
 * @param createdAt when it was added
 */
record DigestChannel(long id, String name, DigestChannelKind kind, String target, boolean signed, String language,
		boolean enabled, boolean dailyDigest, boolean alerts, Instant createdAt) {

	/**
	 * The target as the page shows it: e-mail addresses as they are, a URL as its scheme
	 * and host followed by "…" and its last four characters.
	 */
	public String maskedTarget() {
		return mask(this.kind, this.target);
	}

	public Locale locale() {
		return locale(this.language);
	}

	static Locale locale(String language) {
		return "en".equals(language) ? Locale.ENGLISH : Locale.SIMPLIFIED_CHINESE;
	}

	static String mask(DigestChannelKind kind, String target) {
		if (!kind.webhook()) {
			return target;
		}
		String tail = (target.length() > 12) ? target.substring(target.length() - 4) : "";
		try {
			URI uri = URI.create(target);
			return uri.getScheme() + "://" + uri.getHost() + ((uri.getPort() >= 0) ? ":" + uri.getPort() : "") + "/…"
					+ tail;
		}
		catch (IllegalArgumentException ex) {
			return "…" + tail;
		}
	}

}
