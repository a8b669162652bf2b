package io.shopops.growth.traffic;

import java.io.IOException;
import java.util.Optional;

import io.shopops.growth.traffic.Sites.Site;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers CORS preflights of {@code /collect}: allowed for the origin of the site whose
 * key is in the query ({@code ?key=}), or, without a key (a preflight carries no body),
 * for the origin of any enabled site; the actual request is then checked against its
 * site's origin. A refused preflight carries no CORS headers, so the browser blocks the
 * request; an unknown key in the query is a 401.
 */
class CollectCorsFilter extends OncePerRequestFilter {

	private final Sites sites;

	CollectCorsFilter(Sites sites) {
		this.sites = sites;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!"OPTIONS".equals(request.getMethod())) {
			chain.doFilter(request, response);
			return;
		}
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		String key = request.getParameter("key");
		response.setHeader(HttpHeaders.VARY, String.join(", ", HttpHeaders.ORIGIN,
				HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD, HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS));
		boolean allowed;
		if (key != null) {
			Optional<Site> site = this.sites.byKey(key);
			if (site.isEmpty()) {
				response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
				return;
			}
			allowed = origin != null && origin.equalsIgnoreCase(site.get().origin());
		}
		else {
			allowed = origin != null && this.sites.enabledOrigin(origin);
		}
		if (!allowed) {
			response.setStatus(HttpServletResponse.SC_FORBIDDEN);
			return;
		}
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin);
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, "POST, GET, OPTIONS");
		response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, "Content-Type");
		response.setHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, "600");
		response.setStatus(HttpServletResponse.SC_NO_CONTENT);
	}

}
