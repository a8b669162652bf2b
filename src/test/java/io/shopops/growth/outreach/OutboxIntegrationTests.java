package io.shopops.growth.outreach;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import io.shopops.growth.outreach.MessageSender.OutboundMessage;
import io.shopops.growth.outreach.OutreachCampaigns.CampaignStatus;
import io.shopops.growth.outreach.OutreachMessages.QueueResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

/**
 * The outbox against the real database: queueing through {@link OutreachMessages}, the
 * dispatcher's retries with backoff, opt-out and frequency cap at queue and at send time,
 * two dispatchers at once, and a campaign from draft to done with its figures.
 */
@SpringBootTest
class OutboxIntegrationTests {

	@Autowired
	OutreachMessages messages;

	@Autowired
	OutboxDispatcher dispatcher;

	@Autowired
	OutreachTemplates templates;

	@Autowired
	OutreachCampaigns campaigns;

	@Autowired
	OptOuts optOuts;

	@Autowired
	OutreachSettings settings;

	@Autowired
	OutreachProperties properties;

	@Autowired
	JdbcClient jdbc;

	String tag;

	long sms;

	@BeforeEach
	void template() {
		this.tag = OutreachFixtures.unique("OBX");
		this.sms = OutreachFixtures.template(this.templates, this.tag, OutreachChannel.SMS, null,
				"{{name}}您好，{{shop}}送您{{points}}积分");
	}

	@Test
	void aFailedAttemptIsRetriedAfterTheBackoffAndThenSent() {
		long customer = OutreachFixtures.customer(this.jdbc, "王芳", OutreachFixtures.phone(), null, this.tag);
		assertThat(this.messages.queue(customer, this.sms, "lifecycle:1")).isEqualTo(QueueResult.QUEUED);
		long message = OutreachFixtures.lastMessageOf(this.jdbc, customer);
		Sender sender = new Sender(Set.of(message), 1);
		Instant now = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.MICROS);

		this.dispatcher.dispatch(sender, now, 1000);
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("QUEUED");
		Map<String, Object> row = row(message);
		assertThat(row.get("attempts")).isEqualTo(1);
		assertThat((String) row.get("last_error")).contains("gateway down");
		assertThat(((Timestamp) row.get("next_attempt_at")).toInstant())
			.isAfterOrEqualTo(now.plus(this.properties.retryBackoff()));

		this.dispatcher.dispatch(sender, now.plusSeconds(1), 1000);
		assertThat(sender.attemptsOf(message)).isEqualTo(1);

