package io.shopops.fulfilment.catalog.importing;

/**
 * Receives what {@link CatalogFileReader#read} finds, while it streams through a file.
 */
public interface CatalogSink {

	/**
	 * Called once per product, in file order, with only its valid variants and images. A
	 * handle that reappears later in the file, not right after its earlier rows, is
	 * passed again as another product with the same handle.
	 * @param product the product
	 */
	void product(ProductRecord product);

	/**
	 * Called for every problem found, mostly in row order.
	 * @param problem the problem
	 */
	void problem(RowProblem problem);

	/**
	 * Called about every 1000 records.
	 * @param recordsRead the number of data records read so far
	 */
	default void progress(long recordsRead) {
	}

}
