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

	/**
	 * A queue from its parts.
	 * @param labelKey the message key of the card's title
	 * @param path the page that lists the queue's items
	 * @param icon the Bootstrap Icons name of the card
	 * @param count how many items wait now, asked each time the card is shown
	 * @return the queue
	 */
	static WorkQueue of(String labelKey, String path, String icon, java.util.function.LongSupplier count) {
		return new WorkQueue() {

			@Override
			public String labelKey() {
				return labelKey;
			}

			@Override
			public String path() {
				return path;
			}

			@Override
			public String icon() {
				return icon;
			}

			@Override
			public long count() {
				return count.getAsLong();
			}

		};
	}

}
