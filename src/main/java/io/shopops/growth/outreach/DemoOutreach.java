package io.shopops.growth.outreach;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.shopops.growth.segment.Segments;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's outreach (profile {@code demo}, after the segments and coupons):
 * three templates (SMS, e-mail, WeChat) and one campaign sent to the gold members (or the
 * largest saved segment) with the newest coupon, through the same services as the pages;
 * its messages go through the default sender and are dated three days back, so that the
 * campaign's figures show orders placed since. Run again, it adds nothing.
 */
@Component
@Profile("demo")
@Order(66)
class DemoOutreach implements ApplicationRunner {

	static final String CAMPAIGN = "双十二老客回购";

	private static final Logger log = LoggerFactory.getLogger(DemoOutreach.class);

	private final OutreachTemplates templates;

	private final OutreachCampaigns campaigns;

	private final OutboxDispatcher dispatcher;

	private final Segments segments;

	private final JdbcClient jdbc;

	DemoOutreach(OutreachTemplates templates, OutreachCampaigns campaigns, OutboxDispatcher dispatcher,
			Segments segments, JdbcClient jdbc) {
		this.templates = templates;
		this.campaigns = campaigns;
		this.dispatcher = dispatcher;
		this.segments = segments;
		this.jdbc = jdbc;
	}

	static Map<String, TemplateForm> presets() {
		return Map.of("复购提醒（短信）",
				form(OutreachChannel.SMS, null,
						"{{name}}您好，{{shop}}送您一张专属券 {{coupon}}，本周内下单可用。您有 {{points}} 积分待使用。回T退订"),
				"会员日邀请（邮件）",
				form(OutreachChannel.EMAIL, "{{name}}，{{tier}}专享会员日",
						"{{name}}您好：\n\n作为{{tier}}，您在本周会员日可享专属折扣，券码 {{coupon}}。\n当前积分：{{points}}。\n\n{{shop}}"),
				"积分到期提醒（微信）", form(OutreachChannel.WECHAT, null, "{{name}}，您在{{shop}}的 {{points}} 积分即将到期，快来兑换吧。"));
	}

	@Override
	public void run(ApplicationArguments args) {
		Set<String> existing = this.templates.list().stream().map(MessageTemplate::name).collect(Collectors.toSet());
		Long smsTemplate = null;
		int created = 0;
		for (Map.Entry<String, TemplateForm> preset : presets().entrySet()) {
			if (!existing.contains(preset.getKey())) {
				preset.getValue().setName(preset.getKey());
				this.templates.create(preset.getValue());
				created++;
			}
		}
		for (MessageTemplate template : this.templates.list()) {
			if (template.name().equals("复购提醒（短信）")) {
				smsTemplate = template.id();
			}
		}
		boolean campaignExists = this.jdbc.sql("SELECT count(*) FROM outreach_campaign WHERE name = :name")
			.param("name", CAMPAIGN)
			.query(Long.class)
			.single() > 0;
		// the gold members, else the largest saved segment
		var segment = this.segments.list()
			.stream()
			.filter((s) -> this.segments.count(s.id()) > 0)
			.max(java.util.Comparator.comparing((Segments.Summary s) -> s.name().equals("金卡会员"))
				.thenComparing((s) -> this.segments.count(s.id())));
		if (campaignExists || smsTemplate == null || segment.isEmpty()) {
			log.info("Demo outreach: {} templates created", created);
			return;
		}
		CampaignForm form = new CampaignForm();
		form.setName(CAMPAIGN);
		form.setTemplateId(smsTemplate);
		form.setSegmentId(segment.get().id());
		form.setCouponId(
				this.campaigns.couponOptions().stream().findFirst().map(OutreachCampaigns.Option::id).orElse(null));
		long id = this.campaigns.create(form, "demo");
		this.campaigns.sendNow(id);
		this.dispatcher.dispatch(this.dispatcher.sender(), Instant.now(), 100_000);
		this.jdbc.sql("""
				UPDATE outreach_message SET created_at = created_at - interval '3 days',
				       sent_at = sent_at - interval '3 days' WHERE campaign_id = :id""").param("id", id).update();
		this.jdbc.sql("""
				UPDATE outreach_campaign SET created_at = created_at - interval '3 days',
				       queued_at = queued_at - interval '3 days' WHERE id = :id""").param("id", id).update();
		this.campaigns.finishSent();
		log.info("Demo outreach: {} templates created, campaign {} sent: {}", created, CAMPAIGN,
				this.campaigns.stats(id));
	}

	private static TemplateForm form(OutreachChannel channel, String subject, String body) {
		TemplateForm form = new TemplateForm();
		form.setChannel(channel);
		form.setSubject(subject);
		form.setBody(body);
		return form;
	}

}
