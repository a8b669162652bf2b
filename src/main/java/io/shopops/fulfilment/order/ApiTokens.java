package io.shopops.fulfilment.order;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.fulfilment.order.OrderInvalidException.Problem;
import io.shopops.platform.ApiAuthenticator;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The API tokens of channel integrations. A token is 32 random bytes, shown once when it
 * is created; only its SHA-256 hash is stored. Every API request checks its token, so
 * known tokens are remembered for at most {@link #REMEMBER_SECONDS} seconds; revoking one
 * forgets it at once in this instance, and at the latest after that time in any other.
 */
@Service
class ApiTokens implements ApiAuthenticator {

	static final long REMEMBER_SECONDS = 30;

	static final int MAX_NAME = 120;

	private static final String TOKEN_PREFIX = "shopops_";

	private static final List<SimpleGrantedAuthority> AUTHORITIES = List.of(new SimpleGrantedAuthority("ROLE_API"));

	private final JdbcClient jdbc;

	private final SalesChannels channels;

	private final AuditLog auditLog;

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Remembered> known = new ConcurrentHashMap<>();

	/**
	 * The tokens revoked by this instance: a request that read a token just before its
	 * revocation committed cannot bring it back into {@link #known}.
	 */
	private final Set<Long> revoked = ConcurrentHashMap.newKeySet();

	ApiTokens(JdbcClient jdbc, SalesChannels channels, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.auditLog = auditLog;
	}

	/**
	 * Creates a token for a channel, audited.
	 * @return the token's id and the token itself, which is not kept
	 * @throws OrderInvalidException if the channel is unknown or the name is missing or
	 * too long
	 */
	@Transactional
	CreatedToken create(String channelCode, String name) {
		List<Problem> problems = new ArrayList<>();
		Optional<SalesChannel> channel = this.channels.find(channelCode).filter(SalesChannel::active);
		if (channel.isEmpty()) {
			problems.add(DraftRules.problem("channel", "order.api.token.channel.unknown"));
		}
		String normalName = (name != null) ? name.strip() : "";
		if (normalName.isEmpty()) {
			problems.add(DraftRules.problem("name", "order.api.token.name.required"));
		}
		else if (normalName.length() > MAX_NAME || normalName.indexOf('\u0000') >= 0) {
			problems.add(DraftRules.problem("name", "order.api.token.name.size", MAX_NAME));
		}
		if (!problems.isEmpty()) {
			throw new OrderInvalidException(problems);
		}
		byte[] secret = new byte[32];
		this.random.nextBytes(secret);
		String token = TOKEN_PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		long id = this.jdbc.sql("""
				INSERT INTO api_token (channel_id, name, token_hash, token_prefix, created_by)
				VALUES (:channel, :name, :hash, :prefix, :actor) RETURNING id""")
			.param("channel", channel.get().id())
			.param("name", normalName)
			.param("hash", hash(token))
			.param("prefix", token.substring(0, TOKEN_PREFIX.length() + 4))
			.param("actor", OrderService.currentActor())
			.query(Long.class)
			.single();
		this.auditLog.record("API_TOKEN_CREATED", "apitoken", String.valueOf(id),
				channel.get().code() + ": " + normalName);
		return new CreatedToken(id, token);
	}

	/**
	 * Revokes a token, audited; revoking a revoked token changes nothing.
	 * @return whether the token exists
	 */
	@Transactional
	boolean revoke(long id) {
		Optional<TokenRow> row = find(id);
		if (row.isEmpty()) {
			return false;
		}
		if (row.get().revokedAt() != null) {
			return true;
		}
		this.jdbc
			.sql("UPDATE api_token SET revoked_at = now(), revoked_by = :actor WHERE id = :id AND revoked_at IS NULL")
			.param("actor", OrderService.currentActor())
			.param("id", id)
			.update();
		this.auditLog.record("API_TOKEN_REVOKED", "apitoken", String.valueOf(id),
				row.get().channelCode() + ": " + row.get().name());
		forgetAfterCommit(id);
		return true;
	}

	@Transactional(readOnly = true)
	List<TokenRow> list() {
		return this.jdbc.sql(SELECT + " ORDER BY t.revoked_at IS NOT NULL, t.id DESC").query(ApiTokens::row).list();
	}

	@Transactional(readOnly = true)
	Optional<TokenRow> find(long id) {
		return this.jdbc.sql(SELECT + " WHERE t.id = :id").param("id", id).query(ApiTokens::row).optional();
	}

	@Override
	public Optional<Authentication> authenticate(String token) {
		if (!token.startsWith(TOKEN_PREFIX) || token.length() > 100) {
			return Optional.empty();
		}
		String hash = hash(token);
		long now = System.nanoTime();
		Remembered remembered = this.known.get(hash);
		if (remembered == null || now - remembered.since() > REMEMBER_SECONDS * 1_000_000_000L) {
			Optional<ApiCaller> caller = this.jdbc.sql("""
					SELECT t.id, c.code FROM api_token t JOIN sales_channel c ON c.id = t.channel_id
					WHERE t.token_hash = :hash AND t.revoked_at IS NULL AND c.active""")
				.param("hash", hash)
				.query((rs, n) -> new ApiCaller(rs.getLong(1), rs.getString(2)))
				.optional();
			if (caller.isEmpty()) {
				this.known.remove(hash);
				return Optional.empty();
			}
			remembered = new Remembered(caller.get(), now);
			this.known.put(hash, remembered);
		}
		if (this.revoked.contains(remembered.caller().tokenId())) {
			this.known.remove(hash);
			return Optional.empty();
		}
		return Optional.of(UsernamePasswordAuthenticationToken.authenticated(remembered.caller(), null, AUTHORITIES));
	}

	private void forgetAfterCommit(long id) {
		Runnable forget = () -> {
			this.revoked.add(id);
			this.known.values().removeIf((r) -> r.caller().tokenId() == id);
		};
		if (!TransactionSynchronizationManager.isSynchronizationActive()) {
			forget.run();
			return;
		}
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				forget.run();
			}

		});
	}

	static String hash(String token) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is missing", ex);
		}
	}

	private static final String SELECT = """
			SELECT t.id, c.code, t.name, t.token_prefix, t.created_by, t.created_at, t.revoked_by, t.revoked_at
			FROM api_token t JOIN sales_channel c ON c.id = t.channel_id""";

	private static TokenRow row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		OffsetDateTime revoked = rs.getObject("revoked_at", OffsetDateTime.class);
		return new TokenRow(rs.getLong("id"), rs.getString("code"), rs.getString("name"), rs.getString("token_prefix"),
				rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class).toInstant(),
				rs.getString("revoked_by"), (revoked != null) ? revoked.toInstant() : null);
	}

	/**
	 * A token just created.
	 *
	 * @param id its id
	 * @param token the token, shown once
	 */
	record CreatedToken(long id, String token) {
	}

	/**
	 * A token as the list shows it, without its secret.
	 */
	record TokenRow(long id, String channelCode, String name, String prefix, String createdBy, Instant createdAt,
			String revokedBy, Instant revokedAt) {

		public boolean revoked() {
			return this.revokedAt != null;
		}

	}

	private record Remembered(ApiCaller caller, long since) {
	}

}
