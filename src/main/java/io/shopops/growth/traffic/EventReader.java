package io.shopops.growth.traffic;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import tools.jackson.databind.JsonNode;

/**
 * Reads and checks one event of the collection contract; an event that breaks a rule is
 * {@code null} (the caller counts it as rejected). The rules: a known {@code type}; a
 * {@code visitorId} (and optional {@code sessionId}) of 1–64 letters, digits or
 * {@code . _ : -}; a {@code sku} for product views and add-to-cart; texts within their
 * sizes and without NUL; {@code at} (ISO-8601 or epoch milliseconds, default: now) no
 * more than 7 days in the past or 10 minutes in the future. Missing {@code utm} values
 * are taken from the {@code utm_*} parameters of the {@code url}.
 */
final class EventReader {

	static final Set<String> TYPES = Set.of("page_view", "product_view", "add_to_cart", "checkout");

	static final Duration MAX_AGE = Duration.ofDays(7);

	static final Duration MAX_AHEAD = Duration.ofMinutes(10);

	private static final Pattern ID = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

	private static final Object INVALID = new Object();

	private EventReader() {
	}

	/** An event of a JSON batch. */
	static CollectedEvent fromJson(JsonNode node, Instant now) {
		if (node == null || !node.isObject()) {
			return null;
		}
		JsonNode utm = node.get("utm");
		if (utm != null && !utm.isNull() && !utm.isObject()) {
			return null;
		}
		Function<String, Object> utmField = (name) -> (utm != null && !utm.isNull()) ? text(utm.get(name)) : null;
		JsonNode at = node.get("at");
		Object time;
		if (at == null || at.isNull()) {
			time = null;
		}
		else if (at.isIntegralNumber() && at.canConvertToLong()) {
			time = at.longValue();
		}
		else {
			time = text(at);
		}
		return read(text(node.get("type")), text(node.get("visitorId")), text(node.get("sessionId")),
				text(node.get("url")), text(node.get("referrer")), utmField.apply("source"), utmField.apply("medium"),
				utmField.apply("campaign"), utmField.apply("content"), text(node.get("contentCode")),
				text(node.get("sku")), time, now);
	}

	/** An event of the pixel's query parameters. */
	static CollectedEvent fromParameters(Map<String, String> parameters, Instant now) {
		return read(parameters.get("type"), parameters.get("visitorId"), parameters.get("sessionId"),
				parameters.get("url"), parameters.get("referrer"), parameters.get("utm_source"),
				parameters.get("utm_medium"), parameters.get("utm_campaign"), parameters.get("utm_content"),
				parameters.get("contentCode"), parameters.get("sku"), parameters.get("at"), now);
	}

	private static CollectedEvent read(Object type, Object visitorId, Object sessionId, Object url, Object referrer,
			Object utmSource, Object utmMedium, Object utmCampaign, Object utmContent, Object contentCode, Object sku,
			Object at, Instant now) {
		if (!(type instanceof String typeName) || !TYPES.contains(typeName)) {
			return null;
		}
		if (!(visitorId instanceof String visitor) || !ID.matcher(visitor).matches()) {
			return null;
		}
		String session = optional(sessionId, 64);
		if (session == INVALID_TEXT || (session != null && !ID.matcher(session).matches())) {
			return null;
		}
		String page = optional(url, 2048);
		String from = optional(referrer, 2048);
		String code = optional(contentCode, 64);
		String product = optional(sku, 64);
		String source = optional(utmSource, 100);
		String medium = optional(utmMedium, 100);
		String campaign = optional(utmCampaign, 200);
		String content = optional(utmContent, 200);
		for (String value : new String[] { page, from, code, product, source, medium, campaign, content }) {
			if (value == INVALID_TEXT) {
				return null;
			}
		}
		if (product == null && (typeName.equals("product_view") || typeName.equals("add_to_cart"))) {
			return null;
		}
		Instant when = time(at, now);
		if (when == null) {
			return null;
		}
		if (page != null && source == null && medium == null && campaign == null && content == null) {
			Map<String, String> query = utmOf(page);
			source = bounded(query.get("utm_source"), 100);
			medium = bounded(query.get("utm_medium"), 100);
			campaign = bounded(query.get("utm_campaign"), 200);
			content = bounded(query.get("utm_content"), 200);
		}
		return new CollectedEvent(typeName, visitor, session, page, from, source, medium, campaign, content, code,
				product, when);
	}

	/** Marks a text that breaks a rule (compared by identity). */
	private static final String INVALID_TEXT = new String("\u0000invalid");

	private static String optional(Object value, int max) {
		if (value == null) {
			return null;
		}
		if (value == INVALID || !(value instanceof String text)) {
			return INVALID_TEXT;
		}
		String stripped = text.strip();
		if (stripped.isEmpty()) {
			return null;
		}
		if (stripped.length() > max || stripped.indexOf('\u0000') >= 0) {
			return INVALID_TEXT;
		}
		return stripped;
	}

	private static String bounded(String value, int max) {
		if (value == null || value.isBlank() || value.indexOf('\u0000') >= 0) {
			return null;
		}
		String stripped = value.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

	private static Instant time(Object at, Instant now) {
		Instant when;
		if (at == null) {
			return now;
		}
		if (at instanceof Long millis) {
			when = Instant.ofEpochMilli(millis);
		}
		else if (at instanceof String text && !text.isBlank() && text.length() <= 40) {
			String value = text.strip();
			try {
				when = value.matches("\\d{1,15}") ? Instant.ofEpochMilli(Long.parseLong(value))
						: OffsetDateTime.parse(value).toInstant();
			}
			catch (DateTimeParseException | ArithmeticException ex) {
				return null;
			}
		}
		else {
			return null;
		}
		if (when.isBefore(now.minus(MAX_AGE)) || when.isAfter(now.plus(MAX_AHEAD))) {
			return null;
		}
		return when;
	}

	/** The {@code utm_*} parameters of a URL's query. */
	static Map<String, String> utmOf(String url) {
		Map<String, String> utm = new HashMap<>();
		String query;
		try {
			query = URI.create(url).getRawQuery();
		}
		catch (IllegalArgumentException ex) {
			int mark = url.indexOf('?');
			query = (mark >= 0) ? url.substring(mark + 1) : null;
		}
		if (query == null) {
			return utm;
		}
		for (String pair : query.split("&")) {
			int equals = pair.indexOf('=');
			if (equals <= 0 || !pair.startsWith("utm_")) {
				continue;
			}
			try {
				utm.putIfAbsent(pair.substring(0, equals),
						URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
			}
			catch (IllegalArgumentException ex) {
				// a broken escape: leave the parameter out
			}
		}
		return utm;
	}

	/** A JSON value as text: strings and numbers; other kinds mark the field invalid. */
	private static Object text(JsonNode node) {
		if (node == null || node.isNull() || node.isMissingNode()) {
			return null;
		}
		if (node.isString()) {
			return node.stringValue();
		}
		if (node.isNumber()) {
			return node.asString();
		}
		return INVALID;
	}

}
