package io.shopops.growth.traffic;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The shop's sites that send traffic events. A site's public key names it in the events
 * (it is in the site's pages, so it is no secret); browsers may send from the site's
 * origin only. Every collected request looks its key up, so known keys are remembered for
 * at most {@link #REMEMBER_NANOS}; disabling or rotating forgets at once in this
 * instance.
 */
@Service
class Sites {

	static final int MAX_NAME = 120;

	static final int MAX_ORIGIN = 255;

	static final String KEY_PREFIX = "pk_";

	private static final long REMEMBER_NANOS = 30_000_000_000L;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Remembered> known = new ConcurrentHashMap<>();

	private volatile RememberedOrigins origins;

	Sites(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * Adds a site, audited.
	 * @throws SiteInvalidException with the field problems when the name or origin is
	 * missing, malformed or the origin is taken
	 */
	@Transactional
	Site create(String name, String origin) {
		List<SiteInvalidException.Problem> problems = new ArrayList<>();
		String normalName = (name != null) ? name.strip() : "";
		if (normalName.isEmpty()) {
			problems.add(new SiteInvalidException.Problem("name", "traffic.site.name.required"));
		}
		else if (normalName.length() > MAX_NAME || normalName.indexOf('\u0000') >= 0) {
			problems.add(new SiteInvalidException.Problem("name", "traffic.site.name.size"));
		}
		String normalOrigin = normalizeOrigin(origin);
		if (normalOrigin == null) {
			problems.add(new SiteInvalidException.Problem("origin", "traffic.site.origin.invalid"));
		}
		else if (this.jdbc.sql("SELECT count(*) FROM site WHERE origin = ?")
			.param(normalOrigin)
			.query(Long.class)
			.single() > 0) {
			problems.add(new SiteInvalidException.Problem("origin", "traffic.site.origin.taken"));
		}
		if (!problems.isEmpty()) {
			throw new SiteInvalidException(problems);
		}
		String key = newKey();
		long id;
		try {
			id = this.jdbc.sql("""
					INSERT INTO site (name, origin, public_key, created_by) VALUES (:name, :origin, :key, :actor)
					RETURNING id""")
				.param("name", normalName)
				.param("origin", normalOrigin)
				.param("key", key)
				.param("actor", currentActor())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new SiteInvalidException(
					List.of(new SiteInvalidException.Problem("origin", "traffic.site.origin.taken")));
		}
		this.auditLog.record("SITE_CREATED", "site", String.valueOf(id), normalName + " · " + normalOrigin);
		forgetAfterCommit();
		return find(id).orElseThrow();
	}

	/** Enables a site, audited; enabling an enabled site changes nothing. */
	@Transactional
	Optional<Site> enable(long id) {
		Optional<Site> site = find(id);
		if (site.isPresent() && !site.get().enabled()) {
			this.jdbc.sql("UPDATE site SET enabled = TRUE WHERE id = ?").param(id).update();
			this.auditLog.record("SITE_ENABLED", "site", String.valueOf(id), site.get().name());
			forgetAfterCommit();
		}
		return site;
	}

	/** Disables a site, audited: its key is refused from now on. */
	@Transactional
	Optional<Site> disable(long id) {
		Optional<Site> site = find(id);
		if (site.isPresent() && site.get().enabled()) {
			this.jdbc.sql("UPDATE site SET enabled = FALSE WHERE id = ?").param(id).update();
			this.auditLog.record("SITE_DISABLED", "site", String.valueOf(id), site.get().name());
			forgetAfterCommit();
		}
		return site;
	}

	/** Gives a site a new key, audited: the old one is refused from now on. */
	@Transactional
	Optional<Site> rotateKey(long id) {
		Optional<Site> site = find(id);
		if (site.isEmpty()) {
			return site;
		}
		String key = newKey();
		this.jdbc.sql("UPDATE site SET public_key = ?, key_rotated_at = now() WHERE id = ?")
			.param(key)
			.param(id)
			.update();
		this.auditLog.record("SITE_KEY_ROTATED", "site", String.valueOf(id),
				site.get().name() + ": " + abbreviate(site.get().publicKey()) + " → " + abbreviate(key));
		forgetAfterCommit();
		return find(id);
	}

	@Transactional(readOnly = true)
	List<Site> list() {
		return this.jdbc.sql(SELECT + " ORDER BY enabled DESC, name, id").query(Sites::row).list();
	}

	@Transactional(readOnly = true)
	Optional<Site> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE id = ?").param(id).query(Sites::row).optional();
	}

	/**
	 * The enabled site with this key, remembered for a while.
	 */
	Optional<Site> byKey(String key) {
		if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 64) {
			return Optional.empty();
		}
		long now = System.nanoTime();
		Remembered remembered = this.known.get(key);
		if (remembered == null || now - remembered.since() > REMEMBER_NANOS) {
			Optional<Site> site = this.jdbc.sql(SELECT + " WHERE public_key = ? AND enabled")
				.param(key)
				.query(Sites::row)
				.optional();
			if (this.known.size() > 10_000) {
				this.known.clear();
			}
			remembered = new Remembered(site.orElse(null), now);
			this.known.put(key, remembered);
		}
		return Optional.ofNullable(remembered.site());
	}

	/** Whether an enabled site has this origin (for preflights, which carry no key). */
	boolean enabledOrigin(String origin) {
		long now = System.nanoTime();
		RememberedOrigins current = this.origins;
		if (current == null || now - current.since() > REMEMBER_NANOS) {
			current = new RememberedOrigins(
					List.copyOf(this.jdbc.sql("SELECT origin FROM site WHERE enabled").query(String.class).list()),
					now);
			this.origins = current;
		}
		return origin != null && current.origins().contains(origin.toLowerCase(Locale.ROOT));
	}

	/**
	 * The origin {@code scheme://host[:port]} of a URL, lower case, without default port;
	 * {@code null} unless it is an http(s) origin without path, query or credentials.
	 */
	static String normalizeOrigin(String origin) {
		if (origin == null || origin.isBlank() || origin.length() > MAX_ORIGIN || origin.indexOf('\u0000') >= 0) {
			return null;
		}
		String text = origin.strip();
		if (text.endsWith("/")) {
			text = text.substring(0, text.length() - 1);
		}
		try {
			URI uri = new URI(text);
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : null;
			if (!"http".equals(scheme) && !"https".equals(scheme)) {
				return null;
			}
			if (uri.getHost() == null || uri.getRawUserInfo() != null || uri.getRawQuery() != null
					|| uri.getRawFragment() != null || (uri.getRawPath() != null && !uri.getRawPath().isEmpty())) {
				return null;
			}
			int port = uri.getPort();
			boolean defaultPort = port == -1 || ("http".equals(scheme) && port == 80)
					|| ("https".equals(scheme) && port == 443);
			return scheme + "://" + uri.getHost().toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port);
		}
		catch (java.net.URISyntaxException ex) {
			return null;
		}
	}

	static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return (authentication != null && authentication.getName() != null) ? authentication.getName() : "system";
	}

	private String newKey() {
		byte[] secret = new byte[18];
		this.random.nextBytes(secret);
		return KEY_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
	}

	private static String abbreviate(String key) {
		return key.substring(0, Math.min(key.length(), KEY_PREFIX.length() + 4)) + "…";
	}

	private void forgetAfterCommit() {
		Runnable forget = () -> {
			this.known.clear();
			this.origins = null;
		};
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget.run();
			return;
		}
		// forget now (no request may use a stale entry during the transaction) and again
		// after the commit (a request that read the old row meanwhile must not keep it)
		forget.run();
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCompletion(int status) {
				forget.run();
			}

		});
	}

	private static final String SELECT = """
			SELECT id, name, origin, public_key, enabled, created_by, created_at, key_rotated_at FROM site""";

	private static Site row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		OffsetDateTime rotated = rs.getObject("key_rotated_at", OffsetDateTime.class);
		return new Site(rs.getLong("id"), rs.getString("name"), rs.getString("origin"), rs.getString("public_key"),
				rs.getBoolean("enabled"), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				(rotated != null) ? rotated.toInstant() : null);
	}

	/**
	 * A site.
	 */
	record Site(long id, String name, String origin, String publicKey, boolean enabled, String createdBy,
			Instant createdAt, Instant keyRotatedAt) {

		/** The host of the site's origin. */
		String host() {
			return URI.create(this.origin).getHost();
		}

	}

	private record Remembered(Site site, long since) {
	}

	private record RememberedOrigins(List<String> origins, long since) {
	}

}
