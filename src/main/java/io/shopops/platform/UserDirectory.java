package io.shopops.platform;

import java.util.List;
import java.util.Optional;

/**
 * Reads who may be given work: the enabled users' usernames, display names and roles, for
 * example to assign a ticket. Read-only; users are managed on the admin pages.
 */
public interface UserDirectory {

	/**
	 * The enabled users, sorted by display name then username.
	 * @return the users, never {@code null}
	 */
	List<DirectoryUser> enabledUsers();

	/**
	 * Finds an enabled user by username, ignoring case.
	 * @param username the username, may be {@code null}
	 * @return the user, empty if there is none or it is disabled
	 */
	Optional<DirectoryUser> findEnabled(String username);

	/**
	 * A user as other modules see it.
	 *
	 * @param username the login name, as stored
	 * @param displayName the name shown on pages
	 * @param role the role
	 */
	record DirectoryUser(String username, String displayName, Role role) {
	}

}
