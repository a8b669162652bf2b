package io.shopops.fulfilment.catalog.importing;

import io.shopops.fulfilment.catalog.Descriptions;
import io.shopops.fulfilment.catalog.ProductStatus;
import io.shopops.platform.csv.Cells;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.LongHashSet;
import io.shopops.platform.csv.Parsed;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Turns the rows of WooCommerce's product CSV export into products and problems.
 * <p>
 * Rules:
 * <ul>
 * <li>{@code Type} is a comma-separated list ({@code simple, downloadable, virtual}).
 * {@code simple} rows are single-variant products, passed on at once. {@code variable}
 * rows and {@code variation} rows are held until the end of the file, so a variation may
 * come before or after its parent; a variation names its parent in {@code Parent} by SKU
 * or as {@code id:NN}. {@code grouped} and {@code external} products, and any other type,
 * are reported as not supported.</li>
 * <li>Handle: the product's SKU normalised like a Shopify handle; without a SKU the
 * normalised name plus {@code -} and the ID; a handle already taken in the file gets
 * {@code -2}, {@code -3}…</li>
 * <li>Options of a variable product: the attributes ({@code Attribute N name} /
 * {@code Attribute N value(s)}) its variations give a value for, in the parent's
 * attribute order, at most three. Attributes of a simple product, and attributes no
 * variation uses (WooCommerce's "any"), are not options. A variation without a value for
 * an option, or with the same values as an earlier variation, is reported and left out; a
 * variable product without a valid variation is reported on its row.</li>
 * <li>Price: {@code Sale price} when given (then {@code Regular price} is the compare-at
 * price), else {@code Regular price}; a variant row with neither is reported.</li>
 * <li>Weight: the unit is read from the header ({@code Weight (lbs)}; {@code kg},
 * {@code g}, {@code lbs}, {@code oz}; a bare {@code Weight} is taken as kg, WooCommerce's
 * default) and converted to whole grams. A variation without weight has its
 * parent's.</li>
 * <li>Categories {@code A > B, C}: the first category is the category path, the others
 * are ignored. Tags comma-separated. Images: comma-separated URLs, the variations' images
 * after the parent's. Description: {@code Description}, else {@code Short description}.
 * {@code Published}: {@code 1} active, {@code 0}, {@code -1} (private) or empty
 * draft.</li>
 * <li>SKUs as for Shopify: a repeated SKU is imported under a derived one with a warning;
 * a variant without SKU gets one derived from the handle and its option values.</li>
 * </ul>
 */
final class WooCommerceAssembler implements RowAssembler {

	private static final int MAX_PROBLEM_VALUE = 200;

	private static final int MAX_NAME_IN_HANDLE = 200;

	private static final Pattern LIST_SEPARATOR = Pattern.compile("(?<!\\\\),");

	private final ColumnLayout layout;

	private final CatalogSink sink;

	private final LongHashSet fileSkus = new LongHashSet();

	private final LongHashSet failedRows = new LongHashSet();

	private final Set<String> handles = new HashSet<>();

	private final Set<String> simpleRefs = new HashSet<>();

	private final Map<String, Parent> parents = new HashMap<>();

	private final List<Parent> parentOrder = new ArrayList<>();

	private final List<Variation> variations = new ArrayList<>();

	private long variantRows;

	private long invalidRows;

	private long products;

	WooCommerceAssembler(ColumnLayout layout, CatalogSink sink) {
		this.layout = layout;
		this.sink = sink;
	}

	@Override
	public void row(long row, CsvRow record) {
		String rawKind = value(record, Field.KIND);
		Set<String> kinds = new HashSet<>();
		for (String kind : rawKind.toLowerCase(Locale.ROOT).split(",")) {
			kinds.add(kind.strip());
		}
		if (kinds.contains("variation")) {
			this.variantRows++;
			this.variations.add(new Variation(row, value(record, Field.PARENT), read(row, record)));
		}
		else if (kinds.contains("variable")) {
			Parent parent = new Parent(read(row, record));
			this.parentOrder.add(parent);
			refs(record).forEach((ref) -> this.parents.putIfAbsent(ref, parent));
		}
		else if (kinds.contains("simple")) {
			this.variantRows++;
			this.simpleRefs.addAll(refs(record));
			simple(read(row, record));
		}
		else {
			problem(row, this.layout.name(Field.KIND), rawKind, CatalogProblemCodes.PRODUCT_TYPE_UNSUPPORTED,
					rawKind.isEmpty() ? "—" : rawKind);
		}
	}

	@Override
	public void rowProblem(long row, String code, Object... args) {
		problem(row, "", "", code, args);
	}

	@Override
	public ReadSummary finish(long records) {
		Map<Parent, List<Variation>> children = new LinkedHashMap<>();
		this.parentOrder.forEach((parent) -> children.put(parent, new ArrayList<>()));
		for (Variation variation : this.variations) {
			Parent parent = this.parents.get(variation.parent);
			if (parent != null) {
				children.get(parent).add(variation);
			}
			else if (this.simpleRefs.contains(variation.parent)) {
				problem(variation.row, this.layout.name(Field.PARENT), variation.parent,
						CatalogProblemCodes.VARIATION_PARENT_NOT_VARIABLE, variation.parent);
			}
			else {
				problem(variation.row, this.layout.name(Field.PARENT), variation.parent,
						CatalogProblemCodes.VARIATION_PARENT_MISSING,
						variation.parent.isEmpty() ? "—" : variation.parent);
			}
		}
		children.forEach(this::variable);
		return new ReadSummary(records, this.variantRows, 0, this.invalidRows, this.products);
	}

	private void simple(Draft draft) {
		Product product = start(draft);
		if (product == null) {
			return;
		}
		VariantRecord variant = variant(product, draft, List.of(), null);
		if (variant == null) {
			return;
		}
		product.variants.add(variant);
		pass(product, List.of());
	}

	private void variable(Parent parent, List<Variation> variations) {
		Draft draft = parent.draft;
		Product product = start(draft);
		if (product == null) {
			variations
				.forEach((variation) -> problem(variation.row, "", "", CatalogProblemCodes.PRODUCT_INVALID, draft.row));
			return;
		}
		List<String> optionNames = new ArrayList<>();
		for (Attribute attribute : draft.attributes) {
			if (used(attribute.name, variations)) {
				optionNames.add(attribute.name);
			}
		}
		for (Variation variation : variations) {
			for (Attribute attribute : variation.draft.attributes) {
				if (!attribute.value.isEmpty() && indexOf(optionNames, attribute.name) < 0) {
					optionNames.add(attribute.name);
				}
			}
		}
		if (optionNames.size() > 3) {
			problem(draft.row, "", String.join(", ", optionNames), CatalogProblemCodes.OPTION_TOO_MANY, 3);
			variations
				.forEach((variation) -> problem(variation.row, "", "", CatalogProblemCodes.PRODUCT_INVALID, draft.row));
			return;
		}
		Map<String, Long> combinations = new HashMap<>();
		List<ImageRecord> extraImages = new ArrayList<>();
		for (Variation variation : variations) {
			Draft child = variation.draft;
			List<String> values = new ArrayList<>();
			boolean complete = true;
			for (String name : optionNames) {
				String value = "";
				for (Attribute attribute : child.attributes) {
					if (attribute.name.equalsIgnoreCase(name)) {
						value = attribute.value;
					}
				}
				if (value.isEmpty()) {
					problem(child.row, name, "", CatalogProblemCodes.OPTION_VALUE_MISSING);
					complete = false;
				}
				values.add(value);
			}
			String combination = String.join("\u0001", values).toLowerCase(Locale.ROOT);
			Long earlier = combinations.get(combination);
			if (complete && earlier != null) {
				problem(child.row, "", "", CatalogProblemCodes.OPTION_DUPLICATE, earlier);
				complete = false;
			}
			if (!complete || child.failed) {
				continue;
			}
			VariantRecord variant = variant(product, child, values, draft.weightGrams);
			if (variant != null) {
				combinations.put(combination, child.row);
				product.variants.add(variant);
				extraImages.addAll(child.images);
			}
		}
		if (product.variants.isEmpty()) {
			problem(draft.row, "", "", CatalogProblemCodes.VARIABLE_NO_VARIATIONS);
			return;
		}
		pass(product, List.copyOf(optionNames), extraImages);
	}

	private void pass(Product product, List<String> optionNames) {
		pass(product, optionNames, List.of());
	}

	private void pass(Product product, List<String> optionNames, List<ImageRecord> extraImages) {
		Draft draft = product.draft;
		Map<String, ImageRecord> images = new LinkedHashMap<>();
		for (ImageRecord image : draft.images) {
			images.putIfAbsent(image.url(), image);
		}
		for (ImageRecord image : extraImages) {
			images.putIfAbsent(image.url(), image);
		}
		List<ImageRecord> positioned = new ArrayList<>();
		for (ImageRecord image : images.values()) {
			positioned.add(new ImageRecord(image.row(), image.url(), positioned.size() + 1, draft.title));
		}
		this.sink.product(
				new ProductRecord(draft.row, product.handle, draft.title, draft.descriptionHtml, draft.categoryPath,
						draft.brand, draft.tags, draft.status, null, null, optionNames, product.variants, positioned));
		this.products++;
	}

	/**
	 * Starts a product from its row, or reports why it cannot be one.
	 */
	private Product start(Draft draft) {
		if (draft.title.isEmpty()) {
			problem(draft.row, this.layout.name(Field.TITLE), "", CatalogProblemCodes.TITLE_REQUIRED);
			return null;
		}
		if (draft.title.length() > Values.MAX_TITLE_LENGTH) {
			problem(draft.row, this.layout.name(Field.TITLE), draft.title, CatalogProblemCodes.TITLE_TOO_LONG,
					Values.MAX_TITLE_LENGTH);
			return null;
		}
		if (draft.failed) {
			return null;
		}
		return new Product(draft, handle(draft));
	}

	private String handle(Draft draft) {
		String base = Values.shopifyHandle(draft.sku);
		if (base.isEmpty()) {
			String name = Values.shopifyHandle(draft.title);
			if (name.length() > MAX_NAME_IN_HANDLE) {
				name = name.substring(0, MAX_NAME_IN_HANDLE);
			}
			base = draft.id.isEmpty() ? name : (name.isEmpty() ? "product-" + draft.id : name + "-" + draft.id);
		}
		if (base.isEmpty()) {
			base = "product-" + draft.row;
		}
		String handle = base;
		for (int n = 2; this.handles.contains(handle); n++) {
			handle = base + "-" + n;
		}
		this.handles.add(handle);
		return handle;
	}

	/**
	 * Builds the variant of a row, or reports why it cannot be one.
	 */
	private VariantRecord variant(Product product, Draft draft, List<String> optionValues, Integer parentWeight) {
		if (draft.price == null) {
			if (!draft.failed) {
				problem(draft.row, this.layout.name(Field.PRICE), "", CatalogProblemCodes.PRICE_REQUIRED);
			}
			return null;
		}
		if (draft.failed) {
			return null;
		}
		String sku = draft.sku.isEmpty() ? SkuRules.derive(product.handle, optionValues) : draft.sku;
		if (this.fileSkus.contains(SkuRules.hash64(sku))) {
			String unique = SkuRules.disambiguate(sku, optionValues,
					(candidate) -> this.fileSkus.contains(SkuRules.hash64(candidate)));
			if (!draft.sku.isEmpty()) {
				warning(draft.row, this.layout.name(Field.SKU), draft.sku, CatalogProblemCodes.SKU_REPEATED, unique);
			}
			sku = unique;
		}
		this.fileSkus.add(SkuRules.hash64(sku));
		Integer weight = (draft.weightGrams != null) ? draft.weightGrams : parentWeight;
		return new VariantRecord(draft.row, sku, optionValues, draft.price, draft.compareAtPrice, null, draft.barcode,
				weight, draft.stock);
	}

	private Draft read(long row, CsvRow record) {
		Draft draft = new Draft(row);
		draft.id = value(record, Field.ID);
		draft.sku = value(record, Field.SKU);
		if (!draft.sku.isEmpty()) {
			String skuProblem = Values.skuProblem(draft.sku);
			if (skuProblem != null) {
				fail(draft, Field.SKU, draft.sku, skuProblem,
						skuProblem.endsWith("tooLong") ? new Object[] { SkuRules.MAX_LENGTH } : new Object[0]);
			}
		}
		draft.title = value(record, Field.TITLE);
		String description = value(record, Field.DESCRIPTION);
		if (description.isEmpty()) {
			description = value(record, Field.SHORT_DESCRIPTION);
		}
		draft.descriptionHtml = Descriptions.sanitize(description.replace("\\n", "\n"));
		List<String> categories = list(value(record, Field.CATEGORY));
		draft.categoryPath = categories.isEmpty() ? null : Values.categoryPath(categories.get(0));
		draft.tags = Values.tags(value(record, Field.TAGS));
		List<String> brands = list(value(record, Field.BRAND));
		draft.brand = brands.isEmpty() ? null : brands.get(0);
		draft.status = status(draft, value(record, Field.PUBLISHED));
		BigDecimal regular = money(draft, record, Field.PRICE);
		BigDecimal sale = money(draft, record, Field.SALE_PRICE);
		draft.price = (sale != null) ? sale : regular;
		draft.compareAtPrice = (sale != null) ? regular : null;
		String barcode = value(record, Field.BARCODE);
		draft.barcode = barcode.isEmpty() ? null : barcode;
		draft.weightGrams = weight(draft, record);
		draft.stock = stock(draft, record);
		for (String url : list(value(record, Field.IMAGE_URLS))) {
			if (Values.isWebUrl(url)) {
				draft.images.add(new ImageRecord(row, url, draft.images.size() + 1, null));
			}
			else {
				fail(draft, Field.IMAGE_URLS, url, CatalogProblemCodes.IMAGE_URL);
			}
		}
		for (int[] pair : this.layout.attributeIndexes()) {
			String name = this.layout.value(record, pair[0]);
			if (!name.isEmpty()) {
				List<String> values = list(this.layout.value(record, pair[1]));
				draft.attributes.add(new Attribute(name, values.isEmpty() ? "" : values.get(0)));
			}
		}
		return draft;
	}

	private ProductStatus status(Draft draft, String published) {
		return switch (published) {
			case "1" -> ProductStatus.ACTIVE;
			case "", "0", "-1" -> ProductStatus.DRAFT;
			default -> {
				fail(draft, Field.PUBLISHED, published, CatalogProblemCodes.STATUS_UNKNOWN);
				yield null;
			}
		};
	}

	private BigDecimal money(Draft draft, CsvRow record, Field field) {
		String raw = value(record, field);
		if (raw.isEmpty()) {
			return null;
		}
		Parsed<BigDecimal> parsed = Cells.money(raw);
		if (parsed.problem() != null) {
			fail(draft, field, raw, parsed.problem());
		}
		return parsed.value();
	}

	private Integer weight(Draft draft, CsvRow record) {
		String raw = value(record, Field.WEIGHT_GRAMS);
		if (raw.isEmpty() || this.layout.gramsPerUnit() == null) {
			return null;
		}
		BigDecimal amount;
		try {
			amount = new BigDecimal(raw.replace(',', '.'));
		}
		catch (NumberFormatException ex) {
			fail(draft, Field.WEIGHT_GRAMS, raw, CsvProblems.NUMBER_INVALID);
			return null;
		}
		if (amount.signum() < 0) {
			fail(draft, Field.WEIGHT_GRAMS, raw, CsvProblems.NUMBER_NEGATIVE);
			return null;
		}
		BigDecimal grams = amount.multiply(this.layout.gramsPerUnit()).setScale(0, RoundingMode.HALF_UP);
		if (grams.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
			fail(draft, Field.WEIGHT_GRAMS, raw, CsvProblems.NUMBER_TOO_LARGE);
			return null;
		}
		return grams.intValueExact();
	}

	private Integer stock(Draft draft, CsvRow record) {
		String raw = value(record, Field.INITIAL_STOCK);
		if (raw.isEmpty()) {
			return null;
		}
		Parsed<Integer> parsed = Cells.wholeNumber(raw, false);
		if (CsvProblems.NUMBER_NEGATIVE.equals(parsed.problem())) {
			warning(draft.row, this.layout.name(Field.INITIAL_STOCK), raw, CatalogProblemCodes.STOCK_NEGATIVE);
			return 0;
		}
		if (parsed.problem() != null) {
			fail(draft, Field.INITIAL_STOCK, raw, parsed.problem());
		}
		return parsed.value();
	}

	private List<String> refs(CsvRow record) {
		List<String> refs = new ArrayList<>(2);
		String id = value(record, Field.ID);
		if (!id.isEmpty()) {
			refs.add("id:" + id);
		}
		String sku = value(record, Field.SKU);
		if (!sku.isEmpty()) {
			refs.add(sku);
		}
		return refs;
	}

	private static boolean used(String name, List<Variation> variations) {
		for (Variation variation : variations) {
			for (Attribute attribute : variation.draft.attributes) {
				if (attribute.name.equalsIgnoreCase(name) && !attribute.value.isEmpty()) {
					return true;
				}
			}
		}
		return false;
	}

	private static int indexOf(List<String> names, String name) {
		for (int i = 0; i < names.size(); i++) {
			if (names.get(i).equalsIgnoreCase(name)) {
				return i;
			}
		}
		return -1;
	}

	/**
	 * Splits WooCommerce's comma-separated lists, where {@code \,} is a comma inside an
	 * item.
	 */
	private static List<String> list(String raw) {
		List<String> items = new ArrayList<>();
		for (String item : LIST_SEPARATOR.split(raw)) {
			String trimmed = item.replace("\\,", ",").strip();
			if (!trimmed.isEmpty()) {
				items.add(trimmed);
			}
		}
		return items;
	}

	private String value(CsvRow record, Field field) {
		return this.layout.value(record, field);
	}

	private void fail(Draft draft, Field field, String value, String code, Object... args) {
		draft.failed = true;
		problem(draft.row, this.layout.name(field), value, code, args);
	}

	private void problem(long row, String column, String value, String code, Object... args) {
		this.sink.problem(new RowProblem(row, column, shorten(value), code, List.of(args)));
		if (!this.failedRows.contains(row)) {
			this.failedRows.add(row);
			this.invalidRows++;
		}
	}

	private void warning(long row, String column, String value, String code, Object... args) {
		this.sink.problem(new RowProblem(row, column, shorten(value), code, List.of(args), true));
	}

	private static String shorten(String value) {
		return (value.length() > MAX_PROBLEM_VALUE) ? value.substring(0, MAX_PROBLEM_VALUE) + "…" : value;
	}

	/**
	 * What one row says, parsed; {@code failed} when it has a problem of its own.
	 */
	private static final class Draft {

		final long row;

		boolean failed;

		String id;

		String sku;

		String title;

		String descriptionHtml;

		String categoryPath;

		List<String> tags;

		String brand;

		ProductStatus status;

		BigDecimal price;

		BigDecimal compareAtPrice;

		String barcode;

		Integer weightGrams;

		Integer stock;

		final List<ImageRecord> images = new ArrayList<>();

		final List<Attribute> attributes = new ArrayList<>();

		Draft(long row) {
			this.row = row;
		}

	}

	private record Attribute(String name, String value) {
	}

	private record Parent(Draft draft) {
	}

	private record Variation(long row, String parent, Draft draft) {
	}

	/**
	 * A product being built from a simple or variable row.
	 */
	private static final class Product {

		final Draft draft;

		final String handle;

		final List<VariantRecord> variants = new ArrayList<>();

		Product(Draft draft, String handle) {
			this.draft = draft;
			this.handle = handle;
		}

	}

}
