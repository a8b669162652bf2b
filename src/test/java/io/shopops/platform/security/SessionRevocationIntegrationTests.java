package io.shopops.platform.security;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * Taking access away takes effect on the user's next request, through sessions opened by
 * a real login.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SessionRevocationIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aDemotedAdminLosesTheAdminPagesOnTheNextRequest() throws Exception {
		String admin = this.users.create(Role.ADMIN);
		MockHttpSession session = login(admin);
		this.mvc.perform(get("/admin/users").session(session)).andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/users/{id}/role", this.users.idOf(admin)).param("role", "OPERATOR")
				.with(otherAdmin())
				.with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + this.users.idOf(admin)));

		this.mvc.perform(get("/admin/users").session(session)).andExpect(redirectedUrl("/login"));
		this.mvc
			.perform(post("/admin/users").param("username", "sneaky-" + admin)
				.param("displayName", "Sneaky")
				.param("role", "ADMIN")
				.param("password", TestUsers.PASSWORD)
				.session(session)
				.with(csrf()))
			.andExpect(status().is3xxRedirection());
		assertThat(this.jdbc.sql("SELECT count(*) FROM user_account WHERE username = ?")
			.param("sneaky-" + admin)
			.query(Long.class)
			.single()).isZero();
		assertThat(auditActions(admin)).contains("SESSION_ENDED");

		MockHttpSession again = login(admin);
		this.mvc.perform(get("/products").session(again)).andExpect(status().isOk());
		this.mvc.perform(get("/admin/users").session(again)).andExpect(status().isForbidden());
	}

	@Test
	void aDisabledUsersSessionEnds() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		MockHttpSession session = login(operator);
		this.mvc.perform(get("/products").session(session)).andExpect(status().isOk());

		this.mvc.perform(post("/admin/users/{id}/disable", this.users.idOf(operator)).with(otherAdmin()).with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/products").session(session)).andExpect(redirectedUrl("/login"));
		assertThat(auditActions(operator)).contains("SESSION_ENDED");
	}

	@Test
	void aPasswordResetByAnAdminEndsTheUsersSessions() throws Exception {
		String manager = this.users.create(Role.MANAGER);
		MockHttpSession session = login(manager);
		this.mvc.perform(get("/dashboard").session(session)).andExpect(status().isOk());

		this.mvc
			.perform(post("/admin/users/{id}/password", this.users.idOf(manager)).param("newPassword", "a-new-secret-1")
				.param("confirmPassword", "a-new-secret-1")
				.with(otherAdmin())
				.with(csrf()))
			.andExpect(status().is3xxRedirection());

		this.mvc.perform(get("/dashboard").session(session)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void changingTheOwnPasswordEndsTheOtherSessionsOnly() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		MockHttpSession here = login(operator);
		MockHttpSession elsewhere = login(operator);

		this.mvc
			.perform(post("/account/password").param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "another-secret-2")
				.param("confirmPassword", "another-secret-2")
				.session(here)
				.with(csrf()))
			.andExpect(redirectedUrl("/"));

		this.mvc.perform(get("/products").session(here)).andExpect(status().isOk());
		this.mvc.perform(get("/products").session(elsewhere)).andExpect(redirectedUrl("/login"));
	}

	@Test
	void anUnchangedUserKeepsTheSession() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		MockHttpSession session = login(operator);
		this.mvc.perform(post("/admin/users/{id}/role", this.users.idOf(operator)).param("role", "OPERATOR")
			.with(otherAdmin())
			.with(csrf()));
		this.mvc.perform(get("/products").session(session)).andExpect(status().isOk());
		this.mvc.perform(get("/products").session(session)).andExpect(status().isOk());
		assertThat(auditActions(operator)).doesNotContain("SESSION_ENDED");
	}

	private MockHttpSession login(String username) throws Exception {
		RequestPostProcessor remote = (request) -> {
			request.setRemoteAddr(TestUsers.randomIp());
			return request;
		};
		return (MockHttpSession) this.mvc
			.perform(post("/login").param("username", username)
				.param("password", TestUsers.PASSWORD)
				.with(csrf())
				.with(remote))
			.andExpect(redirectedUrl("/"))
			.andReturn()
			.getRequest()
			.getSession(false);
	}

	private RequestPostProcessor otherAdmin() {
		return user(this.users.create(Role.ADMIN)).roles("ADMIN");
	}

	private java.util.List<String> auditActions(String username) {
		return this.jdbc.sql("SELECT action FROM audit_entry WHERE object_type = 'user' AND object_id = ?")
			.param(username)
			.query(String.class)
			.list();
	}

}
