package io.shopops.platform;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A request whose parameters are out of bounds or malformed in a way no form can show,
 * such as a date beyond the year 9999 in a filter. It answers 400 with the error page,
 * which shows the message of {@link #messageKey()} in the user's language.
 */
@ResponseStatus(HttpStatus.BAD_REQUEST)
public class BadInputException extends RuntimeException {

	private final String messageKey;

	private final List<Object> args;

	/**
	 * @param messageKey the key of the message explaining what is wrong, never
	 * {@code null}
	 * @param args the message's arguments
	 */
	public BadInputException(String messageKey, Object... args) {
		super(messageKey);
		this.messageKey = messageKey;
		this.args = List.of(args);
	}

	/**
	 * The key of the message explaining what is wrong, never {@code null}.
	 */
	public String messageKey() {
		return this.messageKey;
	}

	/**
	 * The message's arguments, never {@code null}.
	 */
	public List<Object> args() {
		return this.args;
	}

}
