package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;

import io.shopops.dashboard.TrafficFigures;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.growth.campaign.CampaignViews.CampaignView;
import io.shopops.growth.campaign.CampaignViews.Outcome;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * A campaign-day has one source, so its spend is counted once; the dashboard's ad spend
 * is the campaigns' daily spend.
 */
@SpringBootTest
class CampaignsIntegrationTests {

	@Autowired
	Campaigns campaigns;

	@Autowired
	SalesChannels channels;

	@Autowired
	TrafficFigures figures;

	@Autowired
	JdbcClient jdbc;

	@Test
	void aSecondSourceForTheSameDayReplacesTheFirstAndSaysSo() {
		LocalDate start = LocalDate.of(2016, 5, 1);
		long id = this.campaigns
			.create(CampaignFixtures.form(CampaignFixtures.unique("双11预热"), null, start, start.plusDays(9)));
		assertThat(this.campaigns
			.record(id, start, CampaignFixtures.numbers("100", 1000, 50, 2, "300"), SpendSource.MANUAL)
			.outcome()).isEqualTo(Outcome.ADDED);
		// the same numbers again: nothing changes, nothing is audited twice
		assertThat(this.campaigns
			.record(id, start, CampaignFixtures.numbers("100.00", 1000, 50, 2, "300"), SpendSource.MANUAL)
			.outcome()).isEqualTo(Outcome.UNCHANGED);
		var replaced = this.campaigns.record(id, start, CampaignFixtures.numbers("120", 1200, 60, 3, "420"),
				SpendSource.WANXIANGTAI);
		assertThat(replaced.outcome()).isEqualTo(Outcome.REPLACED);
		assertThat(replaced.previous()).isEqualTo(SpendSource.MANUAL);
		this.campaigns.record(id, start.plusDays(1), CampaignFixtures.numbers("80", 800, 40, 1, "100"),
				SpendSource.MANUAL);

		CampaignView view = this.campaigns.find(id, start.plusDays(1)).orElseThrow();
		assertThat(view.days()).hasSize(2);
		assertThat(view.days().get(1).source()).isEqualTo(SpendSource.WANXIANGTAI);
		assertThat(view.campaign().totals().spend()).isEqualByComparingTo("200");
		assertThat(view.campaign().totals().roi()).isEqualByComparingTo("2.60");
		assertThat(this.jdbc
			.sql("SELECT action FROM audit_entry WHERE object_type = 'campaign' AND object_id = ?" + " ORDER BY id")
			.param(Long.toString(id))
			.query(String.class)
			.list()).containsExactly("CAMPAIGN_CREATED", "CAMPAIGN_SPEND_RECORDED", "CAMPAIGN_SPEND_REPLACED",
					"CAMPAIGN_SPEND_RECORDED");

		assertThat(this.campaigns.deleteDay(id, start)).isTrue();
		assertThat(this.campaigns.deleteDay(id, start)).isFalse();
		assertThat(this.campaigns.find(id, start).orElseThrow().campaign().totals().spend()).isEqualByComparingTo("80");
	}

	@Test
	void aDayOutsideTheCampaignIsRefused() {
		LocalDate start = LocalDate.of(2016, 6, 1);
		long id = this.campaigns.create(CampaignFixtures.form(CampaignFixtures.unique("618"), null, start, start));
		assertThatExceptionOfType(CampaignFormException.class)
			.isThrownBy(() -> this.campaigns.record(id, start.plusDays(1), CampaignFixtures.numbers("1", 0, 0, 0, "0"),
					SpendSource.MANUAL))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("campaign.spend.date.outside"));
		assertThatExceptionOfType(CampaignFormException.class)
			.isThrownBy(() -> this.campaigns
				.create(CampaignFixtures.form(CampaignFixtures.unique("x"), "NO-SUCH-CHANNEL", start, start)))
			.satisfies((ex) -> assertThat(ex.field()).isEqualTo("channelCode"));
	}

	@Test
	void adSpendSumsTheCampaignDaysOfTheChannel() {
		String code = CampaignFixtures.unique("AD").toUpperCase(Locale.ROOT);
		this.channels.create(code, "推广店 " + code, SalesPlatform.values()[0]);
		LocalDate start = LocalDate.of(2015, 3, 1);
		long ours = this.campaigns
			.create(CampaignFixtures.form(CampaignFixtures.unique("ours"), code, start, start.plusDays(5)));
		long other = this.campaigns
			.create(CampaignFixtures.form(CampaignFixtures.unique("other"), null, start, start.plusDays(5)));
		this.campaigns.record(ours, start, CampaignFixtures.numbers("10.50", 0, 0, 0, "0"), SpendSource.MANUAL);
		this.campaigns.record(ours, start.plusDays(2), CampaignFixtures.numbers("20", 0, 0, 0, "0"),
				SpendSource.MANUAL);
		this.campaigns.record(other, start, CampaignFixtures.numbers("7", 0, 0, 0, "0"), SpendSource.MANUAL);

		assertThat(this.figures.adSpend(start, start, code))
			.hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("10.50"));
		assertThat(this.figures.adSpend(start, start.plusDays(2), code.toLowerCase(Locale.ROOT)))
			.hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("30.50"));
		assertThat(this.figures.adSpend(start.plusDays(1), start.plusDays(1), code))
			.hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo(BigDecimal.ZERO));
		// the whole shop: these campaigns' days are the only ones in 2015
		assertThat(this.figures.adSpend(start, start, null))
			.hasValueSatisfying((v) -> assertThat(v).isEqualByComparingTo("17.50"));
		// the daily spend in one query says what asking day by day says
		for (String channel : java.util.Arrays.asList(code, null, CampaignFixtures.unique("NONE"))) {
			this.figures.dailyAdSpend(start.minusDays(1), start.plusDays(3), channel).forEach((day, spend) -> {
				java.util.Optional<BigDecimal> single = this.figures.adSpend(day, day, channel);
				assertThat(spend.isPresent()).as(day + " " + channel).isEqualTo(single.isPresent());
				spend.ifPresent((v) -> assertThat(v).isEqualByComparingTo(single.orElseThrow()));
			});
		}
	}

	@Test
	void aChannelWithoutCampaignDaysHasUnknownAdSpend() {
		assertThat(this.figures.adSpend(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 1),
				CampaignFixtures.unique("NONE")))
			.isEmpty();
	}

	@Test
	@Transactional
	void adSpendIsUnknownWhileNoCampaignHasAnyDay() {
		this.jdbc.sql("DELETE FROM campaign_spend").update();
		assertThat(this.figures.adSpend(LocalDate.of(2015, 3, 1), LocalDate.of(2015, 3, 31), null)).isEmpty();
	}

}
