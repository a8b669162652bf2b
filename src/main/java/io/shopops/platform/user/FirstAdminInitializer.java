package io.shopops.platform.user;

import java.security.SecureRandom;
import java.util.Base64;

import io.shopops.platform.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * Creates the first admin when no enabled admin exists, so that a fresh installation can
 * be logged into.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class FirstAdminInitializer implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(FirstAdminInitializer.class);

	private final UserAccountRepository users;

	private final UserManagement management;

	private final AdminProperties properties;

	FirstAdminInitializer(UserAccountRepository users, UserManagement management, AdminProperties properties) {
		this.users = users;
		this.management = management;
		this.properties = properties;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (this.users.existsByRoleAndEnabledTrue(Role.ADMIN)) {
			return;
		}
		String username = this.properties.username();
		boolean generated = !StringUtils.hasText(this.properties.password());
		String password = generated ? generatePassword() : this.properties.password();
		var existing = this.users.findByUsernameIgnoringCase(username);
		if (existing.isPresent()) {
			UserAccount account = existing.get();
			this.management.changeRole(account.getId(), Role.ADMIN);
			this.management.enable(account.getId());
			this.management.resetPassword(account.getId(), password);
		}
		else {
			this.management.create(username, "Administrator", Role.ADMIN, password);
		}
		if (generated) {
			log.warn(
					"\n\n    Created the first admin. Log in at /login as '{}' with password: {}\n"
							+ "    This password is shown only once: change it after logging in.\n",
					username, password);
		}
		else {
			log.info("Created the first admin '{}' with the password from SHOPOPS_ADMIN_PASSWORD", username);
		}
	}

	private static String generatePassword() {
		byte[] bytes = new byte[15];
		new SecureRandom().nextBytes(bytes);
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

}
