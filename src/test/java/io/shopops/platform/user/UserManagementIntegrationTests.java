package io.shopops.platform.user;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.model;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.view;

@SpringBootTest
@AutoConfigureMockMvc
class UserManagementIntegrationTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	UserManagement management;

	@Autowired
	UserAccountRepository accounts;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	PasswordEncoder passwordEncoder;

	@Test
	void adminCreatesAUserWithAHashedPassword() throws Exception {
		String username = "new-" + System.nanoTime();
		this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("username", username)
				.param("displayName", "New Person")
				.param("role", "MANAGER")
				.param("password", "a-long-password"))
			.andExpect(redirectedUrl("/admin/users"))
			.andExpect(flash().attribute("message", "flash.user.created"));
		UserAccount created = this.accounts.findByUsernameIgnoringCase(username).orElseThrow();
		assertThat(created.getRole()).isEqualTo(Role.MANAGER);
		assertThat(created.getPasswordHash()).startsWith("{bcrypt}$2a$10$");
		assertThat(this.passwordEncoder.matches("a-long-password", created.getPasswordHash())).isTrue();
		assertThat(auditOf(username)).containsExactly("USER_CREATED boss");
	}

	@Test
	void invalidNewUserFormShowsFieldErrors() throws Exception {
		this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("username", "x")
				.param("displayName", "")
				.param("role", "OPERATOR")
				.param("password", "short"))
			.andExpect(status().isOk())
			.andExpect(view().name("platform/users/form"))
			.andExpect(model().attributeHasFieldErrors("form", "username", "displayName", "password"));
	}

	@Test
	void duplicateUsernamesAreRejectedWhateverTheirCase() throws Exception {
		String existing = this.users.create(Role.OPERATOR);
		this.mvc
			.perform(post("/admin/users").with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("username", existing.toUpperCase())
				.param("displayName", "Copy")
				.param("role", "OPERATOR")
				.param("password", "a-long-password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "username", "user.username.duplicate"));
	}

	@Test
	void theLastEnabledAdminCanBeNeitherDemotedNorDisabled() {
		// make every other admin a manager so that one admin is left, then restore them
		var otherAdmins = this.jdbc.sql("SELECT id FROM user_account WHERE role = 'ADMIN' AND enabled")
			.query(Long.class)
			.list();
		String last = this.users.create(Role.ADMIN);
		long lastId = this.users.idOf(last);
		this.jdbc.sql("UPDATE user_account SET role = 'MANAGER' WHERE id IN (:ids)").param("ids", otherAdmins).update();
		try {
			assertThatThrownBy(() -> this.management.changeRole(lastId, Role.MANAGER)).isInstanceOfSatisfying(
					UserException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("user.lastAdmin"));
			assertThatThrownBy(() -> this.management.disable(lastId, "someone-else")).isInstanceOfSatisfying(
					UserException.class, (ex) -> assertThat(ex.messageKey()).isEqualTo("user.lastAdmin"));
			assertThat(this.management.find(lastId).isAdmin()).isTrue();
		}
		finally {
			this.jdbc.sql("UPDATE user_account SET role = 'ADMIN' WHERE id IN (:ids)")
				.param("ids", otherAdmins)
				.update();
		}
	}

	@Test
	void anAdminCanBeDemotedWhileAnotherAdminRemains() {
		this.users.create(Role.ADMIN);
		String second = this.users.create(Role.ADMIN);
		this.management.changeRole(this.users.idOf(second), Role.OPERATOR);
		assertThat(this.management.find(this.users.idOf(second)).getRole()).isEqualTo(Role.OPERATOR);
		assertThat(auditOf(second)).contains("USER_ROLE_CHANGED system");
	}

	@Test
	void adminsCannotDisableThemselves() throws Exception {
		String admin = this.users.create(Role.ADMIN);
		long id = this.users.idOf(admin);
		this.mvc.perform(post("/admin/users/{id}/disable", id).with(user(admin).roles("ADMIN")).with(csrf()))
			.andExpect(redirectedUrl("/admin/users/" + id))
			.andExpect(flash().attribute("error", "user.disable.self"));
		assertThat(this.management.find(id).isEnabled()).isTrue();
	}

	@Test
	void disableAndEnableAreAudited() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		long id = this.users.idOf(operator);
		this.mvc.perform(post("/admin/users/{id}/disable", id).with(user("boss").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("message", "flash.user.disabled"));
		assertThat(this.management.find(id).isEnabled()).isFalse();
		this.mvc.perform(post("/admin/users/{id}/enable", id).with(user("boss").roles("ADMIN")).with(csrf()))
			.andExpect(flash().attribute("message", "flash.user.enabled"));
		assertThat(this.management.find(id).isEnabled()).isTrue();
		assertThat(auditOf(operator)).contains("USER_DISABLED boss", "USER_ENABLED boss");
	}

	@Test
	void adminResetsAPassword() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		long id = this.users.idOf(operator);
		this.mvc
			.perform(post("/admin/users/{id}/password", id).with(user("boss").roles("ADMIN"))
				.with(csrf())
				.param("newPassword", "brand-new-password")
				.param("confirmPassword", "brand-new-password"))
			.andExpect(flash().attribute("message", "flash.user.passwordReset"));
		assertThat(this.passwordEncoder.matches("brand-new-password", this.management.find(id).getPasswordHash()))
			.isTrue();
	}

	@Test
	void usersChangeTheirOwnPasswordOnlyWithTheCurrentOne() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		this.mvc
			.perform(post("/account/password").with(user(operator).roles("OPERATOR"))
				.with(csrf())
				.param("currentPassword", "not-my-password")
				.param("newPassword", "another-password")
				.param("confirmPassword", "another-password"))
			.andExpect(status().isOk())
			.andExpect(model().attributeHasFieldErrorCode("form", "currentPassword", "user.password.currentWrong"));
		this.mvc
			.perform(post("/account/password").with(user(operator).roles("OPERATOR"))
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "another-password")
				.param("confirmPassword", "different-password"))
			.andExpect(model().attributeHasFieldErrorCode("form", "confirmPassword", "user.password.mismatch"));
		this.mvc
			.perform(post("/account/password").with(user(operator).roles("OPERATOR"))
				.with(csrf())
				.param("currentPassword", TestUsers.PASSWORD)
				.param("newPassword", "another-password")
				.param("confirmPassword", "another-password"))
			.andExpect(redirectedUrl("/"));
		long id = this.users.idOf(operator);
		assertThat(this.passwordEncoder.matches("another-password", this.management.find(id).getPasswordHash()))
			.isTrue();
	}

	@Test
	void userListSearchesAndUnknownUsersAre404() throws Exception {
		String operator = this.users.create(Role.OPERATOR);
		String body = this.mvc.perform(get("/admin/users").param("q", operator).with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains(operator);
		this.mvc.perform(get("/admin/users/{id}", Long.MAX_VALUE).with(user("boss").roles("ADMIN")))
			.andExpect(status().isNotFound());
	}

	private java.util.List<String> auditOf(String username) {
		return this.jdbc
			.sql("SELECT action || ' ' || actor FROM audit_entry WHERE object_type = 'user' AND object_id = ? "
					+ "ORDER BY id")
			.param(username)
			.query(String.class)
			.list();
	}

}
