package io.shopops.platform.audit;

import io.shopops.platform.AuditLog;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Writes audit entries in the caller's transaction, taking actor and IP from the current
 * request.
 */
@Service
class JpaAuditLog implements AuditLog {

	static final String SYSTEM = "system";

	private final AuditEntryRepository entries;

	JpaAuditLog(AuditEntryRepository entries) {
		this.entries = entries;
	}

	@Override
	@Transactional
	public void record(String action, String objectType, String objectId, String summary) {
		recordAs(currentActor(), action, objectType, objectId, summary);
	}

	@Override
	@Transactional
	public void recordAs(String actor, String action, String objectType, String objectId, String summary) {
		this.entries.save(new AuditEntry(limit(actor, 64), limit(action, 64), limit(objectType, 64),
				limit(objectId, 128), summary, limit(currentIp(), 64)));
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
