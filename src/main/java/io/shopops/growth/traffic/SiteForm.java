package io.shopops.growth.traffic;

/**
 * The form that adds a site.
 */
class SiteForm {

	private String name;

	private String origin;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getOrigin() {
		return this.origin;
	}

	public void setOrigin(String origin) {
		this.origin = origin;
	}

}
