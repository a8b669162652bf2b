package io.shopops.platform.user;

import io.shopops.TestUsers;
import io.shopops.platform.Role;
import io.shopops.platform.UserDirectory;
import io.shopops.platform.UserDirectory.DirectoryUser;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The user directory lists the enabled users only, and finds one ignoring case.
 */
@SpringBootTest
class UserDirectoryIntegrationTests {

	@Autowired
	UserDirectory directory;

	@Autowired
	TestUsers users;

	@Autowired
	JdbcClient jdbc;

	@Test
	void listsAndFindsEnabledUsersOnly() {
		String operator = this.users.create(Role.OPERATOR);
		String manager = this.users.create(Role.MANAGER);
		String disabled = this.users.create(Role.OPERATOR);
		this.jdbc.sql("UPDATE user_account SET enabled = false WHERE username = ?").param(disabled).update();

		assertThat(this.directory.enabledUsers())
			.contains(new DirectoryUser(operator, operator, Role.OPERATOR),
					new DirectoryUser(manager, manager, Role.MANAGER))
			.extracting(DirectoryUser::username)
			.doesNotContain(disabled);
		assertThat(this.directory.findEnabled(operator.toUpperCase()))
			.contains(new DirectoryUser(operator, operator, Role.OPERATOR));
		assertThat(this.directory.findEnabled(disabled)).isEmpty();
		assertThat(this.directory.findEnabled(null)).isEmpty();
		assertThat(this.directory.findEnabled(" ")).isEmpty();
	}

}
