package io.shopops.fulfilment.aftersales.ticket;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A canned reply as a manager enters it.
 */
class CannedReplyForm {

	@NotBlank(message = "{tickets.canned.title.required}")
	@Size(max = 100, message = "{tickets.canned.title.size}")
	private String title = "";

	@NotBlank(message = "{tickets.canned.body.required}")
	@Size(max = 5000, message = "{tickets.canned.body.size}")
	private String body = "";

	public String getTitle() {
		return this.title;
	}

	public void setTitle(String title) {
		this.title = (title != null) ? title.strip() : "";
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = (body != null) ? body.strip() : "";
	}

}
