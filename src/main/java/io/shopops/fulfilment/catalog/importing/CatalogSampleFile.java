package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.ProductImage;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import de.siegmar.fastcsv.writer.CsvWriter;

/**
 * Writes a realistic catalog in ShopOps' template: Chinese titles, categories and brands,
 * two or three options per product, deterministic for a given seed, each product showing
 * one of the demo images shipped in the jar. The demo shop and the import benchmark use
 * it.
 */
public final class CatalogSampleFile {

	/**
	 * Category path, product noun and the demo image (under {@code /images/demo/},
	 * shipped in the jar) its products show.
	 */
	private static final String[][] CATEGORIES = { { "服装 > 女装 > 连衣裙", "连衣裙", "apparel" },
			{ "服装 > 女装 > 衬衫", "衬衫", "apparel" }, { "服装 > 男装 > T恤", "T恤", "apparel" },
			{ "服装 > 男装 > 夹克", "夹克", "apparel" }, { "鞋靴 > 运动鞋", "运动鞋", "shoes" }, { "鞋靴 > 休闲鞋", "休闲鞋", "shoes" },
			{ "箱包 > 双肩包", "双肩包", "bags" }, { "家居 > 床品 > 四件套", "四件套", "home" }, { "家居 > 收纳", "收纳盒", "home" },
			{ "美妆 > 护肤 > 面霜", "面霜", "beauty" }, { "食品 > 茶叶", "茶叶礼盒", "tea" },
			{ "数码 > 配件 > 充电宝", "充电宝", "electronics" } };

	private static final String[] BRANDS = { "山川", "青禾", "木几", "素言", "北纬", "知竹", "云舍", "拾光" };

	private static final String[] ADJECTIVES = { "经典", "轻薄", "复古", "简约", "加厚", "宽松", "修身", "透气", "国潮", "原创", "纯棉", "真丝",
			"防水", "便携" };

	private static final String[] COLOURS = { "黑色", "白色", "米色", "藏青", "酒红", "雾蓝", "浅灰", "墨绿" };

	private static final String[] SIZES = { "S", "M", "L", "XL", "XXL" };

	private static final String[] STYLES = { "标准款", "加大款", "礼盒装" };

	private static final String[] TAGS = { "新品", "热卖", "夏季", "冬季", "包邮", "限量", "直播同款" };

	private CatalogSampleFile() {
	}

	/**
	 * Writes about {@code rows} SKU rows (whole products only) with English headers in
	 * UTF-8.
	 * @return the number of SKU rows written
	 */
	public static long write(Path file, long rows, long seed) throws IOException {
		return write(file, rows, seed, false, java.nio.charset.StandardCharsets.UTF_8, "");
	}

	/**
	 * Writes about {@code rows} SKU rows (whole products only).
	 * @param chineseHeaders whether to use the Chinese template headers
	 * @param charset UTF-8 or GB18030
	 * @param prefix prepended to every handle and SKU, so that several files can describe
	 * different products
	 * @return the number of SKU rows written
	 */
	public static long write(Path file, long rows, long seed, boolean chineseHeaders, Charset charset, String prefix)
			throws IOException {
		SplittableRandom random = new SplittableRandom(seed);
		long written = 0;
		try (Writer writer = Files.newBufferedWriter(file, charset);
				CsvWriter csv = CsvWriter.builder().build(writer)) {
			csv.writeRecord(chineseHeaders ? CatalogTemplate.CHINESE_HEADER : CatalogTemplate.ENGLISH_HEADER);
			for (long product = 1; written < rows; product++) {
				written += writeProduct(csv, prefix, product, random, rows - written);
			}
		}
		return written;
	}

	private static int writeProduct(CsvWriter csv, String prefix, long number, SplittableRandom random, long room) {
		String[] category = CATEGORIES[random.nextInt(CATEGORIES.length)];
		String brand = BRANDS[random.nextInt(BRANDS.length)];
		String title = brand + " " + ADJECTIVES[random.nextInt(ADJECTIVES.length)]
				+ ADJECTIVES[random.nextInt(ADJECTIVES.length)] + category[1];
		String handle = prefix + "p" + number;
		boolean threeOptions = random.nextInt(4) == 0;
		List<String[]> combinations = new ArrayList<>();
		int colours = 1 + random.nextInt(3);
		int sizes = 1 + random.nextInt(3);
		int colourStart = random.nextInt(COLOURS.length);
		int sizeStart = random.nextInt(SIZES.length - 2);
		for (int c = 0; c < colours; c++) {
			for (int s = 0; s < sizes; s++) {
				String style = threeOptions ? STYLES[(c + s) % STYLES.length] : "";
				combinations
					.add(new String[] { COLOURS[(colourStart + c) % COLOURS.length], SIZES[sizeStart + s], style });
			}
		}
		int count = (int) Math.min(combinations.size(), Math.max(1, room));
		BigDecimal base = BigDecimal.valueOf(1990 + random.nextInt(60000), 2);
		String tags = TAGS[random.nextInt(TAGS.length)] + "," + TAGS[random.nextInt(TAGS.length)];
		String status = (random.nextInt(10) == 0) ? "draft" : "active";
		for (int i = 0; i < count; i++) {
			String[] option = combinations.get(i);
			BigDecimal price = base.add(BigDecimal.valueOf(i * 500L, 2));
			BigDecimal compareAt = price.multiply(new BigDecimal("1.25")).setScale(2, RoundingMode.HALF_UP);
			BigDecimal cost = price.multiply(new BigDecimal("0.45")).setScale(2, RoundingMode.HALF_UP);
			String sku = prefix + "SKU-" + number + "-" + (i + 1);
			csv.writeRecord(handle, title, (i == 0) ? "<p>" + title + "，品质之选。</p>" : "", category[0], brand, tags,
					status, title, title + "，官方正品", "颜色", option[0], "尺码", option[1], threeOptions ? "款式" : "",
					option[2], sku, price.toPlainString(), compareAt.toPlainString(), cost.toPlainString(),
					String.valueOf(6900000000000L + number * 10 + i), String.valueOf(100 + random.nextInt(900)),
					String.valueOf(random.nextInt(500)),
					(i == 0) ? ProductImage.DEMO_IMAGE_PATH + category[2] + ".svg" : "");
		}
		return count;
	}

}
