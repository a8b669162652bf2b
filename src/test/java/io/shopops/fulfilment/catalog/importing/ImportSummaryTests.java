package io.shopops.fulfilment.catalog.importing;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;

import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.platform.ImportHandler.ImportRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static io.shopops.fulfilment.catalog.importing.CatalogFiles.ENGLISH_HEADER;
import static io.shopops.fulfilment.catalog.importing.CatalogFiles.templateRow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an import does to the products around the SKUs it writes: price range, SKU count
 * and version (the edit form's optimistic lock) follow every change, including a SKU that
 * moves to another product, and nothing changes on an unchanged re-import.
 */
@SpringBootTest
class ImportSummaryTests {

	@Autowired
	ProductImportHandler handler;

	@Autowired
	JdbcClient jdbc;

	@TempDir
	Path dir;

	@Test
	void aChangedSkuPriceUpdatesItsProductsRangeAndVersionOnly() {
		String p = prefix();
		Path first = file(product(p + "a", "A", p + "a1", "10.00"), variant(p + "a", p + "a2", "30.00"),
				product(p + "b", "B", p + "b1", "5.00"));
		assertThat(run(first)).isEqualTo(new ImportResult(3, 3, 0, 0, 0, true));
		assertThat(summary(p + "a")).isEqualTo(new Summary(new BigDecimal("10.00"), new BigDecimal("30.00"), 2, 0));
		assertThat(summary(p + "b")).isEqualTo(new Summary(new BigDecimal("5.00"), new BigDecimal("5.00"), 1, 0));

		assertThat(run(first)).isEqualTo(new ImportResult(3, 0, 0, 3, 0, true));
		assertThat(version(p + "a")).isZero();

		Path cheaper = file(product(p + "a", "A", p + "a1", "10.00"), variant(p + "a", p + "a2", "8.00"),
				product(p + "b", "B", p + "b1", "5.00"));
		assertThat(run(cheaper)).isEqualTo(new ImportResult(3, 0, 1, 2, 0, true));
		assertThat(summary(p + "a")).isEqualTo(new Summary(new BigDecimal("8.00"), new BigDecimal("10.00"), 2, 1));
		assertThat(summary(p + "b")).isEqualTo(new Summary(new BigDecimal("5.00"), new BigDecimal("5.00"), 1, 0));
	}

	@Test
	void aChangedTitleAndPriceBumpTheVersionOnce() {
		String p = prefix();
		run(file(product(p + "a", "A", p + "a1", "10.00")));
		assertThat(run(file(product(p + "a", "A2", p + "a1", "12.00"))))
			.isEqualTo(new ImportResult(1, 0, 1, 0, 0, true));
		assertThat(summary(p + "a")).isEqualTo(new Summary(new BigDecimal("12.00"), new BigDecimal("12.00"), 1, 1));
	}

	@Test
	void aSkuThatMovesToAnotherProductLeavesBothSummariesRight() {
		String p = prefix();
		run(file(product(p + "a", "A", p + "a1", "10.00"), variant(p + "a", p + "a2", "30.00"),
				product(p + "b", "B", p + "b1", "5.00")));
		// a2 now belongs to b, and a new product c takes b1: a and b lost a SKU, b gained
		// one
		Path moved = file(product(p + "a", "A", p + "a1", "10.00"), product(p + "b", "B", p + "a2", "30.00"),
				product(p + "c", "C", p + "b1", "5.00"));
		assertThat(run(moved)).isEqualTo(new ImportResult(3, 0, 2, 1, 0, true));
		assertThat(summary(p + "a")).isEqualTo(new Summary(new BigDecimal("10.00"), new BigDecimal("10.00"), 1, 1));
		assertThat(summary(p + "b")).isEqualTo(new Summary(new BigDecimal("30.00"), new BigDecimal("30.00"), 1, 1));
		assertThat(summary(p + "c")).isEqualTo(new Summary(new BigDecimal("5.00"), new BigDecimal("5.00"), 1, 0));
		assertThat(this.jdbc.sql("""
				SELECT p.handle FROM product_variant v JOIN product p ON p.id = v.product_id WHERE v.sku = ?""")
			.param(p + "a2")
			.query(String.class)
			.single()).isEqualTo(p + "b");
	}

	@Test
	void summariesStayExactAcrossManyBatches() {
		String p = prefix();
		String[] rows = new String[3 * 9000];
		for (int i = 0; i < 9000; i++) {
			rows[3 * i] = product(p + i, "T" + i, p + i + "-1", "1" + i + ".00");
			rows[3 * i + 1] = variant(p + i, p + i + "-2", "2" + i + ".00");
			rows[3 * i + 2] = variant(p + i, p + i + "-3", "3" + i + ".00");
		}
		assertThat(run(file(rows))).isEqualTo(new ImportResult(27_000, 27_000, 0, 0, 0, true));
		assertThat(staleSummaries(p)).isZero();
		assertThat(run(file(rows))).isEqualTo(new ImportResult(27_000, 0, 0, 27_000, 0, true));
		assertThat(this.jdbc.sql("SELECT count(*) FROM product WHERE handle LIKE ? AND version <> 0")
			.param(p + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("""
				SELECT count(*) FROM stock_item s JOIN product_variant v ON v.id = s.variant_id WHERE v.sku LIKE ?""")
			.param(p + "%")
			.query(Long.class)
			.single()).isEqualTo(27_000);
	}

	private ImportResult run(Path file) {
		this.handler.inspect(file);
		return this.handler.run(new QuietRun(file));
	}

	private Path file(String... rows) {
		String[] lines = new String[rows.length + 1];
		lines[0] = ENGLISH_HEADER;
		System.arraycopy(rows, 0, lines, 1, rows.length);
		return CatalogFiles.write(this.dir, lines);
	}

	private static String product(String handle, String title, String sku, String price) {
		return templateRow("handle", handle, "title", title, "status", "active", "option1_name", "Size",
				"option1_value", sku, "sku", sku, "price", price);
	}

	private static String variant(String handle, String sku, String price) {
		return templateRow("handle", handle, "option1_value", sku, "sku", sku, "price", price);
	}

	private Summary summary(String handle) {
		return this.jdbc.sql("SELECT min_price, max_price, variant_count, version FROM product WHERE handle = ?")
			.param(handle)
			.query((rs, n) -> new Summary(rs.getBigDecimal(1), rs.getBigDecimal(2), rs.getInt(3), rs.getLong(4)))
			.single();
	}

	private long version(String handle) {
		return summary(handle).version();
	}

	private long staleSummaries(String prefix) {
		return this.jdbc.sql("""
				SELECT count(*) FROM product p
				CROSS JOIN LATERAL (SELECT min(v.price) AS low, max(v.price) AS high, count(*) AS skus
				                    FROM product_variant v WHERE v.product_id = p.id) s
				WHERE p.handle LIKE ?
				  AND (p.min_price, p.max_price, p.variant_count) IS DISTINCT FROM (s.low, s.high, s.skus)""")
			.param(prefix + "%")
			.query(Long.class)
			.single();
	}

	private static String prefix() {
		return "s" + UUID.randomUUID().toString().substring(0, 8) + "-";
	}

	record Summary(BigDecimal min, BigDecimal max, int skus, long version) {
	}

	record QuietRun(Path file) implements ImportRun {

		@Override
		public long jobId() {
			return -1;
		}

		@Override
		public ImportMode mode() {
			return ImportMode.APPLY;
		}

		@Override
		public ImportPolicy policy() {
			return ImportPolicy.ALL_OR_NOTHING;
		}

		@Override
		public void progress(long processed, long created, long updated, long unchanged, long failed) {
		}

		@Override
		public void problem(long row, String column, String value, String code, List<Object> args) {
			throw new AssertionError("Unexpected problem in row " + row + ": " + code + " " + args);
		}

		@Override
		public boolean cancelled() {
			return false;
		}

	}

}
