package io.shopops.fulfilment.order;

/**
 * A new API token: the channel's code and a name saying what uses it.
 */
class ApiTokenForm {

	private String channel = "";

	private String name = "";

	public String getChannel() {
		return this.channel;
	}

	public void setChannel(String channel) {
		this.channel = (channel != null) ? channel.strip() : "";
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = (name != null) ? name.strip() : "";
	}

}
