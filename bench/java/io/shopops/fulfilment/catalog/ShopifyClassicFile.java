package io.shopops.fulfilment.catalog;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Writes a product export in Shopify's classic 15-column layout, the file of issue 6's
 * speed measurement: Chinese titles and descriptions, vendors, product types, two tags,
 * one image per product, and either one variant per product ({@code Default Title}) or a
 * fixed number of sizes per product, each on its own row as Shopify exports them.
 * Deterministic for a given prefix.
 */
final class ShopifyClassicFile {

	static final String[] HEADER = { "Handle", "Title", "Body (HTML)", "Vendor", "Type", "Tags", "Published",
			"Option1 Name", "Option1 Value", "Variant SKU", "Variant Price", "Variant Compare At Price",
			"Variant Inventory Qty", "Image Src", "Status" };

	private static final String[] TYPES = { "连衣裙", "衬衫", "T恤", "夹克", "运动鞋", "休闲鞋", "双肩包", "四件套", "收纳盒", "面霜", "茶叶礼盒",
			"充电宝" };

	private static final String[] VENDORS = { "山川", "青禾", "木几", "素言", "北纬", "知竹", "云舍", "拾光" };

	private static final String[] ADJECTIVES = { "经典", "轻薄", "复古", "简约", "加厚", "宽松", "修身", "透气", "国潮", "原创", "纯棉", "真丝",
			"防水", "便携" };

	private static final String[] TAGS = { "新品", "热卖", "夏季", "冬季", "包邮", "限量", "直播同款" };

	private static final String[] SIZES = { "S", "M", "L", "XL" };

	private ShopifyClassicFile() {
	}

	/**
	 * Writes {@code rows} SKU rows, {@code skusPerProduct} to a product (1 to 4).
	 * @param prefix prepended to every handle and SKU, so that files describe different
	 * products
	 */
	static void write(Path file, long rows, int skusPerProduct, String prefix) throws IOException {
		SplittableRandom random = new SplittableRandom(prefix.hashCode());
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(HEADER);
			long written = 0;
			for (long product = 1; written < rows; product++) {
				String type = TYPES[random.nextInt(TYPES.length)];
				String vendor = VENDORS[random.nextInt(VENDORS.length)];
				String title = vendor + " " + ADJECTIVES[random.nextInt(ADJECTIVES.length)]
						+ ADJECTIVES[random.nextInt(ADJECTIVES.length)] + type + " " + product;
				String handle = prefix + "product-" + product;
				String tags = TAGS[random.nextInt(TAGS.length)] + ", " + TAGS[random.nextInt(TAGS.length)];
				boolean active = random.nextInt(10) != 0;
				BigDecimal base = BigDecimal.valueOf(1990 + random.nextInt(60000), 2);
				int count = (int) Math.min(skusPerProduct, rows - written);
				for (int i = 0; i < count; i++) {
					BigDecimal price = base.add(BigDecimal.valueOf(i * 500L, 2));
					String compareAt = price.multiply(new BigDecimal("1.25"))
						.setScale(2, RoundingMode.HALF_UP)
						.toPlainString();
					String sku = prefix + "SKU-" + product + "-" + (i + 1);
					String stock = String.valueOf(random.nextInt(500));
					if (i == 0) {
						csv.writeRecord(handle, title, "<p>" + title + "，品质之选，支持七天无理由退换。</p>", vendor, type, tags,
								active ? "TRUE" : "FALSE", (skusPerProduct == 1) ? "Title" : "尺码",
								(skusPerProduct == 1) ? "Default Title" : SIZES[i], sku, price.toPlainString(),
								compareAt, stock, "https://cdn.example.com/" + handle + "/1.jpg",
								active ? "active" : "draft");
					}
					else {
						csv.writeRecord(handle, "", "", "", "", "", "", "", SIZES[i], sku, price.toPlainString(),
								compareAt, stock, "", "");
					}
				}
				written += count;
			}
		}
	}

}
