package io.shopops.platform.user;

import java.time.Instant;

import io.shopops.platform.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A person who logs into ShopOps.
 */
@Entity
class UserAccount {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String username;

	private String displayName;

	private String passwordHash;

	@Enumerated(EnumType.STRING)
	private Role role;

	private boolean enabled;

	@Column(updatable = false)
	private Instant createdAt;

	private Instant passwordChangedAt;

	private long sessionStamp;

	@Version
	private long version;

	protected UserAccount() {
	}

	UserAccount(String username, String displayName, String passwordHash, Role role) {
		this.username = username;
		this.displayName = displayName;
		this.passwordHash = passwordHash;
		this.role = role;
		this.enabled = true;
		this.createdAt = Instant.now();
		this.passwordChangedAt = this.createdAt;
	}

	public Long getId() {
		return this.id;
	}

	public String getUsername() {
		return this.username;
	}

	public String getDisplayName() {
		return this.displayName;
	}

	public String getPasswordHash() {
		return this.passwordHash;
	}

	public Role getRole() {
		return this.role;
	}

	public boolean isEnabled() {
		return this.enabled;
	}

	public Instant getCreatedAt() {
		return this.createdAt;
	}

	long getSessionStamp() {
		return this.sessionStamp;
	}

	public boolean isAdmin() {
		return this.enabled && this.role == Role.ADMIN;
	}

	void changeRole(Role role) {
		this.role = role;
		endSessions();
	}

	void enable() {
		this.enabled = true;
	}

	void disable() {
		this.enabled = false;
		endSessions();
	}

	void changePasswordHash(String passwordHash) {
		this.passwordHash = passwordHash;
		this.passwordChangedAt = Instant.now();
		endSessions();
	}

	/**
	 * Ends every open session of this user on its next request: sessions remember the
	 * stamp they were opened with.
	 */
	private void endSessions() {
		this.sessionStamp++;
	}

}
