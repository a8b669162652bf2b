package io.shopops.growth.outreach;

import java.util.List;

import io.shopops.growth.segment.Segments;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo outreach: the preset templates are valid and saved once, and one campaign is
 * sent with its outbox rows.
 */
@SpringBootTest
class DemoOutreachTests {

	@Autowired
	OutreachTemplates templates;

	@Autowired
	OutreachCampaigns campaigns;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	Segments segments;

	@Autowired
	JdbcClient jdbc;

	@Test
	void savesTheTemplatesOnceAndSendsOneCampaign() {
		String tag = OutreachFixtures.unique("DEMO");
		OutreachFixtures.customer(this.jdbc, "演示客户", OutreachFixtures.phone(), null, tag);
		if (this.segments.list().isEmpty()) {
			OutreachFixtures.segment(this.jdbc, "demo " + tag, tag);
		}
		for (TemplateForm form : DemoOutreach.presets().values()) {
			var result = new org.springframework.validation.BeanPropertyBindingResult(form, "form");
			form.check(result);
			assertThat(result.hasErrors()).as(form.getBody()).isFalse();
		}
		DemoOutreach demo = new DemoOutreach(this.templates, this.campaigns, this.dispatcher, this.segments, this.jdbc);
		demo.run(null);
		demo.run(null);
		List<String> names = this.templates.list().stream().map(MessageTemplate::name).toList();
		for (String preset : DemoOutreach.presets().keySet()) {
			assertThat(names).containsOnlyOnce(preset);
		}
		List<Long> ids = this.jdbc.sql("SELECT id FROM outreach_campaign WHERE name = ?")
			.param(DemoOutreach.CAMPAIGN)
			.query(Long.class)
			.list();
		assertThat(ids).hasSize(1);
		OutreachCampaigns.Campaign campaign = this.campaigns.get(ids.get(0));
		assertThat(campaign.status()).isIn(OutreachCampaigns.CampaignStatus.DONE);
		OutreachCampaigns.Stats stats = this.campaigns.stats(campaign.id());
		assertThat(stats.targeted()).isPositive();
		assertThat(stats.queued()).isZero();
		assertThat(this.campaigns.messages(campaign.id(), null, null, 1).rows()).isNotEmpty();
	}

}
