package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductStatus;

import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static io.shopops.fulfilment.catalog.importing.CatalogFiles.templateRow;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads files in ShopOps' own template, with English and Chinese headers, in the
 * encodings and line endings spreadsheets produce.
 */
class TemplateReadingTests {

	private static final Charset GB18030 = Charset.forName("GB18030");

	@TempDir
	Path dir;

	@Test
	void readsEnglishTemplateWithAllColumns() throws Exception {
		Path file = CatalogFiles.write(this.dir, CatalogFiles.ENGLISH_HEADER,
				templateRow("handle", "DRESS-001", "title", "Summer Dress", "description", "<p>Light <b>cotton</b></p>",
						"category", "Clothing>Women > Dresses", "brand", "Acme", "tags", "summer, dress,summer",
						"status", "active", "seo_title", "Dress SEO", "seo_description", "Buy it", "option1_name",
						"Size", "option1_value", "S", "option2_name", "Colour", "option2_value", "Red", "sku",
						"DRESS-001-S-RED", "price", "1,299.00", "compare_at_price", "1599", "cost", "¥300.5", "barcode",
						"'6901234567892", "weight_grams", "200.0", "initial_stock", "10", "image_urls",
						"https://img.example.com/1.jpg | https://img.example.com/2.jpg"),
				templateRow("handle", "DRESS-001", "option1_value", "M", "option2_value", "Red", "sku",
						"DRESS-001-M-RED", "price", "59.9", "image_urls",
						"https://img.example.com/2.jpg|https://img.example.com/3.jpg"));
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info).isEqualTo(
				new FileInfo(StandardCharsets.UTF_8, false, CatalogFormat.TEMPLATE, CatalogTemplate.ENGLISH_HEADER, 2));
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.summary).isEqualTo(new ReadSummary(2, 2, 0, 0, 1));
		ProductRecord dress = sink.products.get(0);
		assertThat(dress.firstRow()).isEqualTo(2);
		assertThat(dress.handle()).isEqualTo("DRESS-001");
		assertThat(dress.title()).isEqualTo("Summer Dress");
		assertThat(dress.descriptionHtml()).isEqualTo("<p>Light <b>cotton</b></p>");
		assertThat(dress.categoryPath()).isEqualTo("Clothing > Women > Dresses");
		assertThat(dress.brand()).isEqualTo("Acme");
		assertThat(dress.tags()).containsExactly("summer", "dress");
		assertThat(dress.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(dress.seoTitle()).isEqualTo("Dress SEO");
		assertThat(dress.seoDescription()).isEqualTo("Buy it");
		assertThat(dress.optionNames()).containsExactly("Size", "Colour");
		assertThat(dress.variants()).containsExactly(
				new VariantRecord(2, "DRESS-001-S-RED", List.of("S", "Red"), new BigDecimal("1299.00"),
						new BigDecimal("1599.00"), new BigDecimal("300.50"), "6901234567892", 200, 10),
				new VariantRecord(3, "DRESS-001-M-RED", List.of("M", "Red"), new BigDecimal("59.90"), null, null, null,
						null, null));
		assertThat(dress.images()).containsExactly(
				new ImageRecord(2, "https://img.example.com/1.jpg", 1, "Summer Dress"),
				new ImageRecord(2, "https://img.example.com/2.jpg", 2, "Summer Dress"),
				new ImageRecord(3, "https://img.example.com/3.jpg", 3, "Summer Dress"));
	}

	@Test
	void laterRowsInheritProductFieldsAndFirstRowWins() {
		Path file = CatalogFiles.write(this.dir, CatalogFiles.ENGLISH_HEADER,
				templateRow("handle", "mug", "title", "Mug", "brand", "Acme", "status", "archived", "option1_name",
						"Colour", "option1_value", "White", "sku", "MUG-W", "price", "10"),
				templateRow("handle", "mug", "title", "Other title", "brand", "Other", "status", "active",
						"option1_name", "Colour", "option1_value", "Black", "sku", "MUG-B", "price", "11"),
				templateRow("handle", "mug", "status", "nonsense", "option1_value", "Blue", "sku", "MUG-BL", "price",
						"12"));
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		ProductRecord mug = sink.products.get(0);
		assertThat(mug.title()).isEqualTo("Mug");
		assertThat(mug.brand()).isEqualTo("Acme");
		assertThat(mug.status()).isEqualTo(ProductStatus.ARCHIVED);
		assertThat(mug.variants()).extracting(VariantRecord::sku).containsExactly("MUG-W", "MUG-B", "MUG-BL");
	}

	@Test
	void emptyStatusMeansDraftAndEmptyOptionalFieldsAreNull() {
		Path file = CatalogFiles.write(this.dir, CatalogFiles.ENGLISH_HEADER,
				templateRow("handle", "pen", "title", "Pen", "sku", "PEN", "price", "2"));
		ProductRecord pen = CatalogFiles.read(file).products.get(0);
		assertThat(pen.status()).isEqualTo(ProductStatus.DRAFT);
		assertThat(pen.descriptionHtml()).isNull();
		assertThat(pen.categoryPath()).isNull();
		assertThat(pen.brand()).isNull();
		assertThat(pen.seoTitle()).isNull();
		assertThat(pen.seoDescription()).isNull();
		assertThat(pen.tags()).isEmpty();
		assertThat(pen.optionNames()).isEmpty();
		assertThat(pen.images()).isEmpty();
		assertThat(pen.variants()).singleElement()
			.isEqualTo(new VariantRecord(2, "PEN", List.of(), new BigDecimal("2.00"), null, null, null, null, null));
	}

	@Test
	void readsChineseTemplateAsUtf8WithBom() throws Exception {
		Path file = CatalogFiles.write(this.dir, StandardCharsets.UTF_8, true, "\r\n", chineseRows());
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(info.bom()).isTrue();
		assertThat(info.format()).isEqualTo(CatalogFormat.TEMPLATE);
		assertThat(info.header()).isEqualTo(CatalogTemplate.CHINESE_HEADER);
		assertThat(info.records()).isEqualTo(3);
		assertChineseProducts(CatalogFiles.read(file));
	}

	@Test
	void readsChineseTemplateAsUtf8WithoutBom() throws Exception {
		Path file = CatalogFiles.write(this.dir, StandardCharsets.UTF_8, false, "\n", chineseRows());
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.charset()).isEqualTo(StandardCharsets.UTF_8);
		assertThat(info.bom()).isFalse();
		assertChineseProducts(CatalogFiles.read(file));
	}

	@Test
	void readsChineseTemplateSavedAsGb18030WithCrlf() throws Exception {
		Path file = CatalogFiles.write(this.dir, GB18030, false, "\r\n", chineseRows());
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.charset()).isEqualTo(GB18030);
		assertThat(info.bom()).isFalse();
		assertThat(info.format()).isEqualTo(CatalogFormat.TEMPLATE);
		assertThat(info.header()).isEqualTo(CatalogTemplate.CHINESE_HEADER);
		assertThat(info.records()).isEqualTo(3);
		assertChineseProducts(CatalogFiles.read(file));
	}

	@Test
	void readsEnglishTemplateWithChineseTextInGb18030() throws Exception {
		Path file = CatalogFiles.write(this.dir, GB18030, false, "\r\n", CatalogFiles.ENGLISH_HEADER,
				templateRow("handle", "茶具-01", "title", "青花瓷茶具套装", "sku", "TEA-01", "price", "￥388"));
		FileInfo info = CatalogFileReader.inspect(file);
		assertThat(info.charset()).isEqualTo(GB18030);
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products.get(0).handle()).isEqualTo("茶具-01");
		assertThat(sink.products.get(0).title()).isEqualTo("青花瓷茶具套装");
		assertThat(sink.products.get(0).variants().get(0).price()).isEqualTo(new BigDecimal("388.00"));
	}

	@Test
	void acceptsRequiredMarkersAndFullWidthParenthesesInHeader() throws Exception {
		String header = "商品编码*,商品标题*,SKU编码*,售价*,重量（克）,规格1名称,规格1值";
		Path file = CatalogFiles.write(this.dir, header, "A1,杯子,A1-大,9.9,350,容量,大");
		assertThat(CatalogFileReader.inspect(file).format()).isEqualTo(CatalogFormat.TEMPLATE);
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		VariantRecord variant = sink.products.get(0).variants().get(0);
		assertThat(variant.weightGrams()).isEqualTo(350);
		assertThat(variant.optionValues()).containsExactly("大");
		assertThat(variant.sku()).isEqualTo("A1-大");
	}

	@Test
	void acceptsReorderedColumnsAndIgnoresUnknownOnes() {
		Path file = CatalogFiles.write(this.dir, "price,notes,SKU,Title,Handle", "5,internal,K-1,Key ring,key-ring");
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products.get(0).variants().get(0).sku()).isEqualTo("K-1");
		assertThat(sink.products.get(0).title()).isEqualTo("Key ring");
	}

	@Test
	void convertsPlainTextDescriptionToParagraphs() {
		Path file = CatalogFiles.write(this.dir, "handle,title,description,sku,price",
				"t1,Tea,\"第一段\n第二行 <好>\n\n第二段\",T1,1");
		ProductRecord tea = CatalogFiles.read(file).products.get(0);
		assertThat(tea.descriptionHtml()).isEqualTo("<p>第一段<br />第二行 &lt;好&gt;</p><p>第二段</p>");
	}

	@Test
	void emitsReappearingHandleAgainAsAnotherProduct() {
		Path file = CatalogFiles.write(this.dir, "handle,title,sku,price", "a,A,A-1,1", "b,B,B-1,1", "a,A,A-2,1");
		RecordingSink sink = CatalogFiles.read(file);
		assertThat(sink.problems).isEmpty();
		assertThat(sink.products).extracting(ProductRecord::handle).containsExactly("a", "b", "a");
		assertThat(sink.products.get(2).firstRow()).isEqualTo(4);
	}

	@Test
	void templateHeadersRoundTripThroughDetection() throws Exception {
		assertThat(ColumnLayout.detect(CatalogTemplate.ENGLISH_HEADER)).isEqualTo(CatalogFormat.TEMPLATE);
		assertThat(ColumnLayout.detect(CatalogTemplate.CHINESE_HEADER)).isEqualTo(CatalogFormat.TEMPLATE);
		assertThat(CatalogTemplate.ENGLISH_HEADER).hasSize(23).startsWith("handle", "title").endsWith("image_urls");
		assertThat(CatalogTemplate.CHINESE_HEADER).hasSize(23).startsWith("商品编码", "商品标题").endsWith("图片链接");
	}

	private static String[] chineseRows() {
		String[] rows = new String[4];
		rows[0] = CatalogFiles.CHINESE_HEADER;
		rows[1] = chineseRow("连衣裙-001", "夏季碎花连衣裙", "<p>轻薄<strong>棉质</strong></p>", "服装 > 女装 > 连衣裙", "在售", "尺码", "S",
				"DRESS-S", "￥59.90", "https://img.example.cn/连衣裙.jpg");
		rows[2] = chineseRow("连衣裙-001", "", "", "", "", "", "M", "DRESS-M", "59.9", "");
		rows[3] = chineseRow("围巾_02", "羊毛围巾", "", "配饰", "草稿", "", "", "SCARF", "120", "");
		return rows;
	}

	private static String chineseRow(String handle, String title, String description, String category, String status,
			String optionName, String optionValue, String sku, String price, String images) {
		String[] fields = new String[CatalogTemplate.CHINESE_HEADER.size()];
		Arrays.fill(fields, "");
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("商品编码")] = handle;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("商品标题")] = title;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("商品描述")] = CatalogFiles.quote(description);
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("类目")] = category;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("标签")] = CatalogFiles.quote("新品，夏季,女装");
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("状态")] = status;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("规格1名称")] = optionName;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("规格1值")] = optionValue;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("SKU编码")] = sku;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("售价")] = price;
		fields[CatalogTemplate.CHINESE_HEADER.indexOf("图片链接")] = images;
		return String.join(",", fields);
	}

	private static void assertChineseProducts(RecordingSink sink) {
		assertThat(sink.problems).isEmpty();
		assertThat(sink.summary).isEqualTo(new ReadSummary(3, 3, 0, 0, 2));
		ProductRecord dress = sink.products.get(0);
		assertThat(dress.handle()).isEqualTo("连衣裙-001");
		assertThat(dress.title()).isEqualTo("夏季碎花连衣裙");
		assertThat(dress.descriptionHtml()).isEqualTo("<p>轻薄<strong>棉质</strong></p>");
		assertThat(dress.categoryPath()).isEqualTo("服装 > 女装 > 连衣裙");
		assertThat(dress.tags()).containsExactly("新品", "夏季", "女装");
		assertThat(dress.status()).isEqualTo(ProductStatus.ACTIVE);
		assertThat(dress.optionNames()).containsExactly("尺码");
		assertThat(dress.variants()).extracting(VariantRecord::sku).containsExactly("DRESS-S", "DRESS-M");
		assertThat(dress.variants()).extracting(VariantRecord::price)
			.containsExactly(new BigDecimal("59.90"), new BigDecimal("59.90"));
		assertThat(dress.images()).singleElement()
			.isEqualTo(new ImageRecord(2, "https://img.example.cn/连衣裙.jpg", 1, "夏季碎花连衣裙"));
		ProductRecord scarf = sink.products.get(1);
		assertThat(scarf.handle()).isEqualTo("围巾_02");
		assertThat(scarf.title()).isEqualTo("羊毛围巾");
		assertThat(scarf.status()).isEqualTo(ProductStatus.DRAFT);
		assertThat(scarf.firstRow()).isEqualTo(4);
	}

}
