package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Campaigns for the tests, with unique names.
 */
final class CampaignFixtures {

	private CampaignFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static CampaignForm form(String name, String channel, LocalDate start, LocalDate end) {
		CampaignForm form = new CampaignForm();
		form.setName(name);
		form.setPlatform(AdPlatform.WANXIANGTAI);
		form.setChannelCode(channel);
		form.setBudgetTotal(new BigDecimal("1000"));
		form.setStartDate(start);
		form.setEndDate(end);
		return form;
	}

	static CampaignViews.DayNumbers numbers(String spend, long impressions, long clicks, long orders, String gmv) {
		return new CampaignViews.DayNumbers(new BigDecimal(spend), impressions, clicks, orders, new BigDecimal(gmv));
	}

}
