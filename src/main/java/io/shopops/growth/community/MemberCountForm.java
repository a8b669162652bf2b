package io.shopops.growth.community;

import java.time.LocalDate;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A group's member count on a day, as entered on the group's page.
 */
class MemberCountForm {

	@NotNull(message = "{community.members.form.date.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate date;

	@NotNull(message = "{community.members.form.members.required}")
	@Min(value = 0, message = "{community.members.form.members.range}")
	@Max(value = 1000000, message = "{community.members.form.members.range}")
	private Integer members;

	public LocalDate getDate() {
		return this.date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public Integer getMembers() {
		return this.members;
	}

	public void setMembers(Integer members) {
		this.members = members;
	}

}
