package io.shopops.platform.user;

import io.shopops.platform.Role;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The new-user form.
 */
record UserForm(
		@NotBlank(message = "{user.username.required}") @Pattern(regexp = "[A-Za-z0-9._-]{3,64}",
				message = "{user.username.format}") String username,
		@NotBlank(message = "{user.displayName.required}") @Size(max = 100,
				message = "{user.displayName.size}") String displayName,
		@NotNull(message = "{user.role.required}") Role role,
		@NotBlank(message = "{user.password.required}") @Size(min = 10, max = 128,
				message = "{user.password.size}") String password) {

	static UserForm empty() {
		return new UserForm("", "", Role.OPERATOR, "");
	}

}
