package io.shopops.platform;

/**
 * The roles of ShopOps users. Roles are cumulative: an {@link #ADMIN} may do everything a
 * {@link #MANAGER} may, who may do everything an {@link #OPERATOR} may.
 */
public enum Role {

	/** Shop operators working the queues (运营专员). */
	OPERATOR,

	/** Managers reading KPIs and approving (运营经理). */
	MANAGER,

	/** Administrators managing users, imports, settings and the audit log (管理员). */
	ADMIN;

	/**
	 * The Spring Security authority of the role, e.g. {@code ROLE_ADMIN}.
	 * @return the authority name, never {@code null}
	 */
	public String authority() {
		return "ROLE_" + name();
	}

}
