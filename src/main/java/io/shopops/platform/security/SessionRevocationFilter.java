package io.shopops.platform.security;

import java.io.IOException;

import io.shopops.platform.AuditLog;
import io.shopops.platform.user.UserSessions;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a session on its first request after its user's role, enabled state or password
 * changed: the request goes on as anonymous (so it is sent to the login page), and the
 * end is audited.
 */
class SessionRevocationFilter extends OncePerRequestFilter {

	private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();

	private final UserSessions sessions;

	private final AuditLog auditLog;

	SessionRevocationFilter(UserSessions sessions, AuditLog auditLog) {
		this.sessions = sessions;
		this.auditLog = auditLog;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		if (session != null && !this.sessions.isCurrent(session)) {
			Authentication user = this.contexts.getContext().getAuthentication();
			String username = (user != null) ? user.getName() : "unknown";
			session.invalidate();
			this.contexts.clearContext();
			this.auditLog.recordAs(username, "SESSION_ENDED", "user", username, "access changed since login");
		}
		chain.doFilter(request, response);
	}

}
