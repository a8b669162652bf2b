package io.shopops.fulfilment.catalog.importing;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.Header;

/**
 * Where each {@link Field} is in a file's header, and format detection from the header.
 * Header names are compared as {@link Header#normalize(String)} does.
 * <p>
 * Detection, in this order: Shopify classic ({@code Handle}, {@code Title} and
 * {@code Variant Price} or {@code Variant SKU}), Shopify current ({@code URL handle},
 * {@code Title} and {@code Price} or {@code SKU}), WooCommerce ({@code Type},
 * {@code Name} and {@code Regular price} or {@code Parent}), the ShopOps template (its
 * required columns). Anything else is refused with a message naming what was recognised
 * and what was not: the closest format with its missing required columns, another
 * platform's export (Magento, PrestaShop), or a separator other than the comma.
 */
final class ColumnLayout {

	/** The most columns a header may have. */
	static final int MAX_COLUMNS = CsvFile.MAX_COLUMNS;

	private static final int MAX_LISTED = 12;

	private static final Map<Field, List<String>> SHOPIFY_COLUMNS = shopifyColumns();

	private static final Map<Field, List<String>> SHOPIFY_CURRENT_COLUMNS = shopifyCurrentColumns();

	private static final Map<Field, List<String>> WOOCOMMERCE_COLUMNS = wooCommerceColumns();

	private static final Map<CatalogFormat, List<String>> REQUIRED = Map.of(CatalogFormat.SHOPIFY,
			List.of("Handle", "Title", "Variant Price"), CatalogFormat.SHOPIFY_CURRENT,
			List.of("URL handle", "Title", "Price"), CatalogFormat.WOOCOMMERCE,
			List.of("Type", "Name", "Regular price"));

	private static final Pattern EXTRA_OPTION = Pattern
		.compile("option\\s*[4-9]\\s*[ _]?\\s*(name|value)|规格[4-9](名称|值)");

	private static final Pattern WOO_ATTRIBUTE = Pattern.compile("attribute (\\d+) (name|value\\(s\\))");

	private static final Pattern WOO_WEIGHT = Pattern.compile("weight(?:\\((.*)\\))?");

	private static final Map<String, BigDecimal> GRAMS_PER_UNIT = Map.of("g", BigDecimal.ONE, "kg",
			new BigDecimal("1000"), "lbs", new BigDecimal("453.59237"), "lb", new BigDecimal("453.59237"), "oz",
			new BigDecimal("28.349523125"));

	private final CatalogFormat format;

	private final List<String> header;

	private final int[] indexes;

	private final int[] extraOptionIndexes;

	private final int[][] attributeIndexes;

	private final BigDecimal gramsPerUnit;

	private ColumnLayout(CatalogFormat format, List<String> header, int[] indexes, int[] extraOptionIndexes,
			int[][] attributeIndexes, BigDecimal gramsPerUnit) {
		this.format = format;
		this.header = header;
		this.indexes = indexes;
		this.extraOptionIndexes = extraOptionIndexes;
		this.attributeIndexes = attributeIndexes;
		this.gramsPerUnit = gramsPerUnit;
	}

	/**
	 * Recognises the format of a header.
	 * @param header the header fields
	 * @return the format
	 * @throws CsvFileException with {@link CatalogProblemCodes#HEADER_UNKNOWN},
	 * {@link CatalogProblemCodes#HEADER_FOREIGN},
	 * {@link CatalogProblemCodes#HEADER_SEPARATOR},
	 * {@link CatalogProblemCodes#HEADER_TOO_MANY_COLUMNS} or
	 * {@link CatalogProblemCodes#HEADER_WEIGHT_UNIT}
	 */
	static CatalogFormat detect(List<String> header) throws CsvFileException {
		if (header.size() > MAX_COLUMNS) {
			throw new CsvFileException(CsvProblems.HEADER_TOO_MANY_COLUMNS, List.of(MAX_COLUMNS));
		}
		Map<String, Integer> names = normalizedNames(header);
		CatalogFormat format = recognise(names);
		if (format == CatalogFormat.WOOCOMMERCE) {
			wooWeightFactor(header);
			return format;
		}
		if (format != null) {
			return format;
		}
		refuse(header, names);
		throw new IllegalStateException("unreachable");
	}

