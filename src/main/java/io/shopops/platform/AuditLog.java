package io.shopops.platform;

import java.util.List;

/**
 * The append-only audit log every module writes to on each change of state. An entry
 * records who did what to which object, a short before/after summary, the client's IP
 * address and the time.
 * <p>
 * Call it inside the transaction that makes the change, so that the entry exists exactly
 * when the change does. The actor and IP address are taken from the current request and
 * security context; outside a request the actor is {@code system}.
 */
public interface AuditLog {

	/**
	 * Records an entry for the current user.
	 * @param action what happened, an upper-case code such as {@code USER_CREATED}; never
	 * {@code null}
	 * @param objectType the kind of object changed, such as {@code user}; never
	 * {@code null}
	 * @param objectId the changed object's id or natural key, may be {@code null}
	 * @param summary a short before/after summary, may be {@code null}
	 */
	void record(String action, String objectType, String objectId, String summary);

	/**
	 * Records an entry for an explicitly named actor, for events without an authenticated
	 * user such as a failed login.
	 * @param actor who acted, never {@code null}
	 * @param action what happened, never {@code null}
	 * @param objectType the kind of object, never {@code null}
	 * @param objectId the object's id, may be {@code null}
	 * @param summary a short summary, may be {@code null}
	 */
	void recordAs(String actor, String action, String objectType, String objectId, String summary);

	/**
	 * Records many entries for the current user at once, as {@link #record} for each
	 * would, for bulk changes (an import's thousands of new customers); by default one
	 * after the other.
	 * @param entries the entries, in order
	 */
	default void recordAll(List<Entry> entries) {
		for (Entry entry : entries) {
			record(entry.action(), entry.objectType(), entry.objectId(), entry.summary());
		}
	}

	/**
	 * One entry of {@link #recordAll}, with the meaning of {@link #record}'s parameters.
	 *
	 * @param action what happened, never {@code null}
	 * @param objectType the kind of object changed, never {@code null}
	 * @param objectId the changed object's id or natural key, may be {@code null}
	 * @param summary a short before/after summary, may be {@code null}
	 */
	record Entry(String action, String objectType, String objectId, String summary) {
	}

}
