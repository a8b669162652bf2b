package io.shopops.platform.user;

import java.io.Serializable;

import jakarta.servlet.http.HttpSession;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Ties each login session to the state of its user's access. A session remembers its
 * user's session stamp from the login; the stamp changes with the user's role, enabled
 * state or password, and a session whose stamp is no longer the user's is ended on its
 * next request.
 */
@Component
public class UserSessions {

	static final String ATTRIBUTE = UserSessions.class.getName() + ".stamp";

	private final JdbcClient jdbc;

	UserSessions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * Remembers the user's current stamp in the session: called at login and when the
	 * user's own change (such as a new password) should keep this session open.
	 * @param session the user's session, never {@code null}
	 * @param username who the session belongs to, never {@code null}
	 */
	public void remember(HttpSession session, String username) {
		this.jdbc.sql("SELECT id, session_stamp FROM user_account WHERE lower(username) = lower(:username)")
			.param("username", username)
			.query((rs, row) -> new Stamp(rs.getLong("id"), rs.getLong("session_stamp")))
			.optional()
			.ifPresent((stamp) -> session.setAttribute(ATTRIBUTE, stamp));
	}

	/**
	 * Whether the session may go on: {@code true} when it remembers no stamp (it was not
	 * opened by a login) or its user's stamp is still the remembered one.
	 * @param session the session, never {@code null}
	 */
	public boolean isCurrent(HttpSession session) {
		if (!(session.getAttribute(ATTRIBUTE) instanceof Stamp stamp)) {
			return true;
		}
		// one primary-key lookup per request of a signed-in user
		return this.jdbc.sql("SELECT session_stamp FROM user_account WHERE id = :id")
			.param("id", stamp.userId())
			.query(Long.class)
			.optional()
			.filter((current) -> current == stamp.value())
			.isPresent();
	}

	/**
	 * The stamp a session remembers.
	 */
	record Stamp(long userId, long value) implements Serializable {
	}

}