	private static CatalogFormat recognise(Map<String, Integer> names) {
		if (names.containsKey("handle") && names.containsKey("title")
				&& (names.containsKey("variant price") || names.containsKey("variant sku"))) {
			return CatalogFormat.SHOPIFY;
		}
		if (names.containsKey("url handle") && names.containsKey("title")
				&& (names.containsKey("price") || names.containsKey("sku"))) {
			return CatalogFormat.SHOPIFY_CURRENT;
		}
		if (names.containsKey("type") && names.containsKey("name")
				&& (names.containsKey("regular price") || names.containsKey("parent"))) {
			return CatalogFormat.WOOCOMMERCE;
		}
		return missingTemplateColumns(names).isEmpty() ? CatalogFormat.TEMPLATE : null;
	}

	private static void refuse(List<String> header, Map<String, Integer> names) throws CsvFileException {
		for (String separator : List.of(";", "\t", "|")) {
			List<String> split = List.of(String.join(",", header).split(Pattern.quote(separator), -1));
			if (split.size() > header.size()) {
				String foreign = foreign(normalizedNames(split));
				if (foreign != null) {
					throw new CsvFileException(CatalogProblemCodes.HEADER_FOREIGN,
							List.of(foreign, listed(split.stream().filter((name) -> !name.isBlank()).toList())));
				}
				throw new CsvFileException(CatalogProblemCodes.HEADER_SEPARATOR,
						List.of(separator.equals("\t") ? "Tab" : separator,
								listed(split.stream().filter((name) -> !name.isBlank()).toList())));
			}
		}
		String foreign = foreign(names);
		if (foreign != null) {
			throw new CsvFileException(CatalogProblemCodes.HEADER_FOREIGN,
					List.of(foreign, listed(header.stream().filter((name) -> !name.isBlank()).toList())));
		}
		CatalogFormat closest = CatalogFormat.TEMPLATE;
		Set<String> closestKnown = templateNames();
		long best = -1;
		for (CatalogFormat candidate : CatalogFormat.values()) {
			Set<String> known = (candidate == CatalogFormat.TEMPLATE) ? templateNames()
					: knownNames(columns(candidate));
			long recognised = names.keySet().stream().filter(known::contains).count();
			if (recognised > best) {
				best = recognised;
				closest = candidate;
				closestKnown = known;
			}
		}
		List<String> missing = (closest == CatalogFormat.TEMPLATE) ? missingTemplateColumns(names)
				: REQUIRED.get(closest).stream().filter((name) -> !names.containsKey(normalize(name))).toList();
		Set<String> finalKnown = closestKnown;
		List<String> recognised = new ArrayList<>();
		List<String> unrecognised = new ArrayList<>();
		long empty = 0;
		for (String name : header) {
			if (name.isBlank()) {
				empty++;
			}
			else if (finalKnown.contains(normalize(name))) {
				recognised.add(name.strip());
			}
			else {
				unrecognised.add(name.strip());
			}
		}
		throw new CsvFileException(CatalogProblemCodes.HEADER_UNKNOWN, List.of(closest.displayName(),
				String.join(", ", missing), listed(recognised), listed(unrecognised), empty));
	}

	private static String foreign(Map<String, Integer> names) {
		if (names.containsKey("sku") && (names.containsKey("attribute_set_code") || names.containsKey("product_type")
				|| names.containsKey("store_view_code"))) {
			return "Magento";
		}
		if (names.containsKey("active(0/1)") || names.containsKey("price tax excluded")
				|| names.containsKey("price tax excl.") || names.containsKey("reference #")) {
			return "PrestaShop";
		}
		return null;
	}

	private static String listed(List<String> names) {
		if (names.isEmpty()) {
			return "—";
		}
		if (names.size() <= MAX_LISTED) {
			return String.join(", ", names);
		}
		return String.join(", ", names.subList(0, MAX_LISTED)) + " … (+" + (names.size() - MAX_LISTED) + ")";
	}

