package io.shopops.platform.audit;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import io.shopops.platform.AuditLog;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit entries in the caller's transaction, taking actor and IP from the current
 * request. Every change of state of every module comes through here (placing an order
 * over the API among them), so an entry is one plain {@code INSERT} on the transaction's
 * connection rather than an entity persisted through the persistence context; the entries
 * are only ever added ({@link AuditEntry} reads them, and the database refuses updates
 * and deletes).
 */
@Service
class JdbcAuditLog implements AuditLog {

	static final String SYSTEM = "system";

	private final JdbcClient jdbc;

	JdbcAuditLog(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	@Transactional
	public void record(String action, String objectType, String objectId, String summary) {
		recordAs(currentActor(), action, objectType, objectId, summary);
	}

	@Override
	@Transactional
	public void recordAs(String actor, String action, String objectType, String objectId, String summary) {
		this.jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, object_type, object_id, summary, ip)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(Instant.now().atOffset(ZoneOffset.UTC), limit(actor, 64), limit(action, 64), limit(objectType, 64),
					limit(objectId, 128), summary, limit(currentIp(), 64))
			.update();
	}

	@Override
	@Transactional
	public void recordAll(List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		this.jdbc.sql("""
				INSERT INTO audit_entry (occurred_at, actor, action, object_type, object_id, summary, ip)
				SELECT ?, ?, e.action, e.object_type, e.object_id, e.summary, ?
				FROM unnest(?::text[], ?::text[], ?::text[], ?::text[]) WITH ORDINALITY
				  AS e (action, object_type, object_id, summary, n)
				ORDER BY e.n""")
			.params(Instant.now().atOffset(ZoneOffset.UTC), limit(currentActor(), 64), limit(currentIp(), 64),
					entries.stream().map((e) -> limit(e.action(), 64)).toArray(String[]::new),
					entries.stream().map((e) -> limit(e.objectType(), 64)).toArray(String[]::new),
					entries.stream().map((e) -> limit(e.objectId(), 128)).toArray(String[]::new),
					entries.stream().map(Entry::summary).toArray(String[]::new))
			.update();
	}

	private static String currentActor() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return SYSTEM;
		}
		return authentication.getName();
	}

	private static String currentIp() {
		if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
			HttpServletRequest request = attributes.getRequest();
			return request.getRemoteAddr();
		}
		return null;
	}

	private static String limit(String value, int length) {
		return (value != null && value.length() > length) ? value.substring(0, length) : value;
	}

}
