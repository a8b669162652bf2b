package io.shopops.platform;

/**
 * An entry of the main navigation, contributed by a module as a bean. The layout shows it
 * only to users whose role may open {@link #path()}, grouped by {@link #section()} and
 * sorted by {@link #order()}.
 *
 * @param section the group the entry appears in
 * @param order the position inside the group, ascending
 * @param labelKey the message key of the label
 * @param path the URL path the entry opens, starting with {@code /}
 * @param icon the Bootstrap Icons name, e.g. {@code box-seam}
 */
public record NavigationItem(Section section, int order, String labelKey, String path, String icon) {

	/**
	 * The navigation groups, one per layer of the product.
	 */
	public enum Section {

		HOME, FULFILMENT, GROWTH, DASHBOARD, ADMIN

	}

}
