package io.shopops.platform.web;

import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.BeanUtils;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.core.MethodParameter;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.util.StringUtils;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

/**
 * Bad input is never a server error. Every GET page the application maps, found through
 * the handler mapping so that a new page is covered without editing this test, gets a
 * NUL, out-of-range numbers and dates and tampered cursors in each of its parameters, as
 * an admin (who may open every page).
 */
@SpringBootTest
@AutoConfigureMockMvc
class BadInputTests {

	/** Values that ended in a 500 somewhere (issue 7), and their relatives. */
	static final List<String> BAD_VALUES = List.of("a\u0000b", "1E-999999999", "1E+999999999", "-1", "2147483647",
			"9223372036854775808", "+999999999-12-31", "-999999999-01-01", "not-a-value",
			cursor("UPDATED|99999999999999999|1"), cursor("PRICE_ASC|1E-999999999|1"), cursor("TITLE|\u0000|1"),
			"x".repeat(300));

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void everyGetParameterOfEveryPageSurvivesBadInput() throws Exception {
		Map<String, Set<String>> pages = getPages();
		assertThat(pages).containsKeys("/products", "/products/export.csv", "/products/categories", "/products/brands",
				"/inventory", "/orders", "/dashboard", "/admin/users", "/admin/audit", "/admin/settings",
				"/imports/products");
		assertThat(pages.get("/products")).contains("q", "minPrice", "maxPrice", "after", "before", "sort");
		assertThat(pages.get("/admin/audit")).contains("from", "to", "before", "actor");
		assertThat(pages.get("/admin/users")).contains("page", "q");

		RequestPostProcessor admin = user("fuzz-admin").roles(Role.ADMIN.name());
		List<String> failures = new ArrayList<>();
		int requests = 0;
		for (var page : pages.entrySet()) {
			for (String parameter : page.getValue()) {
				for (String value : BAD_VALUES) {
					requests++;
					String request = page.getKey() + "?" + parameter + "=" + printable(value);
					try {
						int status = this.mvc.perform(get(page.getKey()).param(parameter, value).with(admin))
							.andReturn()
							.getResponse()
							.getStatus();
						if (status >= 500) {
							failures.add(request + " -> " + status);
						}
					}
					catch (Exception ex) {
						failures.add(request + " -> " + ex);
					}
				}
			}
		}
		assertThat(requests).isGreaterThan(300);
		assertThat(failures).as("%d requests", requests).isEmpty();
	}

