package io.shopops.dashboard;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.shopops.platform.AuditLog;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The channels the digest and alerts go to, kept by admins. Every change is audited; the
 * audit entries, like the page, show a webhook URL only shortened and never the secret.
 */
@Service
class DigestChannels {

	static final int MAX_RECIPIENTS = 20;

	private final JdbcClient jdbc;

	private final DigestDeliveries deliveries;

	private final AuditLog audit;

	DigestChannels(JdbcClient jdbc, DigestDeliveries deliveries, AuditLog audit) {
		this.jdbc = jdbc;
		this.deliveries = deliveries;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<DigestChannel> list() {
		return select("ORDER BY lower(name), id").query(DigestChannels::row).list();
	}

	@Transactional(readOnly = true)
	public Optional<DigestChannel> find(long id) {
		return select("WHERE id = :id").param("id", id).query(DigestChannels::row).optional();
	}

	/**
	 * The enabled channels that get the daily digest, or the alerts.
	 */
	@Transactional(readOnly = true)
	public List<DigestChannel> enabled(boolean alerts) {
		return select("WHERE enabled AND " + (alerts ? "alerts" : "daily_digest") + " ORDER BY id")
			.query(DigestChannels::row)
			.list();
	}

	private JdbcClient.StatementSpec select(String rest) {
		return this.jdbc.sql("""
				SELECT id, name, kind, target, secret IS NOT NULL, language, enabled, daily_digest, alerts, created_at
				FROM digest_channel
				""" + rest);
	}

	private static DigestChannel row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		return new DigestChannel(rs.getLong(1), rs.getString(2), DigestChannelKind.valueOf(rs.getString(3)),
				rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getBoolean(7), rs.getBoolean(8),
				rs.getBoolean(9), rs.getTimestamp(10).toInstant());
	}