	private static List<String> missingTemplateColumns(Map<String, Integer> names) {
		List<String> missing = new ArrayList<>();
		boolean chinese = false;
		for (CatalogTemplate.Column column : CatalogTemplate.Column.values()) {
			chinese |= names.containsKey(normalize(column.chinese()));
		}
		for (CatalogTemplate.Column column : CatalogTemplate.Column.values()) {
			if (column.required() && !names.containsKey(normalize(column.english()))
					&& !names.containsKey(normalize(column.chinese()))) {
				missing.add(chinese ? column.chinese() : column.english());
			}
		}
		return missing;
	}

	private static Set<String> templateNames() {
		Set<String> known = new HashSet<>();
		for (CatalogTemplate.Column column : CatalogTemplate.Column.values()) {
			known.add(normalize(column.english()));
			known.add(normalize(column.chinese()));
		}
		return known;
	}

	private static Set<String> knownNames(Map<Field, List<String>> columns) {
		Set<String> known = new HashSet<>();
		columns.values().forEach((aliases) -> aliases.forEach((alias) -> known.add(normalize(alias))));
		return known;
	}

	private static Map<Field, List<String>> columns(CatalogFormat format) {
		return switch (format) {
			case SHOPIFY -> SHOPIFY_COLUMNS;
			case SHOPIFY_CURRENT -> SHOPIFY_CURRENT_COLUMNS;
			case WOOCOMMERCE -> WOOCOMMERCE_COLUMNS;
			case TEMPLATE -> Map.of();
		};
	}

	static ColumnLayout of(CatalogFormat format, List<String> header) throws CsvFileException {
		Map<String, Integer> names = normalizedNames(header);
		int[] indexes = new int[Field.values().length];
		Arrays.fill(indexes, -1);
		if (format == CatalogFormat.TEMPLATE) {
			for (CatalogTemplate.Column column : CatalogTemplate.Column.values()) {
				Integer index = names.get(normalize(column.english()));
				if (index == null) {
					index = names.get(normalize(column.chinese()));
				}
				if (index != null) {
					indexes[column.field().ordinal()] = index;
				}
			}
		}
		else {
			columns(format).forEach((field, aliases) -> {
				for (String alias : aliases) {
					Integer index = names.get(normalize(alias));
					if (index != null) {
						indexes[field.ordinal()] = index;
						return;
					}
				}
			});
		}
		List<Integer> extraOptions = new ArrayList<>();
		Map<Integer, int[]> attributes = new LinkedHashMap<>();
		BigDecimal gramsPerUnit = null;
		for (int i = 0; i < header.size(); i++) {
			String name = normalize(header.get(i));
			if (format != CatalogFormat.WOOCOMMERCE && EXTRA_OPTION.matcher(name).matches()) {
				extraOptions.add(i);
			}
			Matcher attribute = WOO_ATTRIBUTE.matcher(name);
			if (format == CatalogFormat.WOOCOMMERCE && attribute.matches()) {
				int[] pair = attributes.computeIfAbsent(Integer.parseInt(attribute.group(1)),
						(n) -> new int[] { -1, -1 });
				pair[attribute.group(2).equals("name") ? 0 : 1] = i;
			}
		}
		if (format == CatalogFormat.WOOCOMMERCE) {
			gramsPerUnit = wooWeightFactor(header);
			for (int i = 0; i < header.size(); i++) {
				if (WOO_WEIGHT.matcher(normalize(header.get(i))).matches()) {
					indexes[Field.WEIGHT_GRAMS.ordinal()] = i;
					break;
				}
			}
		}
		int[][] attributeIndexes = attributes.entrySet()
			.stream()
			.sorted(Map.Entry.comparingByKey())
			.map(Map.Entry::getValue)
			.filter((pair) -> pair[0] >= 0 && pair[1] >= 0)
			.toArray(int[][]::new);
		return new ColumnLayout(format, List.copyOf(header), indexes,
				extraOptions.stream().mapToInt(Integer::intValue).toArray(), attributeIndexes, gramsPerUnit);
	}

