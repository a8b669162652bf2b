package io.shopops.dashboard;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.shopops.dashboard.DigestDeliveries.Claim;
import io.shopops.dashboard.DigestDeliveries.DeliveryKind;
import io.shopops.dashboard.DigestScheduling.ShopZoneTrigger;
import io.shopops.dashboard.DigestTransport.DeliveryException;
import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.scheduling.support.CronExpression;
import org.springframework.scheduling.support.SimpleTriggerContext;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * E-mail through {@link JavaMailSender} (a sender that keeps the messages instead of
 * talking SMTP), and the digest's schedule in the shop's time zone.
 */
class DigestTransportTests {

	private static final DigestProperties PROPERTIES = new DigestProperties("-", "-", "-",
			List.of(Duration.ofMinutes(1)), Duration.ofMinutes(2), Duration.ofSeconds(1), Duration.ofSeconds(1), "",
			"digest@shop.example");

	@Test
	void anEMailGoesToEveryAddressAsPlainText() throws Exception {
		List<MimeMessage> sent = new ArrayList<>();
		JavaMailSenderImpl mail = new JavaMailSenderImpl() {

			@Override
			protected void doSend(MimeMessage[] messages, Object[] originals) {
				sent.addAll(List.of(messages));
			}

		};
		DigestTransport transport = new DigestTransport(PROPERTIES, provider(mail), new MockEnvironment());
		transport.send(claim("boss@shop.example, ops@shop.example"));
		assertThat(sent).hasSize(1);
		MimeMessage message = sent.get(0);
		assertThat(message.getSubject()).isEqualTo("示例店铺 每日经营数据 · 2026-12-02");
		assertThat(List.of(message.getRecipients(Message.RecipientType.TO)).stream().map(Address::toString))
			.containsExactly("boss@shop.example", "ops@shop.example");
		assertThat(message.getFrom()[0].toString()).isEqualTo("digest@shop.example");
		message.saveChanges();
		assertThat(message.getContent().toString()).isEqualTo("- 成交额 GMV：¥2,000.00（日环比 +100.0%）");
	}

	@Test
	void withoutAMailServerAnEMailFailsWithAClearError() {
		DigestTransport transport = new DigestTransport(PROPERTIES, provider(null), new MockEnvironment());
		assertThatExceptionOfType(DeliveryException.class).isThrownBy(() -> transport.send(claim("a@shop.example")))
			.withMessageContaining("spring.mail.host");
	}

	@Test
	void theDigestRunsAtItsTimeInTheShopsTimeZone() {
		ShopZoneTrigger trigger = new ShopZoneTrigger(CronExpression.parse("0 30 8 * * *"),
				() -> ZoneId.of("Asia/Shanghai"));
		// 08:00 in Shanghai: today at 08:30 there, 00:30 UTC
		Instant eight = LocalDate.of(2026, 12, 3).atTime(0, 0).toInstant(ZoneOffset.UTC);
		assertThat(trigger.nextExecution(new SimpleTriggerContext(Clock.fixed(eight, ZoneOffset.UTC))))
			.isEqualTo(LocalDate.of(2026, 12, 3).atTime(0, 30).toInstant(ZoneOffset.UTC));
		ShopZoneTrigger london = new ShopZoneTrigger(CronExpression.parse("0 30 8 * * *"),
				() -> ZoneId.of("Europe/London"));
		assertThat(london.nextExecution(new SimpleTriggerContext(Clock.fixed(eight, ZoneOffset.UTC))))
			.isEqualTo(LocalDate.of(2026, 12, 3).atTime(8, 30).toInstant(ZoneOffset.UTC));
	}

	@Test
	void aDigestMissedWhileTheApplicationWasDownIsSentUpToSixHoursLate() {
		ZoneId shanghai = ZoneId.of("Asia/Shanghai");
		LocalDate day = LocalDate.of(2026, 12, 3);
		assertThat(DigestJobs.digestMissed("0 30 8 * * *", shanghai, day.atTime(8, 0).atZone(shanghai).toInstant()))
			.isFalse();
		assertThat(DigestJobs.digestMissed("0 30 8 * * *", shanghai, day.atTime(8, 31).atZone(shanghai).toInstant()))
			.isTrue();
		assertThat(DigestJobs.digestMissed("0 30 8 * * *", shanghai, day.atTime(14, 29).atZone(shanghai).toInstant()))
			.isTrue();
		assertThat(DigestJobs.digestMissed("0 30 8 * * *", shanghai, day.atTime(14, 31).atZone(shanghai).toInstant()))
			.isFalse();
		assertThat(DigestJobs.digestMissed("-", shanghai, day.atTime(9, 0).atZone(shanghai).toInstant())).isFalse();
	}

	private static Claim claim(String target) {
		return new Claim(1, 1, new DigestMessage("示例店铺 每日经营数据 · 2026-12-02", "- **成交额 GMV**：¥2,000.00（日环比 +100.0%）"), 1,
				DigestChannelKind.EMAIL, target, null, "zh_CN", DeliveryKind.DIGEST);
	}

	private static ObjectProvider<JavaMailSender> provider(JavaMailSender sender) {
		StaticListableBeanFactory beans = new StaticListableBeanFactory(
				(sender != null) ? Map.<String, Object>of("mailSender", sender) : Map.<String, Object>of());
		return beans.getBeanProvider(JavaMailSender.class);
	}

}
