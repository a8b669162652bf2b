package io.shopops.platform.audit;

import java.time.Instant;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import org.hibernate.annotations.Immutable;

/**
 * One line of the append-only audit log.
 */
@Entity
@Immutable
class AuditEntry {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Instant occurredAt;

	private String actor;

	private String action;

	private String objectType;

	private String objectId;

	private String summary;

	private String ip;

	protected AuditEntry() {
	}

	AuditEntry(String actor, String action, String objectType, String objectId, String summary, String ip) {
		this.occurredAt = Instant.now();
		this.actor = actor;
		this.action = action;
		this.objectType = objectType;
		this.objectId = objectId;
		this.summary = summary;
		this.ip = ip;
	}

	public Long getId() {
		return this.id;
	}

	public Instant getOccurredAt() {
		return this.occurredAt;
	}

	public String getActor() {
		return this.actor;
	}

	public String getAction() {
		return this.action;
	}

	public String getObjectType() {
		return this.objectType;
	}

	public String getObjectId() {
		return this.objectId;
	}

	public String getSummary() {
		return this.summary;
	}

	public String getIp() {
		return this.ip;
	}

}
