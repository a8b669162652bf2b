package io.shopops.dashboard;

import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The demo digest seeds a disabled channel, the alert rules and three delivered digests,
 * sends nothing, and changes nothing when run again.
 */
@SpringBootTest
class DemoDigestTests {

	@Autowired
	DigestChannels channels;

	@Autowired
	AlertRules rules;

	@Autowired
	DigestDeliveries deliveries;

	@Autowired
	DailyDigest digest;

	@Autowired
	io.shopops.platform.ShopSettings settings;

	@Autowired
	JdbcClient jdbc;

	@Test
	void seedsADisabledChannelRulesAndDeliveredDigestsOnce() {
		this.jdbc.sql("DELETE FROM digest_channel").update();
		this.jdbc.sql("DELETE FROM digest_alert_rule").update();
		DemoDigest demo = new DemoDigest(this.channels, this.rules, this.deliveries, this.digest, this.settings,
				this.jdbc);
		demo.run(null);
		assertThat(this.channels.list()).singleElement().satisfies((channel) -> {
			assertThat(channel.name()).isEqualTo(DemoDigest.MARKER);
			assertThat(channel.enabled()).isFalse();
			assertThat(channel.maskedTarget()).isEqualTo("https://qyapi.weixin.qq.com/…0000");
		});
		assertThat(this.rules.list()).extracting(AlertRule::kind)
			.contains(AlertRuleKind.CONVERSION_DROP, AlertRuleKind.REFUND_SPIKE, AlertRuleKind.PROMOTED_STOCK_OUT);
		assertThat(this.deliveries.page(0, 10, null).getContent()).hasSize(3).allSatisfy((row) -> {
			assertThat(row.status()).isEqualTo(DigestDeliveries.DeliveryStatus.SENT);
			assertThat(row.title()).contains("每日经营数据");
		});
		// nothing is due: the demo sends nothing
		assertThat(this.deliveries.claim(Instant.now().plusSeconds(86_400), 10, null)).isEmpty();
		int rules = this.rules.list().size();
		demo.run(null);
		assertThat(this.channels.list()).hasSize(1);
		assertThat(this.rules.list()).hasSize(rules);
		assertThat(this.deliveries.page(0, 10, null).getTotalElements()).isEqualTo(3);
	}

}
