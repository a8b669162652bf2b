package io.shopops.growth.traffic;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.traffic.Sites.Site;
import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The stable collection endpoint of the shop's own sites (see the README, "Traffic
 * collection"): {@code POST /collect} with a JSON batch, and {@code GET /collect.gif}, a
 * 1×1 pixel for one event. A request names its site by the site's public key; browsers
 * may send from the site's origin only ({@link CollectCorsFilter} answers preflights).
 * Invalid events are counted and dropped; valid ones are committed before the answer,
 * together with other requests' events ({@link CollectWriter}); when that commit fails
 * the answer is {@code 503} (none of the request's events is known to be stored).
 */
@RestController
class CollectController {

	/** The largest body accepted, in bytes. */
	static final int MAX_BYTES = 256 * 1024;

	/** The most events of one batch. */
	static final int MAX_EVENTS = 500;

	static final byte[] PIXEL = Base64.getDecoder().decode("R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7");

	private static final MediaType GIF = MediaType.IMAGE_GIF;

	private final Sites sites;

	private final TrafficEvents events;

	private final CollectWriter writer;

	private final CollectRateLimiter limiter;

	private final ObjectMapper json;

	CollectController(Sites sites, TrafficEvents events, CollectWriter writer, CollectRateLimiter limiter,
			ObjectMapper json) {
		this.sites = sites;
		this.events = events;
		this.writer = writer;
		this.limiter = limiter;
		this.json = json;
	}

	@PostMapping(path = "/collect", produces = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<Map<String, Object>> collect(HttpServletRequest request,
			@RequestParam(name = "key", required = false) String keyParameter) throws IOException {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		if (request.getContentLengthLong() > MAX_BYTES) {
			return refusal(HttpStatus.CONTENT_TOO_LARGE, tooLarge(), anyOrigin(origin));
		}
		byte[] bytes = readBounded(request.getInputStream());
		if (bytes == null) {
			return refusal(HttpStatus.CONTENT_TOO_LARGE, tooLarge(), anyOrigin(origin));
		}
		JsonNode root;
		try {
			root = this.json.readTree(bytes);
		}
		catch (JacksonException ex) {
			root = null;
		}
		String key = (root != null && root.isObject() && root.path("key").isString()) ? root.get("key").stringValue()
				: keyParameter;
		Optional<Site> site = this.sites.byKey(key);
		if (site.isEmpty()) {
			if (root == null || !root.isObject()) {
				return refusal(HttpStatus.BAD_REQUEST, error("malformed_json"), anyOrigin(origin));
			}
			return refusal(HttpStatus.UNAUTHORIZED, error("unknown_key"), null);
		}
		if (origin != null && !origin.equalsIgnoreCase(site.get().origin())) {
			return refusal(HttpStatus.FORBIDDEN, error("origin_not_allowed"), null);
		}
		String allowOrigin = (origin != null) ? site.get().origin() : null;
		if (!this.limiter.tryAcquire(site.get().id())) {
			return refusal(HttpStatus.TOO_MANY_REQUESTS, error("rate_limited"), allowOrigin);
		}
		if (root == null || !root.isObject()) {
			// the key came as ?key=
			return refusal(HttpStatus.BAD_REQUEST, error("malformed_json"), allowOrigin);
		}
		JsonNode batch = root.get("events");
		if (batch == null || !batch.isArray()) {
			return refusal(HttpStatus.BAD_REQUEST, error("events_missing"), allowOrigin);
		}
		if (batch.size() > MAX_EVENTS) {
			return refusal(HttpStatus.CONTENT_TOO_LARGE, tooLarge(), allowOrigin);
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
			return refusal(HttpStatus.SERVICE_UNAVAILABLE, error("unavailable"), allowOrigin);
		}
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("accepted", accepted);
		body.put("rejected", batch.size() - accepted);
		return withCors(ResponseEntity.status(HttpStatus.ACCEPTED), allowOrigin).body(body);
	}

	@GetMapping("/collect.gif")
	ResponseEntity<byte[]> pixel(HttpServletRequest request) {
		String origin = request.getHeader(HttpHeaders.ORIGIN);
		Map<String, String> parameters = new HashMap<>();
		request.getParameterMap().forEach((name, values) -> parameters.put(name, values[0]));
		Optional<Site> site = this.sites.byKey(parameters.get("key"));
		if (site.isEmpty()) {
			return gif(HttpStatus.UNAUTHORIZED, null, 0);
		}
		if (origin != null && !origin.equalsIgnoreCase(site.get().origin())) {
			return gif(HttpStatus.FORBIDDEN, null, 0);
		}
		String allowOrigin = (origin != null) ? site.get().origin() : null;
		if (!this.limiter.tryAcquire(site.get().id())) {
			return gif(HttpStatus.TOO_MANY_REQUESTS, allowOrigin, 0);
		}
		CollectedEvent event = EventReader.fromParameters(parameters, Instant.now());
		int accepted;
		try {
			accepted = (event != null) ? this.writer.store(this.events.rows(site.get(), List.of(event))) : 0;
		}
		catch (CollectWriter.CollectFailedException ex) {
			return gif(HttpStatus.SERVICE_UNAVAILABLE, allowOrigin, 0);
		}
		return gif(HttpStatus.OK, allowOrigin, accepted);
	}

	private ResponseEntity<byte[]> gif(HttpStatus status, String allowOrigin, int accepted) {
		ResponseEntity.BodyBuilder builder = withCors(ResponseEntity.status(status), allowOrigin).contentType(GIF)
			.cacheControl(CacheControl.noStore());
		if (status == HttpStatus.OK) {
			builder.header("X-Collect-Accepted", String.valueOf(accepted))
				.header("X-Collect-Rejected", String.valueOf(1 - accepted));
		}
		if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
			builder.header(HttpHeaders.RETRY_AFTER, retryAfter(status));
		}
		return builder.body(PIXEL);
	}

	/** The origin to allow on an answer given before the site is known. */
	private String anyOrigin(String origin) {
		return (origin != null && this.sites.enabledOrigin(origin)) ? origin : null;
	}

	private static ResponseEntity<Map<String, Object>> refusal(HttpStatus status, Map<String, Object> body,
			String allowOrigin) {
		ResponseEntity.BodyBuilder builder = withCors(ResponseEntity.status(status), allowOrigin);
		if (status == HttpStatus.TOO_MANY_REQUESTS || status == HttpStatus.SERVICE_UNAVAILABLE) {
			builder.header(HttpHeaders.RETRY_AFTER, retryAfter(status));
		}
		return builder.body(body);
	}

	/** Seconds before trying again: 1 after the rate limit, 5 when storing failed. */
	private static String retryAfter(HttpStatus status) {
		return (status == HttpStatus.SERVICE_UNAVAILABLE) ? "5" : "1";
	}

	static <B extends ResponseEntity.HeadersBuilder<B>> B withCors(B builder, String allowOrigin) {
		builder.header(HttpHeaders.VARY, HttpHeaders.ORIGIN);
		if (allowOrigin != null) {
			builder.header(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, allowOrigin);
		}
		return builder;
	}

	private static Map<String, Object> error(String code) {
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("error", code);
		return body;
	}

	private static Map<String, Object> tooLarge() {
		Map<String, Object> body = error("payload_too_large");
		body.put("maxBytes", MAX_BYTES);
		body.put("maxEvents", MAX_EVENTS);
		return body;
	}

	private static byte[] readBounded(InputStream in) throws IOException {
		byte[] body = in.readNBytes(MAX_BYTES + 1);
		return (body.length > MAX_BYTES) ? null : body;
	}

}
