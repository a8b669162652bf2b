package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import io.shopops.growth.campaign.CampaignFigures.Pacing;

/**
 * What the campaign pages show.
 */
final class CampaignViews {

	private CampaignViews() {
	}

	/**
	 * One day's numbers as an ad platform reports them.
	 */
	record DayNumbers(BigDecimal spend, long impressions, long clicks, long orders, BigDecimal gmv) {

		public BigDecimal ctr() {
			return CampaignFigures.ctr(this.clicks, this.impressions);
		}

		public BigDecimal cpc() {
			return CampaignFigures.cpc(this.spend, this.clicks);
		}

		public BigDecimal roi() {
			return CampaignFigures.roi(this.gmv, this.spend);
		}

	}

	/**
	 * A campaign-day with its one source.
	 */
	record Day(LocalDate date, DayNumbers numbers, SpendSource source) {
	}

	/**
	 * A campaign with the totals of its days and its pacing.
	 */
	record CampaignRow(long id, String name, AdPlatform platform, String channelCode, BigDecimal budgetTotal,
			BigDecimal dailyBudget, LocalDate startDate, LocalDate endDate, CampaignStatus status, long version,
			String externalId, DayNumbers totals, Pacing pacing) {
	}

	/**
	 * A campaign as an import matches rows to it: by the platform's id or by name, on a
	 * platform the report's layout accepts, within its dates.
	 */
	record CampaignRef(long id, String name, AdPlatform platform, String externalId, LocalDate startDate,
			LocalDate endDate) {
	}

	/**
	 * A campaign's page: the campaign and its days, newest first.
	 */
	record CampaignView(CampaignRow campaign, List<Day> days) {
	}

	/**
	 * What recording a day did: added it, changed its numbers (same source), replaced
	 * another source's numbers, or nothing (same numbers, same source).
	 */
	enum Outcome {

		ADDED, UPDATED, REPLACED, UNCHANGED

	}

	/**
	 * The outcome of recording a day, with the source it replaced.
	 */
	record Recorded(Outcome outcome, SpendSource previous) {
	}

	/**
	 * One page of a list.
	 */
	record PageOf<T>(List<T> items, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

}
