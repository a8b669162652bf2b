package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;

import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's paid campaign (profile {@code demo}): {@code winter-2026}, the
 * campaign the demo's own-site orders and traffic name in {@code utm_campaign}, on the
 * own-site channel with 90 days of daily spend, so that the attribution page shows
 * campaign orders with spend and ROI beside the content, community and marketplace
 * orders. It runs before the demo orders, so that they are attributed to it when their
 * events arrive, and once: a shop that has the campaign is left alone.
 */
@Component
@Profile("demo")
@Order(25)
class DemoCampaigns implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCampaigns.class);

	static final String NAME = "winter-2026";

	static final String CHANNEL = "SITE";

	static final int DAYS = 90;

	private final Campaigns campaigns;

	private final SalesChannels channels;

	private final ShopSettings settings;

	DemoCampaigns(Campaigns campaigns, SalesChannels channels, ShopSettings settings) {
		this.campaigns = campaigns;
		this.channels = channels;
		this.settings = settings;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.campaigns.findByName(NAME).isPresent()) {
			return;
		}
		if (this.channels.find(CHANNEL).isEmpty()) {
			this.channels.create(CHANNEL, "官网商城", SalesPlatform.OWN_SITE);
		}
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		CampaignForm form = new CampaignForm();
		form.setName(NAME);
		form.setPlatform(AdPlatform.OTHER);
		form.setChannelCode(CHANNEL);
		form.setBudgetTotal(new BigDecimal("36000.00"));
		form.setDailyBudget(new BigDecimal("400.00"));
		form.setStartDate(today.minusDays(DAYS - 1));
		form.setEndDate(today.plusDays(30));
		form.setStatus(CampaignStatus.ACTIVE);
		long id = this.campaigns.create(form);
		Random random = new Random(2026);
		BigDecimal total = BigDecimal.ZERO;
		for (int daysAgo = DAYS - 1; daysAgo >= 1; daysAgo--) {
			CampaignViews.DayNumbers numbers = day(random);
			this.campaigns.record(id, today.minusDays(daysAgo), numbers, SpendSource.MANUAL);
			total = total.add(numbers.spend());
		}
		log.info("Demo campaign {}: {} days, spend {}", NAME, DAYS - 1, total);
	}

	/** A day of a small search campaign: ¥120–300, CTR about 2 %. */
	static CampaignViews.DayNumbers day(Random random) {
		BigDecimal spend = BigDecimal.valueOf(12_000 + random.nextInt(18_000), 2);
		long clicks = spend.longValue() / 2 + random.nextInt(20);
		long impressions = clicks * (40 + random.nextInt(20));
		long orders = clicks / 30;
		BigDecimal gmv = BigDecimal.valueOf(orders * (150 + random.nextInt(100)));
		return new CampaignViews.DayNumbers(spend, impressions, clicks, orders, gmv);
	}

}