	/**
	 * Reads the weight unit from WooCommerce's {@code Weight (unit)} header. The exporter
	 * always names the shop's unit; a bare {@code Weight} column is taken to be in
	 * kilograms, WooCommerce's default unit.
	 */
	private static BigDecimal wooWeightFactor(List<String> header) throws CsvFileException {
		for (String name : header) {
			Matcher weight = WOO_WEIGHT.matcher(normalize(name));
			if (weight.matches()) {
				String unit = (weight.group(1) != null) ? weight.group(1).strip() : "kg";
				BigDecimal factor = GRAMS_PER_UNIT.get(unit);
				if (factor == null) {
					throw new CsvFileException(CatalogProblemCodes.HEADER_WEIGHT_UNIT, List.of(name.strip()));
				}
				return factor;
			}
		}
		return null;
	}

	CatalogFormat format() {
		return this.format;
	}

	int size() {
		return this.header.size();
	}

	boolean has(Field field) {
		return this.indexes[field.ordinal()] >= 0;
	}

	/**
	 * Returns the header name of a field as written in the file.
	 * @param field the field
	 * @return the header name, or {@code ""} if the file has no such column
	 */
	String name(Field field) {
		int index = this.indexes[field.ordinal()];
		return (index < 0) ? "" : this.header.get(index);
	}

	String name(int index) {
		return this.header.get(index);
	}

	/**
	 * Returns the trimmed value of a field.
	 * @param record the record
	 * @param field the field
	 * @return the trimmed value, {@code ""} if empty or if the file has no such column
	 */
	String value(CsvRow record, Field field) {
		return value(record, this.indexes[field.ordinal()]);
	}

	String value(CsvRow record, int index) {
		return record.get(index);
	}

	int[] extraOptionIndexes() {
		return this.extraOptionIndexes;
	}

	/**
	 * WooCommerce's attribute columns in attribute order.
	 * @return pairs of the {@code Attribute N name} and {@code Attribute N value(s)}
	 * column indexes
	 */
	int[][] attributeIndexes() {
		return this.attributeIndexes;
	}

	/**
	 * Grams per unit of WooCommerce's weight column.
	 * @return the factor, or {@code null} without a weight column
	 */
	BigDecimal gramsPerUnit() {
		return this.gramsPerUnit;
	}

	static String normalize(String name) {
		return Header.normalize(name);
	}

	private static Map<String, Integer> normalizedNames(List<String> header) {
		Map<String, Integer> names = new HashMap<>();
		for (int i = 0; i < header.size(); i++) {
			names.putIfAbsent(normalize(header.get(i)), i);
		}
		return names;
	}

	private static Map<Field, List<String>> shopifyColumns() {
		Map<Field, List<String>> columns = new EnumMap<>(Field.class);
		columns.put(Field.HANDLE, List.of("Handle"));
		columns.put(Field.TITLE, List.of("Title"));
		columns.put(Field.DESCRIPTION, List.of("Body (HTML)", "Body HTML"));
		columns.put(Field.BRAND, List.of("Vendor"));
		columns.put(Field.CATEGORY, List.of("Product Category", "Standard Product Type"));
		columns.put(Field.TYPE, List.of("Type", "Custom Product Type"));
		columns.put(Field.TAGS, List.of("Tags"));
		columns.put(Field.PUBLISHED, List.of("Published", "Published on online store"));
		columns.put(Field.STATUS, List.of("Status"));
		columns.put(Field.SEO_TITLE, List.of("SEO Title"));
		columns.put(Field.SEO_DESCRIPTION, List.of("SEO Description"));
		for (int i = 1; i <= 3; i++) {
			columns.put(Field.OPTION_NAMES[i - 1], List.of("Option" + i + " Name"));
			columns.put(Field.OPTION_VALUES[i - 1], List.of("Option" + i + " Value"));
		}
		columns.put(Field.SKU, List.of("Variant SKU"));
		columns.put(Field.PRICE, List.of("Variant Price"));
		columns.put(Field.COMPARE_AT_PRICE, List.of("Variant Compare At Price"));
		columns.put(Field.COST, List.of("Cost per item", "Variant Cost"));
		columns.put(Field.BARCODE, List.of("Variant Barcode"));
		columns.put(Field.WEIGHT_GRAMS, List.of("Variant Grams"));
		columns.put(Field.INITIAL_STOCK, List.of("Variant Inventory Qty"));
		columns.put(Field.IMAGE_SRC, List.of("Image Src"));
		columns.put(Field.IMAGE_POSITION, List.of("Image Position"));
		columns.put(Field.IMAGE_ALT_TEXT, List.of("Image Alt Text"));
		columns.put(Field.VARIANT_IMAGE, List.of("Variant Image"));
		return columns;
	}

