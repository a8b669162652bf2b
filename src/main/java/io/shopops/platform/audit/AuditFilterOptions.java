package io.shopops.platform.audit;

import java.text.Collator;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import io.shopops.platform.AuditVocabulary;

import org.springframework.context.MessageSource;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The choices of the audit log's action and object type filters: every code the modules
 * declare, labelled in the user's language, actions grouped by their object type.
 */
@ControllerAdvice(assignableTypes = AuditController.class)
class AuditFilterOptions {

	private final List<AuditVocabulary> vocabularies;

	private final MessageSource messages;

	AuditFilterOptions(List<AuditVocabulary> vocabularies, MessageSource messages) {
		this.vocabularies = vocabularies;
		this.messages = messages;
	}

	@ModelAttribute("auditObjectTypes")
	List<ObjectTypeOption> objectTypes(Locale locale) {
		Comparator<ObjectTypeOption> byLabel = Comparator.comparing(ObjectTypeOption::label,
				Collator.getInstance(locale));
		return this.vocabularies.stream()
			.map((vocabulary) -> new ObjectTypeOption(vocabulary.objectType(),
					label("audit.objectType.", vocabulary.objectType(), locale),
					vocabulary.actions()
						.stream()
						.map((action) -> new Option(action, label("audit.action.", action, locale)))
						.toList()))
			.sorted(byLabel)
			.toList();
	}

	private String label(String prefix, String code, Locale locale) {
		return this.messages.getMessage(prefix + code, null, code, locale);
	}

	/**
	 * An action code with its label.
	 *
	 * @param code what the filter sends
	 * @param label what the user reads
	 */
	record Option(String code, String label) {
	}

	/**
	 * An object type with its label and its actions.
	 *
	 * @param code what the filter sends
	 * @param label what the user reads
	 * @param actions the actions recorded on this type of object
	 */
	record ObjectTypeOption(String code, String label, List<Option> actions) {
	}

}
