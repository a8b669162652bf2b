package io.shopops.platform.web;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses requests before anything else handles them, login included: a NUL character
 * (U+0000) in the path, a parameter name or value (multipart text fields too) is a 400
 * with a message, because no value of ShopOps may contain one and PostgreSQL refuses it;
 * {@code /error} opened directly is a 404, since it is only the target of error
 * dispatches.
 */
class RequestScreeningFilter extends OncePerRequestFilter {

	/** The request attribute naming the message key of a refusal. */
	static final String PROBLEM = RequestScreeningFilter.class.getName() + ".problem";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (path.equals("/error") || path.startsWith("/error/")) {
			response.sendError(HttpServletResponse.SC_NOT_FOUND);
			return;
		}
		if (containsNul(request)) {
			request.setAttribute(PROBLEM, "error.badInput.nul");
			response.sendError(HttpServletResponse.SC_BAD_REQUEST);
			return;
		}
		chain.doFilter(request, response);
	}

	private static boolean containsNul(HttpServletRequest request) {
		if (hasNul(request.getRequestURI()) || hasNul(request.getServletPath()) || hasNul(request.getPathInfo())) {
			return true;
		}
		for (var parameter : request.getParameterMap().entrySet()) {
			if (hasNul(parameter.getKey())) {
				return true;
			}
			for (String value : parameter.getValue()) {
				if (hasNul(value)) {
					return true;
				}
			}
		}
		return false;
	}

	private static boolean hasNul(String text) {
		return text != null && text.indexOf('\u0000') >= 0;
	}

}