	private static Map<Field, List<String>> shopifyCurrentColumns() {
		Map<Field, List<String>> columns = new EnumMap<>(Field.class);
		columns.put(Field.HANDLE, List.of("URL handle"));
		columns.put(Field.TITLE, List.of("Title"));
		columns.put(Field.DESCRIPTION, List.of("Description"));
		columns.put(Field.BRAND, List.of("Vendor"));
		columns.put(Field.CATEGORY, List.of("Product category"));
		columns.put(Field.TYPE, List.of("Type"));
		columns.put(Field.TAGS, List.of("Tags"));
		columns.put(Field.PUBLISHED, List.of("Published on online store"));
		columns.put(Field.STATUS, List.of("Status"));
		columns.put(Field.SEO_TITLE, List.of("SEO title"));
		columns.put(Field.SEO_DESCRIPTION, List.of("SEO description"));
		for (int i = 1; i <= 3; i++) {
			columns.put(Field.OPTION_NAMES[i - 1], List.of("Option" + i + " name"));
			columns.put(Field.OPTION_VALUES[i - 1], List.of("Option" + i + " value"));
		}
		columns.put(Field.SKU, List.of("SKU"));
		columns.put(Field.PRICE, List.of("Price"));
		columns.put(Field.COMPARE_AT_PRICE, List.of("Compare-at price"));
		columns.put(Field.COST, List.of("Cost per item"));
		columns.put(Field.BARCODE, List.of("Barcode"));
		columns.put(Field.WEIGHT_GRAMS, List.of("Weight value (grams)"));
		columns.put(Field.INITIAL_STOCK, List.of("Inventory quantity"));
		columns.put(Field.IMAGE_SRC, List.of("Product image URL"));
		columns.put(Field.IMAGE_POSITION, List.of("Image position"));
		columns.put(Field.IMAGE_ALT_TEXT, List.of("Image alt text"));
		columns.put(Field.VARIANT_IMAGE, List.of("Variant image URL"));
		return columns;
	}

	private static Map<Field, List<String>> wooCommerceColumns() {
		Map<Field, List<String>> columns = new EnumMap<>(Field.class);
		columns.put(Field.ID, List.of("ID"));
		columns.put(Field.KIND, List.of("Type"));
		columns.put(Field.SKU, List.of("SKU"));
		columns.put(Field.TITLE, List.of("Name"));
		columns.put(Field.PUBLISHED, List.of("Published"));
		columns.put(Field.SHORT_DESCRIPTION, List.of("Short description"));
		columns.put(Field.DESCRIPTION, List.of("Description"));
		columns.put(Field.INITIAL_STOCK, List.of("Stock"));
		columns.put(Field.SALE_PRICE, List.of("Sale price"));
		columns.put(Field.PRICE, List.of("Regular price"));
		columns.put(Field.CATEGORY, List.of("Categories"));
		columns.put(Field.TAGS, List.of("Tags"));
		columns.put(Field.IMAGE_URLS, List.of("Images"));
		columns.put(Field.PARENT, List.of("Parent"));
		columns.put(Field.BRAND, List.of("Brands"));
		columns.put(Field.BARCODE, List.of("GTIN, UPC, EAN, or ISBN"));
		return columns;
	}

}
