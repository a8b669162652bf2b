package io.shopops.fulfilment.catalog.importing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.shopops.platform.ImportHandler.ImportMode;
import io.shopops.platform.ImportHandler.ImportPolicy;
import io.shopops.platform.ImportHandler.ImportResult;
import io.shopops.platform.ImportHandler.ImportRun;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's catalog (profile {@code demo}): a few hundred Chinese products
 * from a fixed seed, imported through the same code path as an uploaded file. Re-running
 * it changes nothing.
 */
@Component
@Profile("demo")
@Order(20)
class DemoCatalog implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCatalog.class);

	static final long SEED = 20261121L;

	static final long ROWS = 1000;

	private final ProductImportHandler importer;

	DemoCatalog(ProductImportHandler importer) {
		this.importer = importer;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		Path file = Files.createTempFile("shopops-demo-catalog", ".csv");
		try {
			CatalogSampleFile.write(file, ROWS, SEED, true, StandardCharsets.UTF_8, "");
			ImportResult result = this.importer.run(new ImportRun() {

				@Override
				public long jobId() {
					return 0;
				}

				@Override
				public Path file() {
					return file;
				}

				@Override
				public ImportMode mode() {
					return ImportMode.APPLY;
				}

				@Override
				public ImportPolicy policy() {
					return ImportPolicy.SKIP_INVALID;
				}

				@Override
				public void progress(long processed, long created, long updated, long unchanged, long failed) {
				}

				@Override
				public void problem(long row, String column, String value, String code, List<Object> args) {
					log.warn("Demo catalog row {} {}: {} {}", row, column, code, args);
				}

				@Override
				public boolean cancelled() {
					return false;
				}

			});
			log.info("Demo catalog: {} SKU rows, {} created, {} updated, {} unchanged", result.total(),
					result.created(), result.updated(), result.unchanged());
		}
		finally {
			Files.deleteIfExists(file);
		}
	}

}
