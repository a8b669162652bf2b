package io.shopops.growth.outreach;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.validation.BindingResult;

/**
 * The template form: name, channel, subject (e-mail) and body; {@link #check} adds what
 * Bean Validation cannot say: unknown variables, the subject of e-mails and the body's
 * length per channel.
 */
class TemplateForm {

	@NotBlank(message = "{outreach.template.name.required}")
	@Size(max = 120, message = "{outreach.template.name.size}")
	private String name;

	@NotNull(message = "{outreach.template.channel.required}")
	private OutreachChannel channel = OutreachChannel.SMS;

	@Size(max = 200, message = "{outreach.template.subject.size}")
	private String subject;

	@NotBlank(message = "{outreach.template.body.required}")
	@Size(max = 2000, message = "{outreach.template.body.size}")
	private String body;

	private long version;

	void check(BindingResult result) {
		for (String field : new String[] { "subject", "body" }) {
			String text = "subject".equals(field) ? this.subject : this.body;
			var unknown = TemplateRenderer.unknownVariables(text);
			if (!unknown.isEmpty() && !result.hasFieldErrors(field)) {
				result.rejectValue(field, "outreach.template.variables.unknown",
						new Object[] { String.join(", ", unknown) }, null);
			}
		}
		if (this.channel == OutreachChannel.EMAIL && (this.subject == null || this.subject.isBlank())
				&& !result.hasFieldErrors("subject")) {
			result.rejectValue("subject", "outreach.template.subject.required");
		}
		if (this.channel != null && TemplateRenderer.length(this.body) > this.channel.maxBody()
				&& !result.hasFieldErrors("body")) {
			result.rejectValue("body", "outreach.template.body.tooLong",
					new Object[] { this.channel.maxBody(), TemplateRenderer.length(this.body) }, null);
		}
	}

	String subjectOrNull() {
		return (this.channel == OutreachChannel.EMAIL && this.subject != null && !this.subject.isBlank())
				? this.subject.strip() : null;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public OutreachChannel getChannel() {
		return this.channel;
	}

	public void setChannel(OutreachChannel channel) {
		this.channel = channel;
	}

	public String getSubject() {
		return this.subject;
	}

	public void setSubject(String subject) {
		this.subject = subject;
	}

	public String getBody() {
		return this.body;
	}

	public void setBody(String body) {
		this.body = body;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

}
