package io.shopops.fulfilment.catalog.importing;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import de.siegmar.fastcsv.reader.CsvRecord;

/**
 * Where each {@link Field} is in a file's header, and format detection from the header.
 * Header names are compared case-insensitively after trimming, stripping a BOM and a
 * trailing {@code *}, and turning full-width parentheses into ASCII ones.
 */
final class ColumnLayout {

	private static final Map<Field, List<String>> SHOPIFY_COLUMNS = shopifyColumns();

	private static final List<String> SHOPIFY_REQUIRED = List.of("Handle", "Title", "Variant Price");

	private static final Pattern EXTRA_OPTION = Pattern
		.compile("option\\s*[4-9]\\s*[ _]?\\s*(name|value)|规格[4-9](名称|值)");

	private final CatalogFormat format;

	private final List<String> header;

	private final int[] indexes;

	private final int[] extraOptionIndexes;

	private ColumnLayout(CatalogFormat format, List<String> header, int[] indexes, int[] extraOptionIndexes) {
		this.format = format;
		this.header = header;
		this.indexes = indexes;
		this.extraOptionIndexes = extraOptionIndexes;
	}

	/**
	 * Recognises the format of a header.
	 * @param header the header fields
	 * @return the format
	 * @throws CatalogFileException with {@link CatalogProblemCodes#HEADER_UNKNOWN} and
	 * the missing required columns of the closest format
	 */
	static CatalogFormat detect(List<String> header) throws CatalogFileException {
		Map<String, Integer> names = normalizedNames(header);
		if (names.containsKey("handle") && names.containsKey("title")
				&& (names.containsKey("variant price") || names.containsKey("variant sku"))) {
			return CatalogFormat.SHOPIFY;
		}
		List<String> missingTemplate = new ArrayList<>();
		boolean chinese = false;
		for (CatalogTemplate.Column column : CatalogTemplate.Column.values()) {
			chinese |= names.containsKey(normalize(column.chinese()));
		}
		for (CatalogTemplate.Column column : CatalogTemplate.Column.values()) {
			if (column.required() && !names.containsKey(normalize(column.english()))
					&& !names.containsKey(normalize(column.chinese()))) {
				missingTemplate.add(chinese ? column.chinese() : column.english());
			}
		}
		if (missingTemplate.isEmpty()) {
			return CatalogFormat.TEMPLATE;
		}
		boolean shopifyLike = names.keySet()
			.stream()
			.anyMatch((name) -> name.startsWith("variant ") || name.equals(normalize("Body (HTML)"))
					|| name.equals("vendor"));
		List<String> missing = missingTemplate;
		if (shopifyLike) {
			missing = SHOPIFY_REQUIRED.stream().filter((name) -> !names.containsKey(normalize(name))).toList();
		}
		throw new CatalogFileException(CatalogProblemCodes.HEADER_UNKNOWN, List.of(String.join(", ", missing)));
	}

	static ColumnLayout of(CatalogFormat format, List<String> header) {
		Map<String, Integer> names = normalizedNames(header);
		int[] indexes = new int[Field.values().length];
		Arrays.fill(indexes, -1);
		if (format == CatalogFormat.SHOPIFY) {
			SHOPIFY_COLUMNS.forEach((field, aliases) -> {
				for (String alias : aliases) {
					Integer index = names.get(normalize(alias));
					if (index != null) {
						indexes[field.ordinal()] = index;
						return;
					}
				}
			});
		}
		else {
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
		List<Integer> extraOptions = new ArrayList<>();
		for (int i = 0; i < header.size(); i++) {
			if (EXTRA_OPTION.matcher(normalize(header.get(i))).matches()) {
				extraOptions.add(i);
			}
		}
		return new ColumnLayout(format, List.copyOf(header), indexes,
				extraOptions.stream().mapToInt(Integer::intValue).toArray());
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
	String value(CsvRecord record, Field field) {
		return value(record, this.indexes[field.ordinal()]);
	}

	String value(CsvRecord record, int index) {
		if (index < 0 || index >= record.getFieldCount()) {
			return "";
		}
		return record.getField(index).strip();
	}

	int[] extraOptionIndexes() {
		return this.extraOptionIndexes;
	}

	static String normalize(String name) {
		String normalized = name.replace("\uFEFF", "").strip();
		while (normalized.endsWith("*") || normalized.endsWith("＊")) {
			normalized = normalized.substring(0, normalized.length() - 1).strip();
		}
		return normalized.replace('（', '(')
			.replace('）', ')')
			.replaceAll("\\s+", " ")
			.replace(" (", "(")
			.replace("( ", "(")
			.toLowerCase(Locale.ROOT);
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

}
