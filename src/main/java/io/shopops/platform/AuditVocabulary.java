package io.shopops.platform;

import java.util.List;

/**
 * The audit codes a module records for one type of object, contributed by the module as a
 * bean. The audit log page offers them as filters and shows them through the message keys
 * {@code audit.objectType.<objectType>} and {@code audit.action.<ACTION>}, which the
 * module provides in both languages. Entries with codes no vocabulary names (from older
 * versions) still show, with their raw code.
 *
 * @param objectType the object type passed to {@link AuditLog}, e.g. {@code product}
 * @param actions the actions recorded on it, e.g. {@code PRODUCT_CREATED}, in the order
 * the filter lists them
 */
public record AuditVocabulary(String objectType, List<String> actions) {

	public AuditVocabulary {
		actions = List.copyOf(actions);
	}

}
