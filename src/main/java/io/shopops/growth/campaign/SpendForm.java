package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * One day's numbers of a campaign as the detail page's spend form sends them.
 */
class SpendForm {

	@NotNull(message = "{campaign.spend.date.required}")
	@DateTimeFormat(pattern = "yyyy-MM-dd")
	private LocalDate date;

	@NotNull(message = "{campaign.spend.spend.required}")
	@DecimalMin(value = "0", message = "{campaign.spend.amount.range}")
	@DecimalMax(value = "999999999999.99", message = "{campaign.spend.amount.range}")
	@Digits(integer = 12, fraction = 2, message = "{campaign.spend.amount.range}")
	private BigDecimal spend;

	@Min(value = 0, message = "{campaign.spend.count.range}")
	@Max(value = 1_000_000_000_000L, message = "{campaign.spend.count.range}")
	private long impressions;

	@Min(value = 0, message = "{campaign.spend.count.range}")
	@Max(value = 1_000_000_000_000L, message = "{campaign.spend.count.range}")
	private long clicks;

	@Min(value = 0, message = "{campaign.spend.count.range}")
	@Max(value = 1_000_000_000_000L, message = "{campaign.spend.count.range}")
	private long orders;

	@DecimalMin(value = "0", message = "{campaign.spend.amount.range}")
	@DecimalMax(value = "999999999999.99", message = "{campaign.spend.amount.range}")
	@Digits(integer = 12, fraction = 2, message = "{campaign.spend.amount.range}")
	private BigDecimal gmv;

	public LocalDate getDate() {
		return this.date;
	}

	public void setDate(LocalDate date) {
		this.date = date;
	}

	public BigDecimal getSpend() {
		return this.spend;
	}

	public void setSpend(BigDecimal spend) {
		this.spend = spend;
	}

	public long getImpressions() {
		return this.impressions;
	}

	public void setImpressions(long impressions) {
		this.impressions = impressions;
	}

	public long getClicks() {
		return this.clicks;
	}

	public void setClicks(long clicks) {
		this.clicks = clicks;
	}

	public long getOrders() {
		return this.orders;
	}

	public void setOrders(long orders) {
		this.orders = orders;
	}

	public BigDecimal getGmv() {
		return this.gmv;
	}

	public void setGmv(BigDecimal gmv) {
		this.gmv = gmv;
	}

}
