package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.Descriptions;
import io.shopops.fulfilment.catalog.ProductImage;
import io.shopops.fulfilment.catalog.ProductStatus;
import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.LongHashSet;
import io.shopops.platform.csv.Parsed;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Turns rows into products and problems, one product at a time. Consecutive rows with the
 * same handle form a product; the product is passed to the sink when the handle changes
 * or the file ends, so only the current product is held in memory.
 * <p>
 * Rules:
 * <ul>
 * <li>Product fields (title, description, category, brand, tags, status, SEO, option
 * names) come from the product's first row; later rows' product fields are ignored. A
 * problem with a product field or the handle on the first row makes the product invalid:
 * every later row of it gets {@link CatalogProblemCodes#PRODUCT_INVALID} and nothing is
 * passed on.</li>
 * <li>A row with any problem of its own contributes nothing (no variant, no image). A
 * product whose variant rows are all invalid is not passed on, and its rows without a
 * problem of their own get {@link CatalogProblemCodes#PRODUCT_NO_VALID_VARIANT}.</li>
 * <li>Shopify category: {@code Product Category} unless empty or Shopify's placeholder
 * {@code Uncategorized}, else {@code Type}. Shopify status: {@code Status} if given, else
 * {@code Published} ({@code TRUE} active, {@code FALSE} or empty draft). Shopify
 * {@code Variant Grams} are rounded to whole grams (exports convert from pounds or
 * ounces); a leading {@code '} (spreadsheet text guard) is removed from barcodes.</li>
 * <li>Template: every row is a variant row. Shopify: a row with an option 1 value, SKU or
 * price is a variant row; otherwise a row with {@code Image Src} is an image-only row;
 * other rows are ignored.</li>
 * <li>Shopify (both layouts): handles are normalised by {@link Values#shopifyHandle}
 * (with a warning when that changes them) and rows are grouped by the normalised handle;
 * a negative stock is imported as 0 with a warning.</li>
 * <li>Shopify's placeholder option {@code Title} with value {@code Default Title} means
 * no options; when another variant gives {@code Title} a real value,
 * {@code Default Title} is kept as a value. Variants without SKU get one by
 * {@link SkuRules}; a SKU repeated within a product or across products is made unique by
 * {@link SkuRules}, with a warning when the file gave it. In the template a repeated SKU
 * is a problem.</li>
 * <li>SKUs must be unique in the whole file, checked against the 64-bit hashes of all
 * SKUs accepted so far ({@link LongHashSet}).</li>
 * <li>Images are deduplicated by URL within a product. Images with a free explicit
 * position (Shopify {@code Image Position}) are placed first; then images without one
 * (template URLs, Shopify {@code Variant Image}) or whose position is taken get the next
 * positions, in row order.</li>
 * </ul>
 */
final class ProductAssembler implements RowAssembler {

	private static final int MAX_PROBLEM_VALUE = 200;

	private static final String TITLE_OPTION = "Title";

	private static final String DEFAULT_TITLE = "Default Title";

	private final ColumnLayout layout;

	private final boolean shopify;

	private final CatalogSink sink;

	private final LongHashSet fileSkus = new LongHashSet();

	private long variantRows;

	private long imageOnlyRows;

	private long invalidRows;

	private long products;

	private long lastProblemRow = -1;

	private long row;

	private int rowProblems;

	private Product current;

	ProductAssembler(ColumnLayout layout, CatalogSink sink) {
		this.layout = layout;
		this.shopify = layout.format().shopify();
		this.sink = sink;
	}

	@Override
	public void row(long row, CsvRow record) {
		this.row = row;
		this.rowProblems = 0;
		RowKind kind = classify(record);
		if (kind == RowKind.VARIANT) {
			this.variantRows++;
		}
		else if (kind == RowKind.IMAGE_ONLY) {
			this.imageOnlyRows++;
		}
		String rawHandle = value(record, Field.HANDLE);
		if (rawHandle.isEmpty()) {
			problem(Field.HANDLE, "", CatalogProblemCodes.HANDLE_REQUIRED);
			return;
		}
		String handle = rawHandle;
		if (this.shopify && this.current != null && rawHandle.equals(this.current.rawHandle)) {
			handle = this.current.handle;
		}
		else if (this.shopify) {
			handle = Values.shopifyHandle(rawHandle);
			if (handle.isEmpty()) {
				handle = rawHandle;
			}
		}
		if (this.current == null || !this.current.handle.equals(handle)) {
			finishProduct();
			startProduct(handle, record);
			this.current.rawHandle = rawHandle;
			if (!handle.equals(rawHandle)) {
				warning(this.row, this.layout.name(Field.HANDLE), rawHandle, CatalogProblemCodes.HANDLE_NORMALIZED,
						handle);
			}
		}
		checkExtraOptions(record);
		VariantDraft variant = (kind == RowKind.VARIANT) ? readVariant(record) : null;
		List<ImageDraft> images = readImages(record);
		if (this.current.invalid) {
			if (row != this.current.firstRow) {
				problem(row, "", "", CatalogProblemCodes.PRODUCT_INVALID, this.current.firstRow);
			}
			return;
		}
		this.current.hadVariantRows |= variant != null;
		if (this.rowProblems > 0 || (variant != null && !addVariant(variant))) {
			return;
		}
		images.forEach(this.current::addImage);
		this.current.cleanRows.add(row);
	}

	@Override
	public void rowProblem(long row, String code, Object... args) {
		problem(row, "", "", code, args);
	}

	@Override
	public ReadSummary finish(long records) {
		finishProduct();
		return new ReadSummary(records, this.variantRows, this.imageOnlyRows, this.invalidRows, this.products);
	}

	private RowKind classify(CsvRow record) {
		if (!this.shopify) {
			return RowKind.VARIANT;
		}
		if (!value(record, Field.OPTION1_VALUE).isEmpty() || !value(record, Field.SKU).isEmpty()
				|| !value(record, Field.PRICE).isEmpty()) {
			return RowKind.VARIANT;
		}
		return value(record, Field.IMAGE_SRC).isEmpty() ? RowKind.IGNORED : RowKind.IMAGE_ONLY;
	}

	private void startProduct(String handle, CsvRow record) {
		Product product = new Product(handle, this.row);
		this.current = product;
		String handleProblem = Values.handleProblem(handle);
		if (handleProblem != null) {
			productProblem(Field.HANDLE, handle, handleProblem, lengthArgs(handleProblem, Values.MAX_HANDLE_LENGTH));
		}
		product.title = value(record, Field.TITLE);
		if (product.title.isEmpty()) {
			productProblem(Field.TITLE, "", CatalogProblemCodes.TITLE_REQUIRED);
		}
		else if (product.title.length() > Values.MAX_TITLE_LENGTH) {
			productProblem(Field.TITLE, product.title, CatalogProblemCodes.TITLE_TOO_LONG, Values.MAX_TITLE_LENGTH);
		}
		product.descriptionHtml = Descriptions.sanitize(value(record, Field.DESCRIPTION));
		String category = value(record, Field.CATEGORY);
		if (this.shopify && (category.isEmpty() || category.equalsIgnoreCase("Uncategorized"))) {
			category = value(record, Field.TYPE);
		}
		product.categoryPath = Values.categoryPath(category);
		product.brand = Cells.emptyToNull(value(record, Field.BRAND));
		product.tags = Values.tags(value(record, Field.TAGS));
		product.status = readStatus(record);
		product.seoTitle = Cells.emptyToNull(value(record, Field.SEO_TITLE));
		product.seoDescription = Cells.emptyToNull(value(record, Field.SEO_DESCRIPTION));
		for (int i = 0; i < 3; i++) {
			product.optionNames[i] = value(record, Field.OPTION_NAMES[i]);
		}
	}

	private ProductStatus readStatus(CsvRow record) {
		String status = value(record, Field.STATUS);
		if (!status.isEmpty()) {
			ProductStatus parsed = Values.status(status);
			if (parsed == null) {
				productProblem(Field.STATUS, status, CatalogProblemCodes.STATUS_UNKNOWN);
			}
			return parsed;
		}
		String published = value(record, Field.PUBLISHED);
		if (!this.shopify || published.isEmpty()) {
			return ProductStatus.DRAFT;
		}
		return switch (published.toLowerCase(Locale.ROOT)) {
			case "true" -> ProductStatus.ACTIVE;
			case "false" -> ProductStatus.DRAFT;
			default -> {
				productProblem(Field.PUBLISHED, published, CatalogProblemCodes.STATUS_UNKNOWN);
				yield null;
			}
		};
	}

	private void checkExtraOptions(CsvRow record) {
		for (int index : this.layout.extraOptionIndexes()) {
			String extra = this.layout.value(record, index);
			if (!extra.isEmpty()) {
				problem(this.row, this.layout.name(index), extra, CatalogProblemCodes.OPTION_TOO_MANY, 3);
			}
		}
	}

	private VariantDraft readVariant(CsvRow record) {
		String[] names = this.current.optionNames;
		String[] values = new String[3];
		for (int i = 0; i < 3; i++) {
			values[i] = value(record, Field.OPTION_VALUES[i]);
		}
		boolean placeholder = this.shopify && this.current.hasTitlePlaceholderName()
				&& values[0].equalsIgnoreCase(DEFAULT_TITLE) && values[1].isEmpty() && values[2].isEmpty();
		List<String> optionValues = new ArrayList<>(3);
		if (!placeholder) {
			for (int i = 0; i < 3; i++) {
				if (names[i].isEmpty() && !values[i].isEmpty()) {
					problem(Field.OPTION_VALUES[i], values[i], CatalogProblemCodes.OPTION_NAME_MISSING);
				}
				else if (!names[i].isEmpty() && values[i].isEmpty()) {
					problem(Field.OPTION_VALUES[i], "", CatalogProblemCodes.OPTION_VALUE_MISSING);
				}
				else if (!names[i].isEmpty()) {
					optionValues.add(values[i]);
				}
			}
		}
		String sku = value(record, Field.SKU);
		if (sku.isEmpty() && !this.shopify) {
			problem(Field.SKU, "", CatalogProblemCodes.SKU_REQUIRED);
		}
		else if (!sku.isEmpty()) {
			String skuProblem = Values.skuProblem(sku);
			if (skuProblem != null) {
				problem(Field.SKU, sku, skuProblem, lengthArgs(skuProblem, SkuRules.MAX_LENGTH));
			}
		}
		BigDecimal price = money(record, Field.PRICE, true);
		BigDecimal compareAtPrice = money(record, Field.COMPARE_AT_PRICE, false);
		BigDecimal cost = money(record, Field.COST, false);
		String barcode = value(record, Field.BARCODE);
		if (barcode.startsWith("'")) {
			barcode = barcode.substring(1).strip();
		}
		if (Values.isScientific(barcode)) {
			problem(Field.BARCODE, barcode, CatalogProblemCodes.BARCODE_SCIENTIFIC);
		}
		Integer weightGrams = wholeNumber(record, Field.WEIGHT_GRAMS, this.shopify);
		Integer initialStock = stock(record);
		return new VariantDraft(this.row, sku, optionValues, placeholder, price, compareAtPrice, cost,
				Cells.emptyToNull(barcode), weightGrams, initialStock);
	}

	private List<ImageDraft> readImages(CsvRow record) {
		List<ImageDraft> images = new ArrayList<>(1);
		if (!this.shopify) {
			for (String url : value(record, Field.IMAGE_URLS).split("\\|")) {
				String trimmed = url.strip();
				if (!trimmed.isEmpty() && checkUrl(Field.IMAGE_URLS, trimmed)) {
					images.add(new ImageDraft(this.row, trimmed, null, Cells.emptyToNull(this.current.title)));
				}
			}
			return images;
		}
		String src = value(record, Field.IMAGE_SRC);
		if (!src.isEmpty() && checkUrl(Field.IMAGE_SRC, src)) {
			Integer position = null;
			String rawPosition = value(record, Field.IMAGE_POSITION);
			if (!rawPosition.isEmpty()) {
				position = Cells.wholeNumber(rawPosition, false).value();
				if (position == null || position < 1) {
					problem(Field.IMAGE_POSITION, rawPosition, CatalogProblemCodes.IMAGE_POSITION);
				}
			}
			images.add(new ImageDraft(this.row, src, position, Cells.emptyToNull(value(record, Field.IMAGE_ALT_TEXT))));
		}
		String variantImage = value(record, Field.VARIANT_IMAGE);
		if (!variantImage.isEmpty() && checkUrl(Field.VARIANT_IMAGE, variantImage)) {
			images.add(new ImageDraft(this.row, variantImage, null, null));
		}
		return images;
	}

	private boolean checkUrl(Field field, String url) {
		if (Values.isWebUrl(url) || ProductImage.isDemoImage(url)) {
			return true;
		}
		problem(field, url, CatalogProblemCodes.IMAGE_URL);
		return false;
	}

	private boolean addVariant(VariantDraft draft) {
		Product product = this.current;
		String combination = String.join("\u0001", draft.optionValues).toLowerCase(Locale.ROOT);
		Long earlier = product.combinations.get(combination);
		if (earlier != null) {
			problem(this.row, "", "", CatalogProblemCodes.OPTION_DUPLICATE, earlier);
			return false;
		}
		String sku = draft.sku;
		if (this.shopify) {
			if (sku.isEmpty()) {
				sku = SkuRules.derive(product.handle, draft.optionValues);
			}
			if (product.skus.contains(sku) || this.fileSkus.contains(SkuRules.hash64(sku))) {
				String unique = SkuRules.disambiguate(sku, draft.optionValues,
						(candidate) -> product.skus.contains(candidate)
								|| this.fileSkus.contains(SkuRules.hash64(candidate)));
				if (!draft.sku.isEmpty()) {
					warning(this.row, this.layout.name(Field.SKU), draft.sku, CatalogProblemCodes.SKU_REPEATED, unique);
				}
				sku = unique;
			}
		}
		long hash = SkuRules.hash64(sku);
		if (this.fileSkus.contains(hash)) {
			problem(Field.SKU, sku, CatalogProblemCodes.SKU_DUPLICATE);
			return false;
		}
		this.fileSkus.add(hash);
		product.skus.add(sku);
		product.combinations.put(combination, this.row);
		product.variants.add(new VariantRecord(this.row, sku, draft.optionValues, draft.price, draft.compareAtPrice,
				draft.cost, draft.barcode, draft.weightGrams, draft.initialStock));
		product.placeholders.add(draft.placeholder);
		return true;
	}

	private void finishProduct() {
		Product product = this.current;
		this.current = null;
		if (product == null || product.invalid) {
			return;
		}
		List<String> optionNames = Arrays.stream(product.optionNames).filter((name) -> !name.isEmpty()).toList();
		List<VariantRecord> variants = product.variants;
		if (this.shopify && product.hasTitlePlaceholderName()) {
			if (!product.placeholders.contains(false)) {
				optionNames = List.of();
			}
			else {
				// Shopify keeps "Default Title" as a real value once another variant
				// gives the Title option one (such as "-")
				variants = new ArrayList<>();
				for (int i = 0; i < product.variants.size(); i++) {
					VariantRecord variant = product.variants.get(i);
					variants.add(
							product.placeholders.get(i)
									? new VariantRecord(variant.row(), variant.sku(), List.of(DEFAULT_TITLE),
											variant.price(), variant.compareAtPrice(), variant.cost(),
											variant.barcode(), variant.weightGrams(), variant.initialStock())
									: variant);
				}
			}
		}
		if (variants.isEmpty() && product.hadVariantRows) {
			for (int i = 0; i < product.cleanRows.size(); i++) {
				problem(product.cleanRows.get(i), "", "", CatalogProblemCodes.PRODUCT_NO_VALID_VARIANT,
						product.firstRow);
			}
			return;
		}
		this.sink.product(new ProductRecord(product.firstRow, product.handle, product.title, product.descriptionHtml,
				product.categoryPath, product.brand, product.tags, product.status, product.seoTitle,
				product.seoDescription, optionNames, variants, product.images()));
		this.products++;
	}

	private BigDecimal money(CsvRow record, Field field, boolean required) {
		String raw = value(record, field);
		if (raw.isEmpty()) {
			if (required) {
				problem(field, "", CatalogProblemCodes.PRICE_REQUIRED);
			}
			return null;
		}
		Parsed<BigDecimal> parsed = Cells.money(raw);
		if (parsed.problem() != null) {
			problem(field, raw, parsed.problem());
		}
		return parsed.value();
	}

	/**
	 * Reads the stock; Shopify exports an oversold variant's negative stock, which is
	 * imported as 0 with a warning.
	 */
	private Integer stock(CsvRow record) {
		String raw = value(record, Field.INITIAL_STOCK);
		if (this.shopify && !raw.isEmpty()
				&& CsvProblems.NUMBER_NEGATIVE.equals(Cells.wholeNumber(raw, false).problem())) {
			warning(this.row, this.layout.name(Field.INITIAL_STOCK), raw, CatalogProblemCodes.STOCK_NEGATIVE);
			return 0;
		}
		return wholeNumber(record, Field.INITIAL_STOCK, false);
	}

	private Integer wholeNumber(CsvRow record, Field field, boolean roundFraction) {
		String raw = value(record, field);
		if (raw.isEmpty()) {
			return null;
		}
		Parsed<Integer> parsed = Cells.wholeNumber(raw, roundFraction);
		if (parsed.problem() != null) {
			problem(field, raw, parsed.problem());
		}
		return parsed.value();
	}

	private String value(CsvRow record, Field field) {
		return this.layout.value(record, field);
	}

	private void productProblem(Field field, String value, String code, Object... args) {
		this.current.invalid = true;
		problem(field, value, code, args);
	}

	private void problem(Field field, String value, String code, Object... args) {
		problem(this.row, this.layout.name(field), value, code, args);
	}

	private void problem(long row, String column, String value, String code, Object... args) {
		String shown = (value.length() > MAX_PROBLEM_VALUE) ? value.substring(0, MAX_PROBLEM_VALUE) + "…" : value;
		this.sink.problem(new RowProblem(row, column, shown, code, List.of(args)));
		if (row != this.lastProblemRow) {
			this.invalidRows++;
			this.lastProblemRow = row;
		}
		if (row == this.row) {
			this.rowProblems++;
		}
	}

	private void warning(long row, String column, String value, String code, Object... args) {
		String shown = (value.length() > MAX_PROBLEM_VALUE) ? value.substring(0, MAX_PROBLEM_VALUE) + "…" : value;
		this.sink.problem(new RowProblem(row, column, shown, code, List.of(args), true));
	}

	private static Object[] lengthArgs(String code, int maximum) {
		return code.endsWith("tooLong") ? new Object[] { maximum } : new Object[0];
	}

	private enum RowKind {

		VARIANT, IMAGE_ONLY, IGNORED

	}

	private record VariantDraft(long row, String sku, List<String> optionValues, boolean placeholder, BigDecimal price,
			BigDecimal compareAtPrice, BigDecimal cost, String barcode, Integer weightGrams, Integer initialStock) {
	}

	private record ImageDraft(long row, String url, Integer position, String altText) {
	}

	/**
	 * The product being assembled.
	 */
	private static final class Product {

		final String handle;

		String rawHandle;

		final long firstRow;

		boolean invalid;

		String title;

		String descriptionHtml;

		String categoryPath;

		String brand;

		List<String> tags;

		ProductStatus status;

		String seoTitle;

		String seoDescription;

		final String[] optionNames = new String[3];

		boolean hadVariantRows;

		final List<VariantRecord> variants = new ArrayList<>();

		final List<Boolean> placeholders = new ArrayList<>();

		final Set<String> skus = new HashSet<>();

		final Map<String, Long> combinations = new HashMap<>();

		final Map<String, ImageRecord> images = new LinkedHashMap<>();

		final Set<Integer> positions = new HashSet<>();

		final List<ImageDraft> deferredImages = new ArrayList<>();

		int maxPosition;

		final LongList cleanRows = new LongList();

		Product(String handle, long firstRow) {
			this.handle = handle;
			this.firstRow = firstRow;
		}

		boolean hasTitlePlaceholderName() {
			return TITLE_OPTION.equalsIgnoreCase(this.optionNames[0]) && this.optionNames[1].isEmpty()
					&& this.optionNames[2].isEmpty();
		}

		void addImage(ImageDraft draft) {
			Integer given = draft.position();
			if (given == null || this.positions.contains(given)) {
				this.deferredImages.add(draft);
			}
			else if (!this.images.containsKey(draft.url())) {
				place(draft, given);
			}
		}

		List<ImageRecord> images() {
			for (ImageDraft draft : this.deferredImages) {
				if (!this.images.containsKey(draft.url())) {
					place(draft, this.maxPosition + 1);
				}
			}
			List<ImageRecord> images = new ArrayList<>(this.images.values());
			images.sort(Comparator.comparingInt(ImageRecord::position));
			return images;
		}

		private void place(ImageDraft draft, int position) {
			this.positions.add(position);
			this.maxPosition = Math.max(this.maxPosition, position);
			this.images.put(draft.url(), new ImageRecord(draft.row(), draft.url(), position, draft.altText()));
		}

	}

	/**
	 * A growable list of primitive {@code long} values.
	 */
	private static final class LongList {

		private long[] values = new long[8];

		private int size;

		void add(long value) {
			if (this.size == this.values.length) {
				this.values = Arrays.copyOf(this.values, this.size * 2);
			}
			this.values[this.size++] = value;
		}

		long get(int index) {
			return this.values[index];
		}

		int size() {
			return this.size;
		}

	}

}
