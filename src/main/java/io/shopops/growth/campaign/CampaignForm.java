package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A campaign as the new and edit forms send it. The sales channel is checked by
 * {@link Campaigns}.
 */
class CampaignForm {

	@NotBlank(message = "{campaign.form.name.required}")
	@Size(max = 120, message = "{campaign.form.name.size}")
	private String name;

	@NotNull(message = "{campaign.form.platform.required}")
	private AdPlatform platform;

	@Size(max = 32, message = "{campaign.form.channel.unknown}")
	private String channelCode;

	@Size(max = 64, message = "{campaign.form.externalId.size}")
	private String externalId;

	@NotNull(message = "{campaign.form.budget.required}")
	@DecimalMin(value = "0.01", message = "{campaign.form.amount.range}")
	@DecimalMax(value = "999999999999.99", message = "{campaign.form.amount.range}")
	@Digits(integer = 12, fraction = 2, message = "{campaign.form.amount.range}")
	private BigDecimal budgetTotal;

	@DecimalMin(value = "0.01", message = "{campaign.form.amount.range}")
	@DecimalMax(value = "999999999999.99", message = "{campaign.form.amount.range}")
	@Digits(integer = 12, fraction = 2, message = "{campaign.form.amount.range}")
	private BigDecimal dailyBudget;

	@NotNull(message = "{campaign.form.startDate.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate startDate;

	@NotNull(message = "{campaign.form.endDate.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate endDate;

	@NotNull(message = "{campaign.form.status.required}")
	private CampaignStatus status = CampaignStatus.ACTIVE;

	private long version;

	@AssertTrue(message = "{campaign.form.endDate.beforeStart}")
	public boolean isEndDateValid() {
		return this.startDate == null || this.endDate == null || !this.endDate.isBefore(this.startDate);
	}

	@AssertTrue(message = "{campaign.form.dates.range}")
	public boolean isStartDateValid() {
		return (this.startDate == null || (this.startDate.getYear() >= 2000 && this.startDate.getYear() <= 2100))
				&& (this.endDate == null || (this.endDate.getYear() >= 2000 && this.endDate.getYear() <= 2100));
	}

	public String getName() {
		return this.name;
	}

	public void setName(String name) {
		this.name = name;
	}

	public AdPlatform getPlatform() {
		return this.platform;
	}

	public void setPlatform(AdPlatform platform) {
		this.platform = platform;
	}

	public String getChannelCode() {
		return this.channelCode;
	}

	public void setChannelCode(String channelCode) {
		this.channelCode = channelCode;
	}

	public BigDecimal getBudgetTotal() {
		return this.budgetTotal;
	}

	public void setBudgetTotal(BigDecimal budgetTotal) {
		this.budgetTotal = budgetTotal;
	}

	public BigDecimal getDailyBudget() {
		return this.dailyBudget;
	}

	public void setDailyBudget(BigDecimal dailyBudget) {
		this.dailyBudget = dailyBudget;
	}

	public LocalDate getStartDate() {
		return this.startDate;
	}

	public void setStartDate(LocalDate startDate) {
		this.startDate = startDate;
	}

	public LocalDate getEndDate() {
		return this.endDate;
	}

	public void setEndDate(LocalDate endDate) {
		this.endDate = endDate;
	}

	public CampaignStatus getStatus() {
		return this.status;
	}

	public void setStatus(CampaignStatus status) {
		this.status = status;
	}

	public long getVersion() {
		return this.version;
	}

	public void setVersion(long version) {
		this.version = version;
	}

	public String getExternalId() {
		return this.externalId;
	}

	public void setExternalId(String externalId) {
		this.externalId = externalId;
	}

}
