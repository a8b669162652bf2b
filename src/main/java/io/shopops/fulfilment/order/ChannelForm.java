package io.shopops.fulfilment.order;

/**
 * A new sales channel as the form (or a script) posts it; the service checks it.
 */
class ChannelForm {

	private String code = "";

	private String name = "";

	private String platform = "";

	public String getCode() {
		return this.code;
	}

	public void setCode(String code) {
		this.code = (code != null) ? code.strip() : "";
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name.strip() : "";
	}

	public String getPlatform() {
		return this.platform;
	}

	public void setPlatform(String platform) {
		this.platform = (platform != null) ? platform.strip() : "";
	}

	/**
	 * The platform named, or {@code null} when it names none.
	 */
	SalesPlatform platformOrNull() {
		for (SalesPlatform candidate : SalesPlatform.values()) {
			if (candidate.name().equalsIgnoreCase(this.platform)) {
				return candidate;
			}
		}
		return null;
	}

}
