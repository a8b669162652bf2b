package io.shopops.platform.security;

import java.util.stream.Stream;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.authenticated;
import static org.springframework.security.test.web.servlet.response.SecurityMockMvcResultMatchers.unauthenticated;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class SecurityIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void loginWithTheRightPasswordSucceedsAndIsAudited() throws Exception {
		String username = this.users.create(Role.OPERATOR);
		this.mvc.perform(login(username, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andExpect(authenticated().withUsername(username).withRoles("OPERATOR"))
			.andExpect(redirectedUrl("/"));
		assertThat(auditActions(username)).contains("LOGIN_SUCCEEDED");
	}

	@Test
	void loginWithAWrongPasswordFailsAndIsAudited() throws Exception {
		String username = this.users.create(Role.OPERATOR);
		this.mvc.perform(login(username, "wrong-password", TestUsers.randomIp()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
		assertThat(auditActions(username)).contains("LOGIN_FAILED");
	}

	@Test
	void disabledUsersCannotLogIn() throws Exception {
		String username = this.users.create(Role.MANAGER);
		this.jdbc.sql("UPDATE user_account SET enabled = false WHERE username = ?").param(username).update();
		this.mvc.perform(login(username, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrl("/login?error"));
	}

	@Test
	void tenFailuresForOneUsernameRefuseFurtherAttemptsEvenWithTheRightPassword() throws Exception {
		String username = this.users.create(Role.OPERATOR);
		for (int i = 0; i < 10; i++) {
			this.mvc.perform(login(username, "wrong-" + i, TestUsers.randomIp()))
				.andExpect(redirectedUrl("/login?error"));
		}
		this.mvc.perform(login(username, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		assertThat(auditActions(username)).contains("LOGIN_REFUSED");

		String otherUser = this.users.create(Role.OPERATOR);
		this.mvc.perform(login(otherUser, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andExpect(authenticated().withUsername(otherUser));
	}

	@Test
	void nineFailuresThenTheRightPasswordStillLogsIn() throws Exception {
		String username = this.users.create(Role.OPERATOR);
		for (int i = 0; i < 9; i++) {
			this.mvc.perform(login(username, "wrong-" + i, TestUsers.randomIp()));
		}
		this.mvc.perform(login(username, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andExpect(authenticated().withUsername(username));
	}

	@Test
	void fiftyFailuresFromOneAddressRefuseThatAddressOnly() throws Exception {
		String ip = TestUsers.randomIp();
		for (int i = 0; i < 50; i++) {
			this.mvc.perform(login("nobody-" + i + "-" + ip, "wrong", ip)).andExpect(redirectedUrl("/login?error"));
		}
		String username = this.users.create(Role.OPERATOR);
		this.mvc.perform(login(username, TestUsers.PASSWORD, ip))
			.andExpect(unauthenticated())
			.andExpect(redirectedUrlPattern("/login?throttled=*"));
		this.mvc.perform(login(username, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andExpect(authenticated().withUsername(username));
	}

	@Test
	void throttledLoginPageExplainsTheRefusal() throws Exception {
		String body = this.mvc.perform(get("/login").param("throttled", "7").param("lang", "en"))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("Too many failed logins").contains("7 minute");
	}

	@Test
	void logoutEndsTheSession() throws Exception {
		String username = this.users.create(Role.OPERATOR);
		MockHttpSession session = (MockHttpSession) this.mvc
			.perform(login(username, TestUsers.PASSWORD, TestUsers.randomIp()))
			.andReturn()
			.getRequest()
			.getSession();
		this.mvc.perform(get("/").session(session)).andExpect(status().isOk());
		this.mvc.perform(post("/logout").with(csrf()).session(session)).andExpect(redirectedUrl("/login?logout"));
		this.mvc.perform(get("/").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void stateChangesWithoutCsrfTokenAreRejected() throws Exception {
		this.mvc.perform(post("/admin/settings").with(user("root").roles("ADMIN")).param("shopName", "X"))
			.andExpect(status().isForbidden());
		this.mvc.perform(post("/login").param("username", "admin").param("password", "whatever"))
			.andExpect(status().isForbidden());
	}

	@Test
	void pagesCarrySecurityHeaders() throws Exception {
		this.mvc.perform(get("/login"))
			.andExpect(header().string("Content-Security-Policy", SecurityConfiguration.CONTENT_SECURITY_POLICY))
			.andExpect(header().string("X-Frame-Options", "DENY"))
			.andExpect(header().string("X-Content-Type-Options", "nosniff"));
	}

	@Test
	void healthIsPublicAndOtherActuatorEndpointsAreForAdmins() throws Exception {
		this.mvc.perform(get("/actuator/health")).andExpect(status().isOk());
		this.mvc.perform(get("/actuator/info").with(user("m").roles("MANAGER"))).andExpect(status().isForbidden());
		this.mvc.perform(get("/actuator/info").with(user("a").roles("ADMIN"))).andExpect(status().isOk());
	}

	@Test
	void anonymousVisitorsAreSentToTheLoginPage() throws Exception {
		for (String page : PAGES) {
			this.mvc.perform(get(page)).andExpect(redirectedUrl("/login"));
		}
	}

	@Test
	void unknownUrlsAreDenied() throws Exception {
		this.mvc.perform(get("/no-such-page").with(user("a").roles("ADMIN"))).andExpect(status().isForbidden());
	}

	@ParameterizedTest(name = "{0} {1} -> {2}")
	@MethodSource("roleMatrix")
	void eachRoleOpensExactlyItsPages(Role role, String page, boolean allowed) throws Exception {
		var result = this.mvc.perform(get(page).with(user("matrix").roles(role.name())));
		if (allowed) {
			result.andExpect(status().isOk());
		}
		else {
			result.andExpect(status().isForbidden());
		}
	}

	static final String[] OPERATOR_PAGES = { "/", "/products", "/inventory", "/orders", "/after-sales", "/traffic",
			"/content", "/community", "/crm", "/account/password" };

	static final String[] MANAGER_PAGES = { "/dashboard" };

	static final String[] ADMIN_PAGES = { "/admin/users", "/admin/users/new", "/admin/audit", "/admin/settings",
			"/actuator/info" };

	static final String[] PAGES = Stream.of(OPERATOR_PAGES, MANAGER_PAGES, ADMIN_PAGES)
		.flatMap(Stream::of)
		.toArray(String[]::new);

	static Stream<Arguments> roleMatrix() {
		return Stream.of(Role.values()).flatMap((role) -> Stream.of(PAGES).map((page) -> {
			boolean allowed = Stream.of(OPERATOR_PAGES).anyMatch(page::equals)
					|| (role != Role.OPERATOR && Stream.of(MANAGER_PAGES).anyMatch(page::equals))
					|| (role == Role.ADMIN);
			return Arguments.of(role, page, allowed);
		}));
	}

	private static MockHttpServletRequestBuilder login(String username, String password, String ip) {
		RequestPostProcessor remote = (request) -> {
			request.setRemoteAddr(ip);
			return request;
		};
		return post("/login").param("username", username).param("password", password).with(csrf()).with(remote);
	}

	private java.util.List<String> auditActions(String username) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'user' AND object_id = ?")
			.param(username)
			.query(String.class)
			.list();
	}

}
