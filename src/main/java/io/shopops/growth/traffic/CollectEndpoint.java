package io.shopops.growth.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.traffic.Sites.Site;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpHeaders;

/**
 * The stable collection endpoint of the shop's own sites (see the README, "Traffic
 * collection"): {@code POST /collect} with a JSON batch, and {@code GET /collect.gif}, a
 * 1×1 pixel for one event. A request names its site by the site's public key; browsers
 * may send from the site's origin only, and preflights ({@code OPTIONS}) are allowed for
 * it. Invalid events are counted and dropped; valid ones are committed before the answer,
 * together with other requests' events ({@link CollectWriter}); when that commit fails
 * the answer is {@code 503} (none of the request's events is known to be stored).
 * <p>
 * It is a servlet filter for exactly these two paths, ahead of every other filter, and
 * answers every request itself: the endpoint is public and stateless and needs none of
 * the pages' machinery (security chain, session, CSRF token, login redirect, locale,
 * handler mapping, model, message converters), which cost a single-event request more
 * than the rest together. It writes the security headers the pages' chain would.
 */
class CollectEndpoint extends HttpFilter {

	/** The largest body accepted, in bytes. */
	static final int MAX_BYTES = 256 * 1024;

	/** The most events of one batch. */
	static final int MAX_EVENTS = 500;

	static final String COLLECT = "/collect";

	static final String PIXEL_PATH = "/collect.gif";

	static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private static final byte[] UNKNOWN_KEY = json("{\"error\":\"unknown_key\"}");

	private static final byte[] MALFORMED = json("{\"error\":\"malformed_json\"}");

	private static final byte[] EVENTS_MISSING = json("{\"error\":\"events_missing\"}");

	private static final byte[] ORIGIN_NOT_ALLOWED = json("{\"error\":\"origin_not_allowed\"}");

	private static final byte[] RATE_LIMITED = json("{\"error\":\"rate_limited\"}");

	private static final byte[] UNAVAILABLE = json("{\"error\":\"unavailable\"}");

	private static final byte[] METHOD_NOT_ALLOWED = json("{\"error\":\"method_not_allowed\"}");

	private static final byte[] TOO_LARGE = json(
			"{\"error\":\"payload_too_large\",\"maxBytes\":" + MAX_BYTES + ",\"maxEvents\":" + MAX_EVENTS + "}");

	private static final String JSON = "application/json";

	private static final String GIF = "image/gif";

	private final transient Sites sites;

	private final transient TrafficEvents events;

	private final transient CollectWriter writer;

	private final transient CollectRateLimiter limiter;

	private final transient ObjectMapper json;

	CollectEndpoint(Sites sites, TrafficEvents events, CollectWriter writer, CollectRateLimiter limiter,
			ObjectMapper json) {
		this.sites = sites;
		this.events = events;
		this.writer = writer;
		this.limiter = limiter;
		this.json = json;
	}

