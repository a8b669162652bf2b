package io.shopops.platform.user;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The first admin, created when no enabled admin exists.
 *
 * @param username the admin's username ({@code SHOPOPS_ADMIN_USERNAME}, default
 * {@code admin})
 * @param password the admin's password ({@code SHOPOPS_ADMIN_PASSWORD}); when empty one
 * is generated and logged once
 */
@ConfigurationProperties("shopops.admin")
record AdminProperties(@DefaultValue("admin") String username, String password) {
}
