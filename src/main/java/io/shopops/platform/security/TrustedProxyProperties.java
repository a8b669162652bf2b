package io.shopops.platform.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The reverse proxies whose {@code X-Forwarded-For}/{@code -Proto}/{@code -Host}/
 * {@code -Port} headers are believed.
 *
 * @param trustedProxies IP addresses or CIDR ranges (IPv4 or IPv6), from
 * {@code SHOPOPS_TRUSTED_PROXIES}; empty by default, so no peer is trusted, not even
 * loopback
 */
@ConfigurationProperties("shopops.security")
record TrustedProxyProperties(@DefaultValue List<String> trustedProxies) {
}
