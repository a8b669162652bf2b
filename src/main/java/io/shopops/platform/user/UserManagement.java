package io.shopops.platform.user;

import io.shopops.platform.AuditLog;
import io.shopops.platform.Role;

import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates and changes user accounts, keeping at least one enabled admin and auditing each
 * change.
 */
@Service
class UserManagement {

	private final UserAccountRepository users;

	private final PasswordEncoder passwordEncoder;

	private final AuditLog auditLog;

	UserManagement(UserAccountRepository users, PasswordEncoder passwordEncoder, AuditLog auditLog) {
		this.users = users;
		this.passwordEncoder = passwordEncoder;
		this.auditLog = auditLog;
	}

	@Transactional
	UserAccount create(String username, String displayName, Role role, String password) {
		if (this.users.findByUsernameIgnoringCase(username).isPresent()) {
			throw new UserException("user.username.duplicate");
		}
		UserAccount user = this.users
			.save(new UserAccount(username, displayName, this.passwordEncoder.encode(password), role));
		this.auditLog.record("USER_CREATED", "user", username, "role=" + role);
		return user;
	}

	@Transactional
	void changeRole(long id, Role role) {
		UserAccount user = find(id);
		Role before = user.getRole();
		if (before == role) {
			return;
		}
		if (before == Role.ADMIN) {
			requireAnotherAdmin(user);
		}
		user.changeRole(role);
		this.auditLog.record("USER_ROLE_CHANGED", "user", user.getUsername(),
				"role: " + before + " -> " + role + "; open sessions ended");
	}

	@Transactional
	void disable(long id, String currentUsername) {
		UserAccount user = find(id);
		if (!user.isEnabled()) {
			return;
		}
		if (user.getUsername().equalsIgnoreCase(currentUsername)) {
			throw new UserException("user.disable.self");
		}
		if (user.getRole() == Role.ADMIN) {
			requireAnotherAdmin(user);
		}
		user.disable();
		this.auditLog.record("USER_DISABLED", "user", user.getUsername(),
				"enabled: true -> false; open sessions ended");
	}

	@Transactional
	void enable(long id) {
		UserAccount user = find(id);
		if (user.isEnabled()) {
			return;
		}
		user.enable();
		this.auditLog.record("USER_ENABLED", "user", user.getUsername(), "enabled: false -> true");
	}

	@Transactional
	void resetPassword(long id, String password) {
		UserAccount user = find(id);
		user.changePasswordHash(this.passwordEncoder.encode(password));
		this.auditLog.record("USER_PASSWORD_RESET", "user", user.getUsername(), "open sessions ended");
	}

	@Transactional
	void changeOwnPassword(String username, String currentPassword, String newPassword) {
		UserAccount user = this.users.findByUsernameIgnoringCase(username)
			.orElseThrow(() -> new UserException("user.notFound"));
		if (!this.passwordEncoder.matches(currentPassword, user.getPasswordHash())) {
			throw new UserException("user.password.currentWrong");
		}
		user.changePasswordHash(this.passwordEncoder.encode(newPassword));
		this.auditLog.record("USER_PASSWORD_CHANGED", "user", user.getUsername(), "other open sessions ended");
	}

	@Transactional(readOnly = true)
	UserAccount find(long id) {
		return this.users.findById(id).orElseThrow(UserNotFoundException::new);
	}

	private void requireAnotherAdmin(UserAccount user) {
		boolean another = this.users.lockEnabledAdmins()
			.stream()
			.anyMatch((admin) -> !admin.getId().equals(user.getId()));
		if (!another) {
			throw new UserException("user.lastAdmin");
		}
	}

}
