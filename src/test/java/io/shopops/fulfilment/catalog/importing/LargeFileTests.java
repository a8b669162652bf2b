package io.shopops.fulfilment.catalog.importing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Streams a large generated Shopify file without holding it in memory.
 */
class LargeFileTests {

	private static final int PRODUCTS = 50_000;

	private static final int VARIANTS = 4;

	@TempDir
	Path dir;

	@Test
	@Timeout(30)
	void streamsTwoHundredThousandRows() throws IOException {
		Path file = this.dir.resolve("large.csv");
		try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			out.write("Handle,Title,Body (HTML),Vendor,Option1 Name,Option1 Value,Variant SKU,Variant Price,"
					+ "Variant Inventory Qty,Image Src,Image Position\r\n");
			for (int p = 0; p < PRODUCTS; p++) {
				for (int v = 0; v < VARIANTS; v++) {
					boolean first = v == 0;
					out.write("product-" + p + "," + (first ? "Product " + p : "") + ","
							+ (first ? "\"<p>Line one\nline \"\"two\"\"</p>\"" : "") + "," + (first ? "Acme" : "") + ","
							+ (first ? "Size" : "") + ",S" + v + ","
							+ ((p == PRODUCTS - 1 && v == VARIANTS - 1) ? "product-0-s0" : "") + "," + (p % 1000) + "."
							+ v + "9," + v + ",https://cdn.example.com/" + p + "/" + v + ".jpg," + (v + 1) + "\r\n");
				}
			}
		}
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.records()).isEqualTo(PRODUCTS * VARIANTS);
		CountingSink sink = new CountingSink();
		ReadSummary summary = CatalogFileReader.read(file, info, sink);
		assertThat(summary).isEqualTo(new ReadSummary(PRODUCTS * VARIANTS, PRODUCTS * VARIANTS, 0, 0, PRODUCTS));
		assertThat(sink.products).isEqualTo(PRODUCTS);
		assertThat(sink.variants).isEqualTo(PRODUCTS * VARIANTS);
		assertThat(sink.images).isEqualTo(PRODUCTS * VARIANTS);
		assertThat(sink.lastProblem).isEqualTo(new RowProblem(PRODUCTS * VARIANTS + 1, "Variant SKU", "product-0-s0",
				CatalogProblemCodes.SKU_REPEATED, List.of("product-0-s0-s3"), true));
		assertThat(sink.progressCalls).isEqualTo(PRODUCTS * VARIANTS / 1000);
		assertThat(sink.lastProgress).isEqualTo(PRODUCTS * VARIANTS);
	}

	/**
	 * Counts instead of keeping, like a real importer.
	 */
	static class CountingSink implements CatalogSink {

		long products;

		long variants;

		long images;

		RowProblem lastProblem;

		long progressCalls;

		long lastProgress;

		@Override
		public void product(ProductRecord product) {
			this.products++;
			this.variants += product.variants().size();
			this.images += product.images().size();
		}

		@Override
		public void problem(RowProblem problem) {
			this.lastProblem = problem;
		}

		@Override
		public void progress(long recordsRead) {
			this.progressCalls++;
			this.lastProgress = recordsRead;
		}

	}

}
