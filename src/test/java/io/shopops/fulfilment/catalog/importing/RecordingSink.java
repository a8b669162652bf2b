package io.shopops.fulfilment.catalog.importing;

import java.util.ArrayList;
import java.util.List;

/**
 * A sink that keeps everything it receives, for assertions.
 */
class RecordingSink implements CatalogSink {

	final List<ProductRecord> products = new ArrayList<>();

	final List<RowProblem> problems = new ArrayList<>();

	final List<Long> progress = new ArrayList<>();

	ReadSummary summary;

	@Override
	public void product(ProductRecord product) {
		this.products.add(product);
	}

	@Override
	public void problem(RowProblem problem) {
		this.problems.add(problem);
	}

	@Override
	public void progress(long recordsRead) {
		this.progress.add(recordsRead);
	}

	ProductRecord product(String handle) {
		return this.products.stream()
			.filter((product) -> product.handle().equals(handle))
			.findFirst()
			.orElseThrow(() -> new AssertionError("No product " + handle));
	}

	long variantCount() {
		return this.products.stream().mapToLong((product) -> product.variants().size()).sum();
	}

	long imageCount() {
		return this.products.stream().mapToLong((product) -> product.images().size()).sum();
	}

	List<String> codes() {
		return this.problems.stream().map(RowProblem::code).toList();
	}

}