		this.dispatcher.dispatch(sender, now.plus(this.properties.retryBackoff()).plusSeconds(1), 1000);
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("SENT");
		assertThat(row(message).get("attempts")).isEqualTo(2);
		assertThat(sender.attemptsOf(message)).isEqualTo(2);
		OutboundMessage sent = sender.last(message);
		assertThat(sent.channel()).isEqualTo("sms");
		assertThat(sent.body()).startsWith("王芳您好，").endsWith("送您0积分");
		assertThat(sent.origin()).isEqualTo("lifecycle:1");
	}

	@Test
	void aMessageFailsAfterTheLastAttemptUntilRetried() {
		long customer = OutreachFixtures.customer(this.jdbc, "李雷", OutreachFixtures.phone(), null, this.tag);
		this.messages.queue(customer, this.sms, "test");
		long message = OutreachFixtures.lastMessageOf(this.jdbc, customer);
		Sender sender = new Sender(Set.of(message), Integer.MAX_VALUE);
		Instant at = Instant.now();
		for (int i = 0; i < this.properties.maxAttempts(); i++) {
			this.dispatcher.dispatch(sender, at, 1000);
			at = at.plus(Duration.ofDays(1));
		}
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("FAILED");
		assertThat(sender.attemptsOf(message)).isEqualTo(this.properties.maxAttempts());
		this.dispatcher.dispatch(sender, at, 1000);
		assertThat(sender.attemptsOf(message)).isEqualTo(this.properties.maxAttempts());

		this.campaigns.retry(message);
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("QUEUED");
		assertThatExceptionOfType(OutreachException.class).isThrownBy(() -> this.campaigns.retry(message));
		this.dispatcher.dispatch(new Sender(Set.of(), 0), Instant.now(), 1000);
		assertThat(OutreachFixtures.status(this.jdbc, message)).isEqualTo("SENT");
		assertThat(auditCount("OUTREACH_MESSAGE_RETRIED", Long.toString(message))).isEqualTo(1);
	}

	@Test
	void optOutsAreRespectedWhenQueuedAndAgainWhenSent() {
		long customer = OutreachFixtures.customer(this.jdbc, "张伟", OutreachFixtures.phone(), "zw@example.com",
				this.tag);
		long email = OutreachFixtures.template(this.templates, this.tag + "-mail", OutreachChannel.EMAIL,
				"{{name}}的专属礼", "Hi {{name}}");
		assertThat(this.optOuts.optOut(customer, OutreachChannel.SMS, "asked by phone", "op")).isTrue();
		assertThat(this.optOuts.optOut(customer, OutreachChannel.SMS, "again", "op")).isFalse();
		assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.OPTED_OUT);
		assertThat(this.messages.queue(customer, email, "test")).isEqualTo(QueueResult.QUEUED);
		long mail = OutreachFixtures.lastMessageOf(this.jdbc, customer);
		assertThat(auditCount("OUTREACH_OPTED_OUT", Long.toString(customer))).isEqualTo(1);

		assertThat(this.optOuts.clear(customer, OutreachChannel.SMS)).isTrue();
		assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.QUEUED);
		long text = OutreachFixtures.lastMessageOf(this.jdbc, customer);
		this.optOuts.optOut(customer, OutreachChannel.SMS, null, "op");
		Sender sender = new Sender(Set.of(), 0);
		this.dispatcher.dispatch(sender, Instant.now(), 1000);
		assertThat(OutreachFixtures.status(this.jdbc, text)).isEqualTo("OPTED_OUT");
		assertThat(OutreachFixtures.status(this.jdbc, mail)).isEqualTo("SENT");
		assertThat(sender.attemptsOf(text)).isZero();
		assertThat(sender.last(mail).subject()).isEqualTo("张伟的专属礼");
		assertThat(sender.last(mail).address()).isEqualTo("zw@example.com");
		assertThat(auditCount("OUTREACH_OPT_OUT_CLEARED", Long.toString(customer))).isEqualTo(1);
	}

	@Test
	void theFrequencyCapIsRespectedWhenQueuedAndAgainWhenSent() {
		OutreachSettings.Values before = this.settings.current();
		try {
			this.settings.save(new OutreachSettings.Values(2, 7, before.attributionDays()));
			long customer = OutreachFixtures.customer(this.jdbc, "赵敏", OutreachFixtures.phone(), null, this.tag);
			assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.QUEUED);
			assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.QUEUED);
			assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.CAPPED);

			this.settings.save(new OutreachSettings.Values(1, 7, before.attributionDays()));
			Sender sender = new Sender(Set.of(), 0);
			this.dispatcher.dispatch(sender, Instant.now(), 1000);
			List<String> statuses = this.jdbc
				.sql("SELECT status FROM outreach_message WHERE customer_id = :id ORDER BY id")
				.param("id", customer)
				.query(String.class)
				.list();
			assertThat(statuses).containsExactly("SENT", "CAPPED");
			assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.CAPPED);
		}
		finally {
			this.settings.save(before);
		}
	}

	@Test
	void customersWithoutContactAndUnknownTemplatesAreNotQueued() {
		long customer = OutreachFixtures.customer(this.jdbc, "无号码", null, null, this.tag);
		long masked = OutreachFixtures.customer(this.jdbc, "打码", "138****5678", null, this.tag);
		assertThat(this.messages.queue(customer, this.sms, "test")).isEqualTo(QueueResult.NO_CONTACT);
		assertThat(this.messages.queue(masked, this.sms, "test")).isEqualTo(QueueResult.NO_CONTACT);
		assertThat(this.messages.queue(customer, -1, "test")).isEqualTo(QueueResult.UNKNOWN_TEMPLATE);
		this.templates.setActive(this.sms, false);
		long other = OutreachFixtures.customer(this.jdbc, "有号码", OutreachFixtures.phone(), null, this.tag);
		assertThat(this.messages.queue(other, this.sms, "test")).isEqualTo(QueueResult.UNKNOWN_TEMPLATE);
		assertThat(this.messages.templates()).noneMatch((t) -> t.id() == this.sms);
		this.templates.setActive(this.sms, true);
		assertThat(this.messages.templates()).anyMatch((t) -> t.id() == this.sms && t.channel().equals("sms"));
		assertThat(this.jdbc.sql("SELECT count(*) FROM outreach_message WHERE customer_id IN (:ids)")
			.param("ids", List.of(customer, masked, other))
			.query(Long.class)
			.single()).isZero();
	}

	@Test
	void twoDispatchersRacingNeverSendAMessageTwice() throws Exception {
		List<Long> ids = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			long customer = OutreachFixtures.customer(this.jdbc, "并发" + i, OutreachFixtures.phone(), null, this.tag);
			this.messages.queue(customer, this.sms, "race");
			ids.add(OutreachFixtures.lastMessageOf(this.jdbc, customer));
		}
		Sender sender = new Sender(Set.of(), 0);
		sender.pause = 2;
		CountDownLatch start = new CountDownLatch(1);
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<OutboxDispatcher.Run>> runs = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				runs.add(pool.submit(() -> {
					start.await();
					return this.dispatcher.dispatch(sender, Instant.now(), 10_000);
				}));
			}
			start.countDown();
			int sentByRuns = 0;
			List<Integer> perRun = new ArrayList<>();
			for (Future<OutboxDispatcher.Run> run : runs) {
				int sent = run.get(60, TimeUnit.SECONDS).sent();
				perRun.add(sent);
				sentByRuns += sent;
			}
			assertThat(sentByRuns).isGreaterThanOrEqualTo(ids.size());
		}
		finally {
			pool.shutdownNow();
		}
		for (Long id : ids) {
			assertThat(sender.attemptsOf(id)).as("message %d", id).isEqualTo(1);
			assertThat(OutreachFixtures.status(this.jdbc, id)).isEqualTo("SENT");
		}
	}

	@Test
	void aCampaignGoesFromDraftToDoneWithItsFigures() {
		String shared = this.tag;
		long a = OutreachFixtures.customer(this.jdbc, "甲", OutreachFixtures.phone(), null, shared);
		long b = OutreachFixtures.customer(this.jdbc, "乙", OutreachFixtures.phone(), null, shared);
		long c = OutreachFixtures.customer(this.jdbc, "丙", null, null, shared);
		this.optOuts.optOut(b, OutreachChannel.SMS, null, "op");
		long segment = OutreachFixtures.segment(this.jdbc, this.tag, shared);
		CampaignForm form = new CampaignForm();
		form.setName("双十二 " + this.tag);
		form.setTemplateId(this.sms);
		form.setSegmentId(segment);
		long id = this.campaigns.create(form, "mgr");
		assertThat(this.campaigns.get(id).status()).isEqualTo(CampaignStatus.DRAFT);

		this.campaigns.schedule(id, Instant.now().plus(Duration.ofHours(1)));
		assertThat(this.campaigns.get(id).status()).isEqualTo(CampaignStatus.SCHEDULED);
		assertThatExceptionOfType(OutreachException.class)
			.isThrownBy(() -> this.campaigns.schedule(id, Instant.now().minusSeconds(5)))
			.satisfies((ex) -> assertThat(ex.code()).isEqualTo("outreach.campaign.sendAt.past"));
		assertThat(this.campaigns.startDue(Instant.now())).isZero();
		this.campaigns.startDue(Instant.now().plus(Duration.ofHours(2)));
		assertThat(this.campaigns.get(id).status()).isEqualTo(CampaignStatus.SENDING);
		assertThat(this.campaigns.get(id).targeted()).isEqualTo(3);
		assertThatExceptionOfType(OutreachException.class).isThrownBy(() -> this.campaigns.sendNow(id));

		this.dispatcher.dispatch(new Sender(Set.of(), 0), Instant.now(), 10_000);
		this.campaigns.finishSent();
		assertThat(this.campaigns.get(id).status()).isEqualTo(CampaignStatus.DONE);
		Instant sentAt = this.jdbc
			.sql("SELECT sent_at FROM outreach_message WHERE campaign_id = :id AND customer_id = :c")
			.param("id", id)
			.param("c", a)
			.query(Timestamp.class)
			.single()
			.toInstant();
		order(a, sentAt.plus(Duration.ofDays(1)), "88.00");
		order(a, sentAt.plus(Duration.ofDays(30)), "99.00");
		order(b, sentAt.plus(Duration.ofDays(1)), "77.00");

		OutreachCampaigns.Stats stats = this.campaigns.stats(id);
		assertThat(stats.targeted()).isEqualTo(3);
		assertThat(stats.sent()).isEqualTo(1);
		assertThat(stats.optedOut()).isEqualTo(1);
		assertThat(stats.noContact()).isEqualTo(1);
		assertThat(stats.failed()).isZero();
		assertThat(stats.orders()).isEqualTo(1);
		assertThat(stats.gmv()).isEqualByComparingTo("88.00");
		assertThat(this.campaigns.messages(id, null, Outbox.Status.SENT, 1).rows()).singleElement()
			.satisfies((m) -> assertThat(m.customerId()).isEqualTo(a));
		assertThat(auditCount("OUTREACH_CAMPAIGN_STARTED", Long.toString(id))).isEqualTo(1);
		assertThat(auditCount("OUTREACH_CAMPAIGN_DONE", Long.toString(id))).isEqualTo(1);
		assertThatExceptionOfType(OutreachException.class).isThrownBy(() -> this.campaigns.cancel(id));
		assertThat(c).isPositive();
	}

	@Test
	void cancellingASendingCampaignCancelsItsQueuedMessages() {
		OutreachFixtures.customer(this.jdbc, "甲", OutreachFixtures.phone(), null, this.tag);
		OutreachFixtures.customer(this.jdbc, "乙", OutreachFixtures.phone(), null, this.tag);
		long segment = OutreachFixtures.segment(this.jdbc, this.tag, this.tag);
		CampaignForm form = new CampaignForm();
		form.setName("cancel " + this.tag);
		form.setTemplateId(this.sms);
		form.setSegmentId(segment);
		long id = this.campaigns.create(form, "mgr");
		assertThat(this.campaigns.sendNow(id)).containsEntry(Outbox.Status.QUEUED, 2);
		assertThat(this.campaigns.cancel(id)).isEqualTo(2);
		assertThat(this.campaigns.get(id).status()).isEqualTo(CampaignStatus.CANCELLED);
		assertThat(this.campaigns.stats(id).cancelled()).isEqualTo(2);
		assertThat(auditCount("OUTREACH_CAMPAIGN_CANCELLED", Long.toString(id))).isEqualTo(1);
	}

	private void order(long customer, Instant placed, String amount) {
		this.jdbc.sql("""
				INSERT INTO customer_order (order_id, customer_id, channel_code, order_number, status, status_rank,
				                            placed_at, paid_amount, paid_at)
				VALUES ((SELECT coalesce(max(order_id), 0) + 1000000 FROM customer_order), :c, 'test', :n, 'PAID', 2,
				        :at, :amount, :at)""")
			.param("c", customer)
			.param("n", OutreachFixtures.unique("O"))
			.param("at", Timestamp.from(placed))
			.param("amount", new BigDecimal(amount))
			.update();
	}

	private Map<String, Object> row(long message) {
		return this.jdbc.sql("SELECT attempts, last_error, next_attempt_at FROM outreach_message WHERE id = :id")
			.param("id", message)
			.query()
			.singleRow();
	}

	private long auditCount(String action, String objectId) {
		return this.jdbc.sql("SELECT count(*) FROM audit_entry WHERE action = :action AND object_id = :id")
			.param("action", action)
			.param("id", objectId)
			.query(Long.class)
			.single();
	}

	/**
	 * Records every attempt; fails the first {@code failures} attempts of some messages.
	 */
	static final class Sender implements MessageSender {

		final List<OutboundMessage> attempts = Collections.synchronizedList(new ArrayList<>());

		final Set<Long> failing;

		final int failures;

		volatile long pause;

		Sender(Set<Long> failing, int failures) {
			this.failing = new HashSet<>(failing);
			this.failures = failures;
		}

		@Override
		public void send(OutboundMessage message) throws Exception {
			this.attempts.add(message);
			if (this.pause > 0) {
				Thread.sleep(this.pause);
			}
			if (this.failing.contains(message.id()) && attemptsOf(message.id()) <= this.failures) {
				throw new IllegalStateException("gateway down");
			}
		}

		int attemptsOf(long id) {
			synchronized (this.attempts) {
				return (int) this.attempts.stream().filter((m) -> m.id() == id).count();
			}
		}

		OutboundMessage last(long id) {
			synchronized (this.attempts) {
				return this.attempts.stream().filter((m) -> m.id() == id).reduce((x, y) -> y).orElseThrow();
			}
		}

	}

}
