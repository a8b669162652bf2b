package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.util.List;

/**
 * A problem that makes a whole catalog file unreadable, such as an empty file, a binary
 * or spreadsheet file, or a header of no supported format (ShopOps template, Shopify
 * classic or current, WooCommerce) or with too many columns.
 */
public class CatalogFileException extends IOException {

	private final String code;

	private final List<Object> args;

	/**
	 * Creates an exception.
	 * @param code the message key, one of {@link CatalogProblemCodes}
	 * @param args the message arguments
	 */
	public CatalogFileException(String code, List<Object> args) {
		super(code + (args.isEmpty() ? "" : " " + args));
		this.code = code;
		this.args = List.copyOf(args);
	}

	/**
	 * Returns the message key.
	 * @return the message key
	 */
	public String code() {
		return this.code;
	}

	/**
	 * Returns the message arguments.
	 * @return the message arguments
	 */
	public List<Object> args() {
		return this.args;
	}

}
