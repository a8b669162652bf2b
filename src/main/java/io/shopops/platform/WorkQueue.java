package io.shopops.platform;

/**
 * A queue of work shown as a card with its count on the operator home page, contributed
 * by a module as a bean. Cards are shown only to users whose role may open
 * {@link #path()}.
 */
public interface WorkQueue {

	/**
	 * The message key of the card's title.
	 * @return the key, never {@code null}
	 */
	String labelKey();

	/**
	 * The page that lists the queue's items.
	 * @return a URL path starting with {@code /}, never {@code null}
	 */
	String path();

	/**
	 * The Bootstrap Icons name of the card.
	 * @return the icon name, never {@code null}
	 */
	String icon();

	/**
	 * How many items wait in the queue now.
	 * @return the count, zero or more
	 */
	long count();

}
