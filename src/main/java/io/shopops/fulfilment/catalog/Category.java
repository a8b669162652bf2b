package io.shopops.fulfilment.catalog;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Version;

/**
 * A node of the category tree. Its path names every ancestor, e.g. {@code 服装 > 女装 > 连衣裙}.
 */
@Entity
class Category {

	static final String SEPARATOR = " > ";

	@Id
	@GeneratedValue(strategy = GenerationType.IDENTITY)
	private Long id;

	private Long parentId;

	private String name;

	private String path;

	@Version
	private long version;

	protected Category() {
	}

	Category(Category parent, String name) {
		this.parentId = (parent != null) ? parent.getId() : null;
		this.name = name;
		this.path = (parent != null) ? parent.getPath() + SEPARATOR + name : name;
	}

	public Long getId() {
		return this.id;
	}

	public Long getParentId() {
		return this.parentId;
	}

	public String getName() {
		return this.name;
	}

	public String getPath() {
		return this.path;
	}

	public long getVersion() {
		return this.version;
	}

	public int getDepth() {
		return this.path.split(SEPARATOR, -1).length - 1;
	}

	void rename(String name, String newPath) {
		this.name = name;
		this.path = newPath;
	}

}