	@Test
	void aNulIsRefusedBeforeTheLoginIsTriedThrottledOrAudited() throws Exception {
		String username = "nul-" + System.nanoTime();
		this.mvc.perform(post("/login").param("username", username + "\u0000").param("password", "secret").with(csrf()))
			.andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM login_failure WHERE username LIKE ?")
			.param(username + "%")
			.query(Long.class)
			.single()).isZero();
		assertThat(this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE actor LIKE ?")
			.param(username + "%")
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void aNulInAnyFormFieldOrPathIsABadRequest() throws Exception {
		RequestPostProcessor admin = user("nul-admin").roles(Role.ADMIN.name());
		this.mvc.perform(post("/products/brands").param("name", "Bad\u0000Brand").with(admin).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(post("/products/categories").param("name", "\u0000").with(admin).with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/admin/settings").param("shopName", "Shop\u0000")
				.param("timeZone", "UTC")
				.param("currency", "CNY")
				.param("version", "0")
				.with(admin)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc
			.perform(post("/admin/users").param("username", "nul\u0000user")
				.param("displayName", "x")
				.param("role", "OPERATOR")
				.param("password", TestUsers.PASSWORD)
				.with(admin)
				.with(csrf()))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/products").param("tag\u0000", "x").with(admin)).andExpect(status().isBadRequest());
		assertThat(this.jdbc.sql("SELECT count(*) FROM brand WHERE name LIKE 'Bad%Brand'").query(Long.class).single())
			.isZero();
	}

	@Test
	void aNulInAMultipartTextFieldIsABadRequest() throws Exception {
		this.mvc
			.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart("/imports/products")
				.file("file", "handle\n".getBytes(StandardCharsets.UTF_8))
				.param("mode", "validate\u0000")
				.with(user("nul-admin").roles(Role.ADMIN.name()))
				.with(csrf()))
			.andExpect(status().isBadRequest());
	}

	@Test
	void settingsSentWithoutTheirVersionAreAFormError() throws Exception {
		this.mvc
			.perform(post("/admin/settings").param("shopName", "ShopOps")
				.param("timeZone", "Asia/Shanghai")
				.param("currency", "CNY")
				.with(user("settings-admin").roles(Role.ADMIN.name()))
				.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(view().name("platform/settings/form"))
			.andExpect(model().attributeHasErrors("form"));
	}

	@Test
	void outOfRangeAuditDatesAndUserPagesAreBadRequests() throws Exception {
		RequestPostProcessor admin = user("range-admin").roles(Role.ADMIN.name());
		for (String to : List.of("+999999999-12-31", "-999999999-01-01", "+10000-01-01")) {
			MvcResult result = this.mvc.perform(get("/admin/audit").param("to", to).with(admin))
				.andExpect(status().isBadRequest())
				.andReturn();
			assertThat(result.getResolvedException()).hasMessage("error.badInput.date");
		}
		this.mvc.perform(get("/admin/audit").param("from", "9999-12-31").param("to", "9999-12-31").with(admin))
			.andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").param("page", "2147483647").with(admin))
			.andExpect(status().isBadRequest());
		this.mvc.perform(get("/admin/users").param("page", "-5").with(admin)).andExpect(status().isOk());
	}

	@Test
	void oddUploadFileNamesAreStoredSanitised() throws Exception {
		String csv = "handle,title,description,category,brand,tags,status,seo_title,seo_description,"
				+ "option1_name,option1_value,option2_name,option2_value,option3_name,option3_value,sku,price,"
				+ "compare_at_price,cost,barcode,weight_grams,initial_stock,image_urls\n";
		for (String name : List.of("/", "\\", "//", "\u0000", "a/\u0000", "..")) {
			String body = this.mvc
				.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
					.multipart("/imports/products")
					.file(new org.springframework.mock.web.MockMultipartFile("file", name, "text/csv",
							(csv + "odd-name-" + System.nanoTime() + ",Odd,,,,,active,,,,,,,,,ODD-" + System.nanoTime()
									+ ",1.00,,,,,,\n")
								.getBytes(StandardCharsets.UTF_8)))
					.param("mode", "validate")
					.accept("application/json")
					.with(user("upload-admin").roles(Role.ADMIN.name()))
					.with(csrf()))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(body).as("file name %s", printable(name)).contains("\"fileName\":\"upload\"");
		}
	}

	/**
	 * Paths of GET handlers with the parameters each binds: {@code @RequestParam}s,
	 * simple unannotated arguments, and the properties of {@code @ModelAttribute}
	 * objects. Path variables get a sample value.
	 */
	private Map<String, Set<String>> getPages() {
		Map<String, Set<String>> pages = new LinkedHashMap<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : this.mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			if (!methods.isEmpty() && !methods.contains(RequestMethod.GET)) {
				continue;
			}
			Set<String> parameters = new LinkedHashSet<>();
			for (MethodParameter parameter : entry.getValue().getMethodParameters()) {
				parameters.addAll(parameterNames(parameter));
			}
			for (String pattern : info.getPatternValues()) {
				pages.computeIfAbsent(samplePath(pattern), (path) -> new LinkedHashSet<>()).addAll(parameters);
			}
		}
		return pages;
	}

	private static List<String> parameterNames(MethodParameter parameter) {
		parameter.initParameterNameDiscovery(new org.springframework.core.DefaultParameterNameDiscoverer());
		RequestParam requestParam = parameter.getParameterAnnotation(RequestParam.class);
		Class<?> type = parameter.getParameterType();
		if (requestParam != null) {
			String name = StringUtils.hasText(requestParam.name()) ? requestParam.name() : parameter.getParameterName();
			return (name != null && !Map.class.isAssignableFrom(type)) ? List.of(name) : List.of();
		}
		if (parameter.hasParameterAnnotation(ModelAttribute.class)) {
			if (type.isRecord()) {
				return java.util.Arrays.stream(type.getRecordComponents()).map(RecordComponent::getName).toList();
			}
			return java.util.Arrays.stream(BeanUtils.getPropertyDescriptors(type))
				.filter((property) -> property.getWriteMethod() != null)
				.map(java.beans.PropertyDescriptor::getName)
				.toList();
		}
		if (parameter.getParameterAnnotations().length == 0 && BeanUtils.isSimpleProperty(type)
				&& !type.getName().startsWith("java.util.Locale") && parameter.getParameterName() != null) {
			return List.of(parameter.getParameterName());
		}
		return List.of();
	}

	private static String samplePath(String pattern) {
		Matcher variable = Pattern.compile("\\{([a-zA-Z]+)(:[^}]*)?}").matcher(pattern);
		StringBuilder path = new StringBuilder();
		while (variable.find()) {
			variable.appendReplacement(path, variable.group(1).equals("kind") ? "products" : "1");
		}
		variable.appendTail(path);
		return path.toString();
	}

	private static String cursor(String raw) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
	}

	private static String printable(String value) {
		String shown = value.replace("\u0000", "\\0");
		return (shown.length() > 40) ? shown.substring(0, 40) + "…" : shown;
	}

}
