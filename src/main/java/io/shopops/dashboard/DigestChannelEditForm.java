package io.shopops.dashboard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A channel's changes as the edit form sends them: a blank target or secret keeps the
 * current one, which the form never shows.
 */
class DigestChannelEditForm {

	@NotBlank(message = "{digest.form.name.required}")
	@Size(max = 80, message = "{digest.form.name.size}")
	private String name;

	@Size(max = 1000, message = "{digest.form.target.size}")
	private String target;

	@Size(max = 200, message = "{digest.form.secret.size}")
	private String secret;

	private boolean removeSecret;

	@NotNull(message = "{digest.form.language.invalid}")
	@Pattern(regexp = "zh_CN|en", message = "{digest.form.language.invalid}")
	private String language;

	private boolean dailyDigest;

	private boolean alerts;

	static DigestChannelEditForm of(DigestChannel channel) {
		DigestChannelEditForm form = new DigestChannelEditForm();
		form.setName(channel.name());
		form.setLanguage(channel.language());
		form.setDailyDigest(channel.dailyDigest());
		form.setAlerts(channel.alerts());
		return form;
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public String getTarget() {
		return this.target;
	}

	public void setTarget(String target) {
		this.target = target;
	}

	public String getSecret() {
		return this.secret;
	}

	public void setSecret(String secret) {
		this.secret = secret;
	}

	public boolean isRemoveSecret() {
		return this.removeSecret;
	}

	public void setRemoveSecret(boolean removeSecret) {
		this.removeSecret = removeSecret;
	}

	public String getLanguage() {
		return this.language;
	}

	public void setLanguage(String language) {
		this.language = language;
	}

	public boolean isDailyDigest() {
		return this.dailyDigest;
	}

	public void setDailyDigest(boolean dailyDigest) {
		this.dailyDigest = dailyDigest;
	}

	public boolean isAlerts() {
		return this.alerts;
	}

	public void setAlerts(boolean alerts) {
		this.alerts = alerts;
	}

}
