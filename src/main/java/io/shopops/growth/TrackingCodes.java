package io.shopops.growth;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Tracking codes: short, URL-safe, upper-case, such as {@code C7K2M9}. Generated codes
 * leave out look-alike characters (0/O, 1/I/L); codes typed by operators may use letters,
 * digits, {@code -} and {@code _}, 3 to 16 characters, and are compared in upper case.
 */
public final class TrackingCodes {

	/**
	 * The longest code.
	 */
	public static final int MAX_LENGTH = 16;

	private static final Pattern VALID = Pattern.compile("[A-Z0-9_-]{3,16}");

	private static final String ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

	private static final SecureRandom RANDOM = new SecureRandom();

	private TrackingCodes() {
	}

	/**
	 * A new random code of six characters, starting with {@code C} (content).
	 * @return the code
	 */
	public static String generate() {
		return generate('C');
	}

	/**
	 * A new random code of six characters starting with the given letter, which tells
	 * what the code tracks: {@code C} content, {@code G} community activities, {@code K}
	 * creators.
	 * @param prefix an upper-case letter
	 * @return the code
	 */
	public static String generate(char prefix) {
		StringBuilder code = new StringBuilder().append(prefix);
		for (int i = 0; i < 5; i++) {
			code.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		return code.toString();
	}

	/**
	 * A code as stored: trimmed and upper case.
	 * @param text the code as typed, may be {@code null}
	 * @return the normalised code, or {@code null} when blank
	 */
	public static String normalize(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		return text.strip().toUpperCase(Locale.ROOT);
	}

	/**
	 * Whether a normalised code has the allowed characters and length.
	 * @param normalized the code from {@link #normalize(String)}, may be {@code null}
	 * @return {@code true} when the code may be stored
	 */
	public static boolean isValid(String normalized) {
		return normalized != null && VALID.matcher(normalized).matches();
	}

}
