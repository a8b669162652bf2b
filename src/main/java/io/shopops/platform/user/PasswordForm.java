package io.shopops.platform.user;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Changing one's own password, or an admin resetting someone's (then
 * {@code currentPassword} is not asked).
 */
record PasswordForm(String currentPassword, @NotBlank(message = "{user.password.required}") @Size(min = 10, max = 128,
		message = "{user.password.size}") String newPassword, String confirmPassword) {

	static PasswordForm empty() {
		return new PasswordForm("", "", "");
	}

	boolean isConfirmed() {
		return this.newPassword == null || this.newPassword.equals(this.confirmPassword);
	}

}
