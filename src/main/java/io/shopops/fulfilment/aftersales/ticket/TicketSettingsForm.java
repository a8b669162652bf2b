package io.shopops.fulfilment.aftersales.ticket;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

/**
 * The SLA hours as a manager enters them.
 */
class TicketSettingsForm {

	@NotNull(message = "{tickets.settings.firstResponse.range}")
	@Min(value = 1, message = "{tickets.settings.firstResponse.range}")
	@Max(value = 720, message = "{tickets.settings.firstResponse.range}")
	private Integer firstResponseHours;

	@NotNull(message = "{tickets.settings.resolution.range}")
	@Min(value = 1, message = "{tickets.settings.resolution.range}")
	@Max(value = 2160, message = "{tickets.settings.resolution.range}")
	private Integer resolutionHours;

	@NotNull(message = "{tickets.settings.version}")
	private Long version;

	static TicketSettingsForm of(TicketSettings.Rules rules) {
		TicketSettingsForm form = new TicketSettingsForm();
		form.setFirstResponseHours(rules.firstResponseHours());
		form.setResolutionHours(rules.resolutionHours());
		form.setVersion(rules.version());
		return form;
	}

	boolean resolutionBeforeFirstResponse() {
		return this.firstResponseHours != null && this.resolutionHours != null
				&& this.resolutionHours < this.firstResponseHours;
	}

	public Integer getFirstResponseHours() {
		return this.firstResponseHours;
	}

	public void setFirstResponseHours(Integer firstResponseHours) {
		this.firstResponseHours = firstResponseHours;
	}

	public Integer getResolutionHours() {
		return this.resolutionHours;
	}

	public void setResolutionHours(Integer resolutionHours) {
		this.resolutionHours = resolutionHours;
	}

	public Long getVersion() {
		return this.version;
	}

	public void setVersion(Long version) {
		this.version = version;
	}

}
