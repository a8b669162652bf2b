package io.shopops.fulfilment.catalog;

/**
 * A category as other modules' filters offer it.
 *
 * @param id the category's id
 * @param path its path, every ancestor's name joined with {@code " > "}
 */
public record CategoryPath(long id, String path) {

	/** What separates the names of a path. */
	public static final String SEPARATOR = Category.SEPARATOR;

	/**
	 * Whether a category path is this category or one below it.
	 * @param other a category path, may be {@code null}
	 * @return whether it lies in this category
	 */
	public boolean contains(String other) {
		return other != null && (other.equals(this.path) || other.startsWith(this.path + SEPARATOR));
	}

}
