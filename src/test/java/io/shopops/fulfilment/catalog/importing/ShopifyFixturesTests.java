package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads the real-world Shopify exports in {@code shared/fixtures/shopify}.
 */
class ShopifyFixturesTests {

	@Test
	void readsApparelSampleCatalog() throws Exception {
		RecordingSink sink = readFixture("apparel.csv", 22, 46);
		assertThat(sink.summary).isEqualTo(new ReadSummary(22, 22, 0, 0, 20));
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).hasSize(20);
		assertThat(sink.variantCount()).isEqualTo(22);
		assertThat(sink.imageCount()).isEqualTo(20);
		ProductRecord shirt = sink.product("ocean-blue-shirt");
		assertThat(shirt.firstRow()).isEqualTo(2);
		assertThat(shirt.title()).isEqualTo("Ocean Blue Shirt");
		assertThat(shirt.brand()).isEqualTo("partners-demo");
		assertThat(shirt.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(shirt.tags()).containsExactly("men");
		assertThat(shirt.categoryPath()).isNull();
		assertThat(shirt.descriptionHtml()).startsWith("<p>Ocean blue cotton shirt").endsWith("</p>");
		assertThat(shirt.optionNames()).isEmpty();
		VariantRecord only = shirt.variants().get(0);
		assertThat(only.sku()).isEqualTo("ocean-blue-shirt");
		assertThat(only.optionValues()).isEmpty();
		assertThat(only.price()).isEqualTo(new BigDecimal("50.00"));
		assertThat(only.weightGrams()).isZero();
		assertThat(only.initialStock()).isEqualTo(1);
		assertThat(shirt.images()).singleElement()
			.isEqualTo(new ImageRecord(2, "https://burst.shopifycdn.com/photos/young-man-in-bright-fashion_925x.jpg", 1,
					null));
		ProductRecord top = sink.product("classic-varsity-top");
		assertThat(top.optionNames()).containsExactly("Size");
		assertThat(top.variants()).extracting(VariantRecord::sku)
			.containsExactly("classic-varsity-top-small", "classic-varsity-top-medium", "classic-varsity-top-large");
		assertThat(top.variants()).extracting(VariantRecord::row).containsExactly(3L, 4L, 5L);
		assertThat(top.variants().get(1).optionValues()).containsExactly("Medium");
	}

	@Test
	void readsJewelleryWithImageOnlyRows() throws Exception {
		RecordingSink sink = readFixture("jewelery.csv", 41, 46);
		assertThat(sink.summary).isEqualTo(new ReadSummary(41, 23, 18, 0, 20));
		assertThat(sink.problems).isEmpty();
		assertThat(sink.variantCount()).isEqualTo(23);
		assertThat(sink.imageCount()).isEqualTo(41);
		ProductRecord gemstone = sink.product("gemstone");
		assertThat(gemstone.categoryPath()).isEqualTo("Necklace");
		assertThat(gemstone.brand()).isEqualTo("Sterling Ltd");
		assertThat(gemstone.tags()).containsExactly("Blue", "Gem", "Purple", "Silver", "Turquoise");
		assertThat(gemstone.optionNames()).containsExactly("Colour");
		assertThat(gemstone.variants()).extracting(VariantRecord::sku)
			.containsExactly("gemstone-blue", "gemstone-purple");
		assertThat(gemstone.variants().get(0).price()).isEqualTo(new BigDecimal("27.99"));
		assertThat(gemstone.variants().get(0).compareAtPrice()).isEqualTo(new BigDecimal("29.99"));
		assertThat(gemstone.descriptionHtml()).contains("<p>Gemstone pendant", "<ul>", "<li>Sterling silver chain");
		assertThat(gemstone.images()).extracting(ImageRecord::position).containsExactly(1, 2, 3, 4);
		assertThat(gemstone.images()).extracting(ImageRecord::url)
			.containsExactly("https://burst.shopifycdn.com/photos/blue-gemstone-pendant_925x.jpg",
					"https://burst.shopifycdn.com/photos/gemstone-necklace_925x.jpg",
					"https://burst.shopifycdn.com/photos/womens-necklace_925x.jpg",
					"https://burst.shopifycdn.com/photos/purple-gemstone-necklace_925x.jpg");
		ProductRecord anchor = sink.product("leather-anchor");
		assertThat(anchor.variants()).extracting(VariantRecord::price)
			.containsExactly(new BigDecimal("69.99"), new BigDecimal("55.00"));
		assertThat(anchor.images()).hasSize(3);
		assertThat(anchor.images().get(2).row()).isEqualTo(6);
	}

