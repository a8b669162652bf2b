package io.shopops.fulfilment.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A brand products are sold under.
 */
@Entity
class Brand {

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private String name;

	@Version
	private long version;

	protected Brand() {
	}

	Brand(String name) {
		this.name = name;
	}

	public Long getId() {
		return this.id;
	}

	public String getName() {
		return this.name;
	}

	public long getVersion() {
		return this.version;
	}

	void rename(String name) {
		this.name = name;
	}

}
