package io.shopops.platform.user;

import java.util.List;
import java.util.Optional;

import io.shopops.platform.Role;
import io.shopops.platform.UserDirectory;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The enabled users, read straight from the user table.
 */
@Service
@Transactional(readOnly = true)
class JdbcUserDirectory implements UserDirectory {

	private static final RowMapper<DirectoryUser> USER = (rs, row) -> new DirectoryUser(rs.getString("username"),
			rs.getString("display_name"), Role.valueOf(rs.getString("role")));

	private final JdbcClient jdbc;

	JdbcUserDirectory(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public List<DirectoryUser> enabledUsers() {
		return this.jdbc
			.sql("SELECT username, display_name, role FROM user_account WHERE enabled "
					+ "ORDER BY display_name, username")
			.query(USER)
			.list();
	}

	@Override
	public Optional<DirectoryUser> findEnabled(String username) {
		if (username == null || username.isBlank()) {
			return Optional.empty();
		}
		return this.jdbc
			.sql("SELECT username, display_name, role FROM user_account WHERE enabled AND lower(username) = lower(:u)")
			.param("u", username.strip())
			.query(USER)
			.optional();
	}

}