	@Override
	protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws IOException, ServletException {
		boolean pixel = PIXEL_PATH.equals(request.getServletPath());
		String method = request.getMethod();
		// the pixel's own answers say no-store; every other answer gets the cache headers
		boolean cacheHeaders = !(pixel && ("GET".equals(method) || "HEAD".equals(method)));
		securityHeaders(request, response, cacheHeaders);
		try {
			if ("OPTIONS".equals(method)) {
				preflight(request, response);
			}
			else if (pixel && ("GET".equals(method) || "HEAD".equals(method))) {
				pixel(request, response);
			}
			else if (!pixel && "POST".equals(method)) {
				collect(request, response);
			}
			else {
				response.setHeader(HttpHeaders.ALLOW, pixel ? "GET, HEAD, OPTIONS" : "POST, OPTIONS");
				answer(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED, METHOD_NOT_ALLOWED, null);
			}
		}
		catch (DataAccessException ex) {
			// the sites could not be read: the database is away, nothing could be stored
			if (!response.isCommitted()) {
				response.reset();
				securityHeaders(request, response, cacheHeaders);
				if (!cacheHeaders) {
					gif(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, null, 0);
				}
				else {
					response.setHeader(HttpHeaders.RETRY_AFTER, "5");
					answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE, null);
				}
			}
		}
	}

	private void collect(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (request.getContentLengthLong() > MAX_BYTES) {
			answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, anyOrigin(origin));
			return;
		}
		byte[] bytes = readBounded(request.getInputStream());
		if (bytes == null) {
			answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, anyOrigin(origin));
			return;
		}
		JsonNode root;
		try {
			root = (bytes.length > 0) ? this.json.readTree(bytes) : null;
		}
		catch (JacksonException ex) {
			root = null;
		}
		boolean object = root != null && root.isObject();
		// the body is read, so the parameters come from the query only
		String key = (object && root.path("key").isString()) ? root.get("key").stringValue()
				: request.getParameter("key");
		Optional<Site> site = this.sites.byKey(key);
		if (site.isEmpty()) {
			if (!object) {
				answer(response, HttpServletResponse.SC_BAD_REQUEST, MALFORMED, anyOrigin(origin));
				return;
			}
			answer(response, HttpServletResponse.SC_UNAUTHORIZED, UNKNOWN_KEY, null);
			return;
		}
		if (origin != null && !origin.equalsIgnoreCase(site.get().origin())) {
			answer(response, HttpServletResponse.SC_FORBIDDEN, ORIGIN_NOT_ALLOWED, null);
			return;
		}
		String allowOrigin = (origin != null) ? site.get().origin() : null;
		if (!this.limiter.tryAcquire(site.get().id())) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
			answer(response, 429, RATE_LIMITED, allowOrigin);
			return;
		}
		if (!object) {
			// the key came as ?key=
			answer(response, HttpServletResponse.SC_BAD_REQUEST, MALFORMED, allowOrigin);
			return;
		}
		JsonNode batch = root.get("events");
		if (batch == null || !batch.isArray()) {
			answer(response, HttpServletResponse.SC_BAD_REQUEST, EVENTS_MISSING, allowOrigin);
			return;
		}
		if (batch.size() > MAX_EVENTS) {
			answer(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, TOO_LARGE, allowOrigin);
			return;
		}
		Instant now = Instant.now();
		List<CollectedEvent> valid = new ArrayList<>(batch.size());
		for (JsonNode node : batch) {
			CollectedEvent event = EventReader.fromJson(node, now);
			if (event != null) {
				valid.add(event);
			}
		}
		int accepted;
		try {
			accepted = this.writer.store(this.events.rows(site.get(), valid));
		}
		catch (CollectWriter.CollectFailedException ex) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
			answer(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UNAVAILABLE, allowOrigin);
			return;
		}
		answer(response, HttpServletResponse.SC_ACCEPTED,
				json("{\"accepted\":" + accepted + ",\"rejected\":" + (batch.size() - accepted) + "}"), allowOrigin);
	}

	private void pixel(HttpServletRequest request, HttpServletResponse response) throws IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		Map<String, String> parameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
		Optional<Site> site = this.sites.byKey(parameters.get("key"));
		if (site.isEmpty()) {
			gif(response, HttpServletResponse.SC_UNAUTHORIZED, null, 0);
			return;
		}
		if (origin != null && !origin.equalsIgnoreCase(site.get().origin())) {
			gif(response, HttpServletResponse.SC_FORBIDDEN, null, 0);
			return;
		}
		String allowOrigin = (origin != null) ? site.get().origin() : null;
		if (!this.limiter.tryAcquire(site.get().id())) {
			gif(response, 429, allowOrigin, 0);
			return;
		}
		CollectedEvent event = EventReader.fromParameters(parameters, Instant.now());
		int accepted;
		try {
			accepted = (event != null) ? this.writer.store(this.events.rows(site.get(), List.of(event))) : 0;
		}
		catch (CollectWriter.CollectFailedException ex) {
			gif(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, allowOrigin, 0);
			return;
		}
		gif(response, HttpServletResponse.SC_OK, allowOrigin, accepted);
	}

	/**
	 * A preflight: allowed for the origin of the site whose key is in the query
	 * ({@code ?key=}), or, without a key (a preflight carries no body), for the origin of
	 * any enabled site; the actual request is then checked against its site's origin. A
	 * refused preflight carries no CORS headers, so the browser blocks the request; an
	 * unknown key in the query is a 401.
	 */
	private void preflight(HttpServletRequest request, HttpServletResponse response) {
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

	private static void gif(HttpServletResponse response, int status, String allowOrigin, int accepted)
			throws IOException {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		if (status == HttpServletResponse.SC_OK) {
			response.setHeader("X-Collect-Accepted", String.valueOf(accepted));
			response.setHeader("X-Collect-Rejected", String.valueOf(1 - accepted));
		}
		if (status == 429) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "1");
		}
		if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE) {
			response.setHeader(HttpHeaders.RETRY_AFTER, "5");
		}
		write(response, status, GIF, PIXEL, allowOrigin);
	}

	private static void answer(HttpServletResponse response, int status, byte[] body, String allowOrigin)
			throws IOException {
		write(response, status, JSON, body, allowOrigin);
	}

	private static void write(HttpServletResponse response, int status, String contentType, byte[] body,
			String allowOrigin) throws IOException {
		response.setStatus(status);
		response.setHeader(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		if (allowOrigin != null) {
			response.setHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
		}
		response.setContentType(contentType);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}

	/**
	 * The headers Spring Security writes on the pages' answers: no sniffing, no framing,
	 * no content of any kind ({@code default-src 'none'}), not cached (the pixel says
	 * {@code no-store} itself), HSTS over HTTPS.
	 */
	private static void securityHeaders(HttpServletRequest request, HttpServletResponse response,
			boolean cacheHeaders) {
		response.setHeader("X-Content-Type-Options", "nosniff");
		response.setHeader("X-XSS-Protection", "0");
		response.setHeader("X-Frame-Options", "DENY");
		response.setHeader("Content-Security-Policy", "default-src 'none'");
		if (cacheHeaders) {
			response.setHeader(HttpHeaders.CACHE_CONTROL, "no-cache, no-store, max-age=0, must-revalidate");
			response.setHeader(HttpHeaders.PRAGMA, "no-cache");
			response.setHeader(HttpHeaders.EXPIRES, "0");
		}
		if (request.isSecure()) {
			response.setHeader("Strict-Transport-Security", "max-age=31536000 ; includeSubDomains");
		}
	}

	/** The origin to allow on an answer given before the site is known. */
	private String anyOrigin(String origin) {
		return (origin != null && this.sites.enabledOrigin(origin)) ? origin : null;
	}

	private static byte[] readBounded(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BYTES + 1);
		return (body.length > MAX_BYTES) ? null : body;
	}

	private static byte[] json(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

}
