package io.shopops.growth.traffic;

import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A tracked link: a landing page with the campaign parameters that {@code collect.js}
 * reads ({@code utm_source}, {@code utm_medium}, {@code utm_campaign},
 * {@code utm_content}, and {@code code} for a content piece's tracking code).
 *
 * @param id the link's id, 0 before it is stored
 * @param name what the link is for
 * @param baseUrl the landing page
 * @param utmSource where the link is placed, e.g. {@code xiaohongshu}
 * @param utmMedium the kind of placement, e.g. {@code social}, {@code cpc}
 * @param utmCampaign the campaign
 * @param utmContent which variant or placement, may be {@code null}
 * @param contentCode a content piece's tracking code, may be {@code null}
 * @param url the tracked link
 * @param createdBy who made it
 * @param createdAt when
 */
record UtmLink(long id, String name, String baseUrl, String utmSource, String utmMedium, String utmCampaign,
		String utmContent, String contentCode, String url, String createdBy, Instant createdAt) {

	static final int MAX_NAME = 120;

	static final int MAX_BASE_URL = 1000;

	static final int MAX_URL = 2048;

	/**
	 * Builds the tracked link of a landing page: the page's own query and fragment are
	 * kept, parameters of the same names are replaced, values are percent-encoded (UTF-8,
	 * so Chinese campaign names survive every browser and chat app).
	 * @param baseUrl an absolute http(s) URL
	 * @param parameters the campaign parameters by name; {@code null} values are left out
	 * @return the link
	 * @throws IllegalArgumentException if the base is not an absolute http(s) URL
	 */
	static String build(String baseUrl, Map<String, String> parameters) {
		URI base = parse(baseUrl);
		if (base == null) {
			throw new IllegalArgumentException("not an absolute http(s) URL: " + baseUrl);
		}
		String raw = baseUrl.strip();
		String fragment = "";
		int hash = raw.indexOf('#');
		if (hash >= 0) {
			fragment = raw.substring(hash);
			raw = raw.substring(0, hash);
		}
		String path = raw;
		List<String> kept = new ArrayList<>();
		int question = raw.indexOf('?');
		if (question >= 0) {
			path = raw.substring(0, question);
			for (String pair : raw.substring(question + 1).split("&")) {
				if (pair.isEmpty()) {
					continue;
				}
				String key = pair.split("=", 2)[0];
				if (!parameters.containsKey(key)) {
					kept.add(pair);
				}
			}
		}
		StringBuilder url = new StringBuilder(path);
		if (base.getRawPath() == null || base.getRawPath().isEmpty()) {
			url.append('/');
		}
		char separator = '?';
		for (String pair : kept) {
			url.append(separator).append(pair);
			separator = '&';
		}
		for (Map.Entry<String, String> parameter : parameters.entrySet()) {
			if (parameter.getValue() == null) {
				continue;
			}
			url.append(separator)
				.append(parameter.getKey())
				.append('=')
				.append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8).replace("+", "%20"));
			separator = '&';
		}
		return url.append(fragment).toString();
	}

	/**
	 * The campaign parameters of a link in the order they appear in it.
	 */
	static Map<String, String> parameters(String source, String medium, String campaign, String content,
			String contentCode) {
		Map<String, String> parameters = new LinkedHashMap<>();
		parameters.put("utm_source", source);
		parameters.put("utm_medium", medium);
		parameters.put("utm_campaign", campaign);
		parameters.put("utm_content", content);
		parameters.put("code", contentCode);
		return parameters;
	}

	/**
	 * Parses an absolute http(s) URL with a host.
	 * @return the URI, or {@code null} when it is not one
	 */
	static URI parse(String url) {
		if (url == null || url.isBlank() || url.strip().length() > MAX_BASE_URL) {
			return null;
		}
		try {
			URI uri = new URI(url.strip());
			String scheme = (uri.getScheme() != null) ? uri.getScheme().toLowerCase(Locale.ROOT) : "";
			if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
				return null;
			}
			return uri;
		}
		catch (URISyntaxException ex) {
			return null;
		}
	}

}
