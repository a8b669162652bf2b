package io.shopops.dashboard;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import io.shopops.dashboard.DigestDeliveries.DeliveryKind;
import io.shopops.platform.ShopSettings;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo shop's digest (profile {@code demo}): a WeCom channel that is disabled
 * (its URL is an example, so nothing leaves the demo), the four kinds of alert rules, and
 * the last three days' digests as delivered, one of them after a failed attempt. It runs
 * once: a shop that has the channel {@value #MARKER} is left alone.
 */
@Component
@Profile("demo")
@Order(90)
class DemoDigest implements ApplicationRunner {

	static final String MARKER = "演示：运营群（企业微信）";

	static final String EXAMPLE_URL = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=00000000-demo-demo-demo-000000000000";

	private final DigestChannels channels;

	private final AlertRules rules;

	private final DigestDeliveries deliveries;

	private final DailyDigest digest;

	private final ShopSettings settings;

	private final JdbcClient jdbc;

	DemoDigest(DigestChannels channels, AlertRules rules, DigestDeliveries deliveries, DailyDigest digest,
			ShopSettings settings, JdbcClient jdbc) {
		this.channels = channels;
		this.rules = rules;
		this.deliveries = deliveries;
		this.digest = digest;
		this.settings = settings;
		this.jdbc = jdbc;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (this.jdbc.sql("SELECT count(*) FROM digest_channel WHERE name = :name")
			.param("name", MARKER)
			.query(Long.class)
			.single() > 0) {
			return;
		}
		seed(Instant.now());
	}

	void seed(Instant now) {
		DigestChannelForm form = new DigestChannelForm();
		form.setName(MARKER);
		form.setKind(DigestChannelKind.WECOM);
		form.setTarget(EXAMPLE_URL);
		form.setLanguage("zh_CN");
		long channel = this.channels.create(form);
		this.channels.setEnabled(channel, false);
		rule(AlertRuleKind.CONVERSION_DROP, "20", null);
		rule(AlertRuleKind.REFUND_SPIKE, "5", null);
		if (this.rules.queue("queue.ordersToShip").isPresent()) {
			rule(AlertRuleKind.SLA_BACKLOG, "10", "queue.ordersToShip");
		}
		rule(AlertRuleKind.PROMOTED_STOCK_OUT, "0", null);
		ZoneId zone = this.settings.current().timeZone();
		LocalDate today = LocalDate.ofInstant(now, zone);
		for (int daysAgo = 3; daysAgo >= 1; daysAgo--) {
			LocalDate day = today.minusDays(daysAgo);
			Instant queuedAt = day.plusDays(1).atTime(8, 30).atZone(zone).toInstant();
			long id = this.deliveries
				.queue(channel, DeliveryKind.DIGEST, day, "digest:" + channel + ":" + day,
						this.digest.compose(day, DigestChannel.locale("zh_CN")), queuedAt)
				.orElseThrow();
			boolean retried = daysAgo == 2;
			this.jdbc.sql("""
					UPDATE digest_delivery SET status = 'SENT', attempts = :attempts, next_attempt_at = NULL,
					  last_error = NULL, sent_at = :sentAt WHERE id = :id""")
				.param("attempts", retried ? 2 : 1)
				.param("sentAt",
						Timestamp.from(queuedAt.plus(retried ? Duration.ofSeconds(62) : Duration.ofSeconds(1))))
				.param("id", id)
				.update();
		}
	}

	private void rule(AlertRuleKind kind, String threshold, String queueKey) {
		AlertRuleForm form = new AlertRuleForm();
		form.setKind(kind);
		form.setThreshold(new BigDecimal(threshold));
		form.setQueueKey(queueKey);
		this.rules.create(form);
	}

}
