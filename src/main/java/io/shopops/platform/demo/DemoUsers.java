package io.shopops.platform.demo;

import java.util.List;

import io.shopops.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
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

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	DemoUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		for (DemoUser user : USERS) {
			int created = this.jdbc.sql("""
					INSERT INTO user_account (username, display_name, password_hash, role)
					SELECT :username, :displayName, :hash, :role
					WHERE NOT EXISTS (SELECT 1 FROM user_account WHERE lower(username) = lower(:username))
					""")
				.param("username", user.username())
				.param("displayName", user.displayName())
				.param("hash", this.passwordEncoder.encode(user.password()))
				.param("role", user.role().name())
				.update();
			if (created > 0) {
				this.jdbc
					.sql("INSERT INTO audit_entry (actor, action, object_type, object_id, summary) "
							+ "VALUES ('system', 'USER_CREATED', 'user', :username, :summary)")
					.param("username", user.username())
					.param("summary", "demo user, role=" + user.role())
					.update();
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
