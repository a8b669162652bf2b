package io.shopops.fulfilment.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import io.shopops.fulfilment.catalog.importing.CatalogSampleFile;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Demo images are the only image URLs without a host, and the sample catalog uses them.
 */
class ProductImageTests {

	@Test
	void acceptsOnlyTheDemoImagesShippedInTheJar() {
		assertThat(ProductImage.isDemoImage("/images/demo/apparel.svg")).isTrue();
		assertThat(ProductImage.isDemoImage("/images/demo/electronics.svg")).isTrue();
		assertThat(ProductImage.isDemoImage("/images/demo/missing.svg")).isFalse();
		assertThat(ProductImage.isDemoImage("/images/demo/../../application.properties")).isFalse();
		assertThat(ProductImage.isDemoImage("/images/demo/apparel.svg?x=1")).isFalse();
		assertThat(ProductImage.isDemoImage("/css/shopops.css")).isFalse();
		assertThat(ProductImage.isDemoImage("images/demo/apparel.svg")).isFalse();
		assertThat(ProductImage.isDemoImage("//evil.example/images/demo/apparel.svg")).isFalse();
	}

	@Test
	void everyDemoImageIsShippedAndEveryShippedOneIsKnown() throws IOException {
		try (var files = Files.list(Path.of("src", "main", "resources", "static", "images", "demo"))) {
			assertThat(files.map((file) -> file.getFileName().toString())).containsExactlyInAnyOrderElementsOf(
					ProductImage.DEMO_IMAGES.stream().map((name) -> name + ".svg").toList());
		}
		for (String name : ProductImage.DEMO_IMAGES) {
			assertThat(ProductImage.class.getResource("/static/images/demo/" + name + ".svg")).as(name).isNotNull();
		}
	}

	@Test
	void theSampleCatalogShowsShippedDemoImages(@TempDir Path dir) throws IOException {
		Path file = dir.resolve("sample.csv");
		CatalogSampleFile.write(file, 300, 20261121L, false, StandardCharsets.UTF_8, "");
		List<String> images = Files.readAllLines(file, StandardCharsets.UTF_8)
			.stream()
			.skip(1)
			.map((line) -> line.substring(line.lastIndexOf(',') + 1))
			.filter((url) -> !url.isEmpty())
			.distinct()
			.toList();
		assertThat(images).hasSizeGreaterThanOrEqualTo(5).allMatch(ProductImage::isDemoImage);
	}

}
