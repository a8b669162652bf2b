package io.shopops.fulfilment.aftersales.review;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * The shop's reply to a review, new or edited.
 */
class ReplyForm {

	@NotBlank(message = "{reviews.reply.required}")
	@Size(max = 2000, message = "{reviews.reply.size}")
	private String reply;

	private long version;

	public String getReply() {
		return this.reply;
	}

	public void setReply(String reply) {
		this.reply = reply;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
