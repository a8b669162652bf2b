package io.shopops.fulfilment.catalog;

import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An image of a product, stored with the product as JSON.
 *
 * @param url absolute http(s) URL, or the path of a demo image shipped in the jar (see
 * {@link #isDemoImage(String)})
 * @param position display order, from 1
 * @param alt alternative text, may be {@code null}
 */
public record ProductImage(String url, int position, String alt) {

	/**
	 * Where the demo images shipped in the jar are served.
	 */
	public static final String DEMO_IMAGE_PATH = "/images/demo/";

	/**
	 * The demo images under {@code static/images/demo/}, by name without {@code .svg}.
	 */
	static final Set<String> DEMO_IMAGES = Set.of("apparel", "bags", "beauty", "electronics", "home", "shoes", "tea");

	private static final Pattern DEMO_IMAGE = Pattern.compile(Pattern.quote(DEMO_IMAGE_PATH) + "([a-z0-9-]+)\\.svg");

	/**
	 * Whether a URL is the path of one of the demo images the application serves itself.
	 * These are the only image URLs accepted without a host, so that the demo shop needs
	 * no outside server and its products stay editable.
	 * @param url the URL as written, never {@code null}
	 * @return whether it names a demo image
	 */
	public static boolean isDemoImage(String url) {
		Matcher matcher = DEMO_IMAGE.matcher(url);
		return matcher.matches() && DEMO_IMAGES.contains(matcher.group(1));
	}

}