	@Test
	void readsHomeAndGardenSampleCatalog() throws Exception {
		RecordingSink sink = readFixture("home-and-garden.csv", 21, 47);
		assertThat(sink.summary).isEqualTo(new ReadSummary(21, 21, 0, 0, 20));
		assertThat(sink.problems).isEmpty();
		assertThat(sink.variantCount()).isEqualTo(21);
		assertThat(sink.imageCount()).isEqualTo(21);
		ProductRecord pot = sink.product("clay-plant-pot");
		assertThat(pot.descriptionHtml()).isEqualTo("<p>Classic blown clay pot for plants</p>");
		assertThat(pot.categoryPath()).isEqualTo("Outdoor");
		assertThat(pot.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(pot.variants()).extracting(VariantRecord::sku)
			.containsExactly("clay-plant-pot-regular", "clay-plant-pot-large");
		assertThat(pot.variants()).extracting(VariantRecord::price)
			.containsExactly(new BigDecimal("9.99"), new BigDecimal("15.99"));
		assertThat(pot.variants()).extracting(VariantRecord::initialStock).containsExactly(1, 3);
		assertThat(pot.variants()).extracting(VariantRecord::cost).containsOnlyNulls();
	}

	@Test
	void readsHomeDecorExportWithMultiLineBodies() throws Exception {
		RecordingSink sink = readFixture("home-decor-store-export.csv", 21, 48);
		assertThat(sink.summary).isEqualTo(new ReadSummary(21, 21, 0, 0, 20));
		assertThat(sink.problems).isEmpty();
		assertThat(sink.variantCount()).isEqualTo(21);
		assertThat(sink.imageCount()).isEqualTo(21);
		ProductRecord lamp = sink.product("floor-lamp");
		assertThat(lamp.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(lamp.variants().get(0).compareAtPrice()).isEqualTo(new BigDecimal("85.00"));
		assertThat(lamp.variants().get(0).sku()).isEqualTo("floor-lamp");
		assertThat(lamp.variants().get(0).weightGrams()).isZero();
		ProductRecord armchairs = sink.product("black-armchairs");
		assertThat(armchairs.descriptionHtml()).startsWith("<h6>Description</h6>\n<p>Lorem ipsum")
			.doesNotContain("<span");
		ProductRecord gloves = sink.product("gardening-gloves");
		assertThat(gloves.optionNames()).containsExactly("Color");
		assertThat(gloves.variants()).extracting(VariantRecord::sku)
			.containsExactly("gardening-gloves-green", "gardening-gloves-yellow");
		assertThat(gloves.variants()).extracting(VariantRecord::optionValues)
			.containsExactly(List.of("Green"), List.of("Yellow"));
		assertThat(gloves.images()).extracting(ImageRecord::position).containsExactly(1, 2);
		assertThat(sink.products.get(sink.products.size() - 1).firstRow()).isEqualTo(21);
	}

	@Test
	void readsRealHairStoreExport() throws Exception {
		RecordingSink sink = readFixture("hair-store-export.csv", 565, 63);
		assertThat(sink.summary).isEqualTo(new ReadSummary(565, 445, 120, 0, 84));
		assertThat(sink.problems).hasSize(83)
			.allSatisfy((problem) -> assertThat(problem).returns(true, RowProblem::warning)
				.returns(CatalogProblemCodes.SKU_REPEATED, RowProblem::code));
		assertThat(sink.problems).filteredOn((problem) -> problem.value().equals("ROUTEINS")).hasSize(75);
		assertThat(sink.variantCount()).isEqualTo(445);
		assertThat(sink.imageCount()).isEqualTo(300);
		assertThat(sink.products).extracting(ProductRecord::handle).doesNotHaveDuplicates();
		assertThat(sink.products.stream().flatMap((product) -> product.variants().stream()).map(VariantRecord::sku))
			.doesNotHaveDuplicates()
			.allMatch((sku) -> sku.length() <= 64);
		ProductRecord route = sink.product("routeins");
		assertThat(route.categoryPath()).isEqualTo("Insurance");
		assertThat(route.optionNames()).containsExactly("Title");
		assertThat(route.variants()).hasSize(76);
		assertThat(route.variants()).extracting(VariantRecord::sku)
			.startsWith("ROUTEINS", "ROUTEINS-1-15", "ROUTEINS-1-35");
		assertThat(route.variants().get(1).price()).isEqualTo(new BigDecimal("1.15"));
		assertThat(route.descriptionHtml()).contains("Add Route at checkout")
			.contains("<a href=\"https://route.com/sustainability\">route.com/sustainability</a>");
		ProductRecord closure = sink.product("mongolian-kinky-curly-5x5-hd-lace-closure-hair-extensions");
		assertThat(closure.optionNames()).containsExactly("Length", "Texture");
		assertThat(closure.variants()).extracting(VariantRecord::sku)
			.containsExactly("p061275X9o", "p061275X9o-14-tight-kinky-curly-3c-4a", "p061275X9o-16-kinky-curly-3b-3c",
					"p061275X9o-16-tight-kinky-curly-3c-4a", "p061275X9o-18-kinky-curly-3b-3c",
					"p061275X9o-18-tight-kinky-curly-3c-4a",
					"mongolian-kinky-curly-5x5-hd-lace-closure-hair-extensio-0c8ddf71");
		assertThat(closure.variants().get(6).sku()).hasSize(64);
		assertThat(closure.categoryPath())
			.isEqualTo("Apparel & Accessories > Clothing Accessories > Hair Accessories > Hair Extensions");
		ProductRecord bang = sink.product("our-kinky-curly-bang-unit-16");
		assertThat(bang.title()).isEqualTo("Mercy's Kinky Curly Bang unit 16\"");
		assertThat(bang.optionNames()).containsExactly("Length", "Cap Size");
		assertThat(sink.product("hd-lace-6x6-closure-wig-chocolate-brown-blonde-highlights").status())
			.isEqualTo(ProductStatus.DRAFT);
		ProductRecord archived = sink.product("tape-hairs-thin-mongolian-kinky-straight");
		assertThat(archived.status()).isEqualTo(ProductStatus.ARCHIVED);
		assertThat(archived.optionNames()).isEmpty();
		assertThat(archived.variants()).singleElement().satisfies((variant) -> {
			assertThat(variant.sku()).isEqualTo("tape-hairs-thin-mongolian-kinky-straight");
			assertThat(variant.price()).isEqualTo(new BigDecimal("0.00"));
		});
		assertThat(archived.images()).extracting(ImageRecord::position).containsExactly(1, 2, 3);
		assertThat(sink.product("dummy-11").categoryPath()).isEqualTo("Wig");
		ProductRecord clips = sink.product("clips-in-cambodian-straight");
		assertThat(clips.variants()).extracting(VariantRecord::weightGrams).contains(227);
		assertThat(clips.variants()).extracting(VariantRecord::initialStock).containsOnlyNulls();
	}

	@Test
	void sanitisesEveryFixtureDescription() throws Exception {
		for (String name : List.of("apparel.csv", "jewelery.csv", "home-and-garden.csv", "home-decor-store-export.csv",
				"hair-store-export.csv")) {
			RecordingSink sink = CatalogFiles.read(CatalogFiles.fixture("shopify/" + name));
			assertThat(sink.products).extracting(ProductRecord::descriptionHtml)
				.allSatisfy((html) -> assertThat(html).doesNotContainIgnoringCase("<script")
					.doesNotContainIgnoringCase("javascript:")
					.doesNotContainIgnoringCase("<style")
					.doesNotContainPattern("(?i)\\son[a-z]+="));
		}
	}

	private static RecordingSink readFixture(String name, long records, int columns) throws Exception {
		Path file = CatalogFiles.fixture("shopify/" + name);
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.format()).isEqualTo(CatalogFormat.SHOPIFY);
		assertThat(info.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(info.bom()).isFalse();
		assertThat(info.records()).isEqualTo(records);
		assertThat(info.header()).hasSize(columns).startsWith("Handle", "Title", "Body (HTML)");
		RecordingSink sink = new RecordingSink();
		sink.summary = CatalogFileReader.read(file, info, sink);
		return sink;
	}

}
