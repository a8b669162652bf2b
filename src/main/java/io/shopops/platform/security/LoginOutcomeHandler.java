package io.shopops.platform.security;

import java.io.IOException;

import io.shopops.platform.AuditLog;
import io.shopops.platform.user.UserSessions;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.stereotype.Component;

/**
 * Records each login's outcome in the throttle and the audit log, ties a new session to
 * its user's access, then sends the browser on.
 */
@Component
class LoginOutcomeHandler extends SavedRequestAwareAuthenticationSuccessHandler
		implements AuthenticationFailureHandler {

	private final LoginThrottle throttle;

	private final AuditLog auditLog;

	private final UserSessions sessions;

	LoginOutcomeHandler(LoginThrottle throttle, AuditLog auditLog, UserSessions sessions) {
		this.throttle = throttle;
		this.auditLog = auditLog;
		this.sessions = sessions;
		setDefaultTargetUrl("/");
	}

	@Override
	public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
			Authentication authentication) throws ServletException, IOException {
		this.throttle.recordSuccess(authentication.getName());
		this.sessions.remember(request.getSession(), authentication.getName());
		this.auditLog.recordAs(authentication.getName(), "LOGIN_SUCCEEDED", "user", authentication.getName(), null);
		super.onAuthenticationSuccess(request, response, authentication);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = String.valueOf(request.getParameter("username")).strip();
		if (exception instanceof LoginThrottledException throttled) {
			this.auditLog.recordAs(username, "LOGIN_REFUSED", "user", username, "throttled");
			long minutes = Math.max(1, (throttled.retryAfter().toSeconds() + 59) / 60);
			response.sendRedirect(request.getContextPath() + "/login?throttled=" + minutes);
			return;
		}
		this.throttle.recordFailure(username, request.getRemoteAddr());
		this.auditLog.recordAs(username, "LOGIN_FAILED", "user", username, exception.getClass().getSimpleName());
		response.sendRedirect(request.getContextPath() + "/login?error");
	}

}
