package io.shopops.platform.user;

import java.util.List;

import io.shopops.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates one demo user per role in the {@code demo} profile. Idempotent: existing users
 * are left as they are.
 */
@Component
@Profile("demo")
@Order(10)
class DemoUsers implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoUsers.class);

	static final List<DemoUser> USERS = List.of(new DemoUser("operator", "运营专员 Olivia", Role.OPERATOR, "operator-demo"),
			new DemoUser("manager", "运营经理 Ming", Role.MANAGER, "manager-demo"),
			new DemoUser("demoadmin", "管理员 Ada", Role.ADMIN, "demoadmin-demo"));

	private final UserAccountRepository users;

	private final UserManagement management;

	DemoUsers(UserAccountRepository users, UserManagement management) {
		this.users = users;
		this.management = management;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoUser user : USERS) {
			if (this.users.findByUsernameIgnoringCase(user.username()).isEmpty()) {
				this.management.create(user.username(), user.displayName(), user.role(), user.password());
			}
		}
		log.info("Demo users (profile 'demo'): {}",
				USERS.stream()
					.map((user) -> user.username() + " / " + user.password() + " (" + user.role() + ")")
					.toList());
	}

	record DemoUser(String username, String displayName, Role role, String password) {
	}

}
