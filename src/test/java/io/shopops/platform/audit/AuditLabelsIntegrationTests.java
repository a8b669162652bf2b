package io.shopops.platform.audit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import io.shopops.platform.AuditLog;
import io.shopops.platform.AuditVocabulary;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The audit log names actions and object types in the user's language and offers every
 * code the application records as a filter choice.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AuditLabelsIntegrationTests {

	/**
	 * A call of {@code record(…)} or {@code recordAs(actor, …)} with a literal action (or
	 * an action prefix followed by {@code +}) and a literal object type.
	 */
	private static final Pattern RECORDED = Pattern
		.compile("\\.record(?:As)?\\((?:[^,\"()]+(?:\\(\\))?,\\s*)?\"([A-Z_]+)\"\\s*(\\+[^,]+)?,\\s*\"([a-z]+)\"");

	@Autowired
	List<AuditVocabulary> vocabularies;

	@Autowired
	MessageSource messages;

	@Autowired
	AuditLog auditLog;

	@Autowired
	MockMvc mvc;

	@Test
	void everyRecordedCodeIsDeclaredWithMessagesInBothLanguages() throws IOException {
		List<String> calls = recordCalls();
		assertThat(calls).as("record calls found in the sources").hasSizeGreaterThan(20);
		List<String> actions = this.vocabularies.stream().flatMap((v) -> v.actions().stream()).toList();
		List<String> types = this.vocabularies.stream().map(AuditVocabulary::objectType).toList();
		assertThat(types).doesNotHaveDuplicates();
		assertThat(actions).doesNotHaveDuplicates();
		for (String call : calls) {
			Matcher matcher = RECORDED.matcher(call);
			assertThat(matcher.find()).isTrue();
			String action = matcher.group(1);
			boolean prefix = matcher.group(2) != null;
			String type = matcher.group(3);
			AuditVocabulary vocabulary = this.vocabularies.stream()
				.filter((v) -> v.objectType().equals(type))
				.findFirst()
				.orElseThrow(() -> new AssertionError("no AuditVocabulary for object type " + type + ": " + call));
			if (prefix) {
				assertThat(vocabulary.actions()).as(call).anyMatch((declared) -> declared.startsWith(action));
			}
			else {
				assertThat(vocabulary.actions()).as(call).contains(action);
			}
		}
		for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
			for (String action : actions) {
				assertThat(this.messages.getMessage("audit.action." + action, null, null, locale)).as(action)
					.isNotBlank();
			}
			for (String type : types) {
				assertThat(this.messages.getMessage("audit.objectType." + type, null, null, locale)).as(type)
					.isNotBlank();
			}
		}
	}

	@Test
	void theLogShowsLabelsAndOffersTheCodesAsChoices() throws Exception {
		String id = "labels-" + System.nanoTime();
		this.auditLog.recordAs("label-actor", "LOGIN_SUCCEEDED", "user", id, null);
		this.auditLog.recordAs("label-actor", "OLD_UNKNOWN_CODE", "gadget", id, null);
		String english = page(id, "en");
		assertThat(english).contains(">Logged in</td>", ">User</span>", ">OLD_UNKNOWN_CODE</td>", ">gadget</span>")
			.doesNotContain(">LOGIN_SUCCEEDED<")
			.contains("<option value=\"PRODUCTS_BULK_ARCHIVE\">Products archived in bulk</option>",
					"<option value=\"category\">Category</option>", "<optgroup label=\"Import\">");
		String chinese = page(id, "zh-CN");
		assertThat(chinese).contains(">登录成功</td>", ">用户</span>", "<option value=\"brand\">品牌</option>");

		String filtered = this.mvc
			.perform(get("/admin/audit").param("action", "LOGIN_SUCCEEDED")
				.param("objectType", "user")
				.param("objectId", id)
				.header("Accept-Language", "en")
				.with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(filtered).contains(">Logged in</td>")
			.doesNotContain(">OLD_UNKNOWN_CODE</td>")
			.contains("<option value=\"LOGIN_SUCCEEDED\" selected=\"selected\">Logged in</option>",
					"<option value=\"user\" selected=\"selected\">User</option>");
	}

	private String page(String objectId, String language) throws Exception {
		return this.mvc
			.perform(get("/admin/audit").param("objectId", objectId)
				.header("Accept-Language", language)
				.with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	private static List<String> recordCalls() throws IOException {
		List<String> calls = new ArrayList<>();
		try (Stream<Path> files = Files.walk(Path.of("src", "main", "java"))) {
			for (Path file : files.filter((f) -> f.toString().endsWith(".java")).toList()) {
				String source = Files.readString(file, StandardCharsets.UTF_8);
				Matcher call = Pattern.compile("auditLog\\s*\\.record(?:As)?\\(").matcher(source);
				while (call.find()) {
					String text = source.substring(call.start() + "auditLog".length(),
							Math.min(source.length(), call.start() + 300));
					assertThat(RECORDED.matcher(text).lookingAt())
						.as("%s: audit call without a literal action and object type: %s", file, text)
						.isTrue();
					calls.add(text);
				}
			}
		}
		return calls;
	}

}
