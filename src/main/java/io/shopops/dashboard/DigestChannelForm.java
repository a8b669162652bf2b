package io.shopops.dashboard;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A new digest channel as the form sends it; {@link DigestChannels} checks the target
 * against the kind.
 */
class DigestChannelForm {

	@NotBlank(message = "{digest.form.name.required}")
	@Size(max = 80, message = "{digest.form.name.size}")
	private String name;

	@NotNull(message = "{digest.form.kind.required}")
	private DigestChannelKind kind = DigestChannelKind.WECOM;

	@NotBlank(message = "{digest.form.target.required}")
	@Size(max = 1000, message = "{digest.form.target.size}")
	private String target;

	@Size(max = 200, message = "{digest.form.secret.size}")
	private String secret;

	@NotNull(message = "{digest.form.language.invalid}")
	@Pattern(regexp = "zh_CN|en", message = "{digest.form.language.invalid}")
	private String language = "zh_CN";

	private boolean dailyDigest = true;

	private boolean alerts = true;

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public DigestChannelKind getKind() {
		return this.kind;
	}

	public void setKind(DigestChannelKind kind) {
		this.kind = kind;
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
