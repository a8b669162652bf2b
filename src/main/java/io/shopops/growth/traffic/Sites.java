package io.shopops.growth.traffic;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DataAccessException;
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
 * origin only. Every collected request looks its key up, so the enabled sites are kept in
 * memory, read again at least every {@link #REFRESH_NANOS} (a key disabled or rotated in
 * another instance is refused within about a second) and before the next lookup after a
 * change in this instance (refused at once).
 */
@Service
class Sites {

	static final int MAX_NAME = 120;

	static final int MAX_ORIGIN = 255;

	static final String KEY_PREFIX = "pk_";

	/** How long the enabled sites are used from memory before they are read again. */
	static final long REFRESH_NANOS = 1_000_000_000L;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final SecureRandom random = new SecureRandom();

	/**
	 * Counts the changes of sites in this instance; what was read before one is stale.
	 */
	private final AtomicLong generation = new AtomicLong();

	private final AtomicBoolean refreshing = new AtomicBoolean();

	private volatile Enabled enabled;

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
	 * The enabled site with this key, from memory: the enabled sites are read at most
	 * every {@link #REFRESH_NANOS} (by one request, the others go on meanwhile with what
	 * was read before), and again before the next lookup whenever a site is added,
	 * enabled, disabled or given a new key in this instance. An unknown key costs no
	 * query.
	 */
	Optional<Site> byKey(String key) {
		if (key == null || !key.startsWith(KEY_PREFIX) || key.length() > 64) {
			return Optional.empty();
		}
		return Optional.ofNullable(enabled().byKey().get(key));
	}

	/** Whether an enabled site has this origin (for preflights, which carry no key). */
	boolean enabledOrigin(String origin) {
		return origin != null && enabled().origins().contains(origin.toLowerCase(Locale.ROOT));
	}

	private Enabled enabled() {
		Enabled current = this.enabled;
		long generation = this.generation.get();
		if (current == null || current.generation() != generation) {
			// a site changed here: nobody may go on with what was read before
			return load(generation);
		}
		if (System.nanoTime() - current.since() > REFRESH_NANOS && this.refreshing.compareAndSet(false, true)) {
			try {
				return load(generation);
			}
			catch (DataAccessException ex) {
				// the database is away: nothing can be stored either, so go on with what
				// we have
				return current;
			}
			finally {
				this.refreshing.set(false);
			}
		}
		return current;
	}

	private Enabled load(long generation) {
		Map<String, Site> byKey = new HashMap<>();
		Set<String> origins = new HashSet<>();
		for (Site site : this.jdbc.sql(SELECT + " WHERE enabled").query(Sites::row).list()) {
			byKey.put(site.publicKey(), site);
			origins.add(site.origin());
		}
		// stamped with the generation seen before the query: if a site changed meanwhile,
		// the next lookup reads again
		Enabled loaded = new Enabled(Map.copyOf(byKey), Set.copyOf(origins), System.nanoTime(), generation);
		this.enabled = loaded;
		return loaded;
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
		Runnable forget = this.generation::incrementAndGet;
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

		/**
		 * The host of the site's origin ({@code scheme://host[:port]}, as
		 * {@link Sites#normalizeOrigin} keeps it), like {@link URI#getHost()}.
		 */
		String host() {
			if (!this.origin.contains("://")) {
				return URI.create(this.origin).getHost();
			}
			int start = this.origin.indexOf("://") + 3;
			int end = this.origin.startsWith("[", start) ? this.origin.indexOf(']', start) + 1
					: this.origin.indexOf(':', start);
			return this.origin.substring(start, (end > start) ? end : this.origin.length());
		}

	}

	/**
	 * The enabled sites by key, their origins, when they were read, and the generation.
	 */
	private record Enabled(Map<String, Site> byKey, Set<String> origins, long since, long generation) {
	}

}
