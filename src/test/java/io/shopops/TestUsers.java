package io.shopops;

import java.util.UUID;

import io.shopops.platform.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * Creates users with unique names so that tests sharing one database never see each
 * other's users.
 */
@Component
public class TestUsers {

	public static final String PASSWORD = "correct-horse-battery";

	private final JdbcClient jdbc;

	private final PasswordEncoder passwordEncoder;

	public TestUsers(JdbcClient jdbc, PasswordEncoder passwordEncoder) {
		this.jdbc = jdbc;
		this.passwordEncoder = passwordEncoder;
	}

	public String create(Role role) {
		String username = role.name().toLowerCase() + "-" + UUID.randomUUID().toString().substring(0, 8);
		this.jdbc
			.sql("INSERT INTO user_account (username, display_name, password_hash, role) "
					+ "VALUES (:username, :username, :hash, :role)")
			.param("username", username)
			.param("hash", this.passwordEncoder.encode(PASSWORD))
			.param("role", role.name())
			.update();
		return username;
	}

	public long idOf(String username) {
		return this.jdbc.sql("SELECT id FROM user_account WHERE username = :username")
			.param("username", username)
			.query(Long.class)
			.single();
	}

	public static String randomIp() {
		var random = java.util.concurrent.ThreadLocalRandom.current();
		return "10." + random.nextInt(256) + "." + random.nextInt(256) + "." + random.nextInt(1, 255);
	}

}