	/**
	 * Adds a channel.
	 * @return its id
	 * @throws DigestFormException when the target does not fit the kind or the name is
	 * taken
	 */
	@Transactional
	public long create(DigestChannelForm form) {
		String name = form.getName().strip();
		DigestChannelKind kind = form.getKind();
		String target = checkedTarget(kind, form.getTarget().strip());
		String secret = checkedSecret(kind, form.getSecret());
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO digest_channel (name, kind, target, secret, language, daily_digest, alerts)
					VALUES (:name, :kind, :target, :secret, :language, :digest, :alerts) RETURNING id""")
				.param("name", name)
				.param("kind", kind.name())
				.param("target", target)
				.param("secret", secret)
				.param("language", form.getLanguage())
				.param("digest", form.isDailyDigest())
				.param("alerts", form.isAlerts())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new DigestFormException("name", "digest.form.name.taken");
		}
		this.audit.record("DIGEST_CHANNEL_CREATED", "digest_channel", Long.toString(id),
				name + ": " + kind + " " + DigestChannel.mask(kind, target) + ((secret != null) ? ", signed" : "")
						+ ", digest " + form.isDailyDigest() + ", alerts " + form.isAlerts());
		return id;
	}

	/**
	 * Changes a channel: its name, language and what it gets; its target and secret only
	 * when the form brings new ones (a blank target or secret keeps the current one,
	 * which the form never shows), and the secret is removed when asked.
	 * @return whether the channel exists
	 * @throws DigestFormException when the new target does not fit the kind or the name
	 * is taken
	 */
	@Transactional
	public boolean update(long id, DigestChannelEditForm form) {
		boolean removeSecret = form.isRemoveSecret();
		Optional<DigestChannel> found = find(id);
		if (found.isEmpty()) {
			return false;
		}
		DigestChannel channel = found.get();
		String name = form.getName().strip();
		String target = (form.getTarget() == null || form.getTarget().isBlank()) ? null
				: checkedTarget(channel.kind(), form.getTarget().strip());
		String secret = checkedSecret(channel.kind(), form.getSecret());
		try {
			this.jdbc.sql("""
					UPDATE digest_channel SET name = :name, target = COALESCE(:target, target),
					  secret = CASE WHEN :remove THEN NULL ELSE COALESCE(:secret, secret) END,
					  language = :language, daily_digest = :digest, alerts = :alerts, updated_at = now()
					WHERE id = :id""")
				.param("name", name)
				.param("target", target)
				.param("remove", removeSecret && secret == null)
				.param("secret", secret)
				.param("language", form.getLanguage())
				.param("digest", form.isDailyDigest())
				.param("alerts", form.isAlerts())
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new DigestFormException("name", "digest.form.name.taken");
		}
		this.audit.record("DIGEST_CHANNEL_UPDATED", "digest_channel", Long.toString(id), channel.name() + " -> " + name
				+ ((target != null) ? ", new target " + DigestChannel.mask(channel.kind(), target) : "")
				+ ((secret != null) ? ", new secret" : (removeSecret && channel.signed()) ? ", secret removed" : "")
				+ ", digest " + form.isDailyDigest() + ", alerts " + form.isAlerts());
		return true;
	}

	/**
	 * Enables or disables a channel; disabling gives up its waiting deliveries.
	 * @return whether the channel exists
	 */
	@Transactional
	public boolean setEnabled(long id, boolean enabled) {
		Optional<DigestChannel> channel = find(id);
		if (channel.isEmpty()) {
			return false;
		}
		if (channel.get().enabled() == enabled) {
			return true;
		}
		this.jdbc.sql("UPDATE digest_channel SET enabled = :enabled, updated_at = now() WHERE id = :id")
			.param("enabled", enabled)
			.param("id", id)
			.update();
		int abandoned = enabled ? 0 : this.deliveries.abandon(id);
		this.audit.record(enabled ? "DIGEST_CHANNEL_ENABLED" : "DIGEST_CHANNEL_DISABLED", "digest_channel",
				Long.toString(id),
				channel.get().name() + ((abandoned > 0) ? ", " + abandoned + " deliveries given up" : ""));
		return true;
	}

	/**
	 * Deletes a channel with its deliveries.
	 * @return whether it existed
	 */
	@Transactional
	public boolean delete(long id) {
		Optional<DigestChannel> channel = find(id);
		if (channel.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM digest_channel WHERE id = :id").param("id", id).update();
		this.audit.record("DIGEST_CHANNEL_DELETED", "digest_channel", Long.toString(id),
				channel.get().name() + ": " + channel.get().kind() + " " + channel.get().maskedTarget());
		return true;
	}

	private static String checkedTarget(DigestChannelKind kind, String target) {
		if (kind.webhook()) {
			String problem = urlProblem(target);
			if (problem != null) {
				throw new DigestFormException("target", problem);
			}
			return target;
		}
		List<String> addresses = addresses(target);
		if (addresses.isEmpty()) {
			throw new DigestFormException("target", "digest.form.target.email");
		}
		if (addresses.size() > MAX_RECIPIENTS) {
			throw new DigestFormException("target", "digest.form.target.tooMany");
		}
		return String.join(", ", addresses);
	}

	/** The secret to keep, {@code null} for none (or a robot that is not signed). */
	private static String checkedSecret(DigestChannelKind kind, String secret) {
		if (!kind.signed() || !DigestFormats.hasSecret(secret)) {
			return null;
		}
		if (secret.strip().chars().anyMatch(Character::isISOControl)) {
			throw new DigestFormException("secret", "digest.form.secret.invalid");
		}
		return secret.strip();
	}

	/**
	 * Why a webhook URL is not accepted, as a message key, or {@code null} when it is: an
	 * absolute {@code https} or {@code http} URL with a host, without user name or
	 * password and without fragment.
	 */
	static String urlProblem(String url) {
		if (url.chars().anyMatch((c) -> Character.isWhitespace(c) || Character.isISOControl(c))) {
			return "digest.form.target.url";
		}
		URI uri;
		try {
			uri = new URI(url);
		}
		catch (URISyntaxException ex) {
			return "digest.form.target.url";
		}
		String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
		if (!"https".equals(scheme) && !"http".equals(scheme)) {
			return "digest.form.target.scheme";
		}
		if (uri.getHost() == null || uri.getHost().isBlank()) {
			return "digest.form.target.url";
		}
		if (uri.getRawUserInfo() != null) {
			return "digest.form.target.credentials";
		}
		if (uri.getRawFragment() != null) {
			return "digest.form.target.url";
		}
		return null;
	}

	/**
	 * The e-mail addresses of a list separated by commas, semicolons or spaces, or an
	 * empty list when one of them is not an address.
	 */
	static List<String> addresses(String list) {
		List<String> addresses = new ArrayList<>();
		for (String part : list.split("[,;\\s]+")) {
			if (part.isBlank()) {
				continue;
			}
			try {
				InternetAddress address = new InternetAddress(part, true);
				if (address.getAddress().indexOf('@') < 1 || address.getPersonal() != null) {
					return List.of();
				}
				address.validate();
				if (!addresses.contains(address.getAddress())) {
					addresses.add(address.getAddress());
				}
			}
			catch (AddressException ex) {
				return List.of();
			}
		}
		return addresses;
	}

}
