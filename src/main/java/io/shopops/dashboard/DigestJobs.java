package io.shopops.dashboard;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import io.shopops.dashboard.AlertEvaluator.Finding;
import io.shopops.dashboard.DigestDeliveries.DeliveryKind;
import io.shopops.dashboard.DigestDeliveries.DeliveryStatus;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The digest's and alerts' jobs: queue yesterday's digest for every channel that gets it,
 * queue the alerts of the rules that fire (once per rule, channel and day), send what is
 * due, and send a channel's test message. Queueing is idempotent by the deliveries' dedup
 * keys, so running a job twice, or on two instances, sends each message once.
 */
@Component
class DigestJobs {

	private static final Logger log = LoggerFactory.getLogger(DigestJobs.class);

	/**
	 * How long after its time a digest missed (the application was down) is still sent.
	 */
	static final java.time.Duration CATCH_UP = java.time.Duration.ofHours(6);

	private final DigestChannels channels;

	private final DigestDeliveries deliveries;

	private final DigestSender sender;

	private final DailyDigest digest;

	private final AlertEvaluator alerts;

	private final ShopSettings settings;

	private final MessageSource messages;

	private final AuditLog audit;

	private final TransactionTemplate transaction;

	private final DigestProperties properties;

	DigestJobs(DigestChannels channels, DigestDeliveries deliveries, DigestSender sender, DailyDigest digest,
			AlertEvaluator alerts, ShopSettings settings, MessageSource messages, AuditLog audit,
			PlatformTransactionManager transactions, DigestProperties properties) {
		this.properties = properties;
		this.transaction = new TransactionTemplate(transactions);
		this.channels = channels;
		this.deliveries = deliveries;
		this.sender = sender;
		this.digest = digest;
		this.alerts = alerts;
		this.settings = settings;
		this.messages = messages;
		this.audit = audit;
	}

	/** The shop's local day now. */
	LocalDate today() {
		return LocalDate.now(this.settings.current().timeZone());
	}

	/**
	 * Queues the digest of a day for every enabled channel that gets it.
	 * @return how many deliveries were queued (0 when they were queued before)
	 */
	int queueDigest(LocalDate day, Instant now) {
		Map<String, DigestMessage> composed = new HashMap<>();
		int queued = 0;
		for (DigestChannel channel : this.channels.enabled(false)) {
			String key = "digest:" + channel.id() + ":" + day;
			if (this.deliveries.exists(key)) {
				// composed only for channels that still need it
				continue;
			}
			DigestMessage message = composed.computeIfAbsent(channel.language(),
					(language) -> this.digest.compose(day, DigestChannel.locale(language)));
			if (this.deliveries.queue(channel.id(), DeliveryKind.DIGEST, day, key, message, now).isPresent()) {
				queued++;
			}
		}
		return queued;
	}

	/**
	 * Evaluates the alert rules and queues the alerts that fire for every enabled channel
	 * that gets alerts, once per rule, channel and day.
	 * @return how many deliveries were queued
	 */
	int queueAlerts(LocalDate today, Instant now) {
		List<DigestChannel> targets = this.channels.enabled(true);
		if (targets.isEmpty()) {
			return 0;
		}
		int queued = 0;
		for (Finding finding : this.alerts.evaluate(today)) {
			Map<Locale, DigestMessage> composed = new HashMap<>();
			for (DigestChannel channel : targets) {
				DigestMessage message = composed.computeIfAbsent(channel.locale(), finding.message());
				String key = "alert:" + channel.id() + ":" + today + ":" + finding.rule().id();
				if (this.deliveries.queue(channel.id(), DeliveryKind.ALERT, today, key, message, now).isPresent()) {
					queued++;
				}
			}
		}
		return queued;
	}

	/** The scheduled digest: yesterday's, then what is due. */
	void runDigest() {
		Instant now = Instant.now();
		int queued = queueDigest(today().minusDays(1), now);
		if (queued > 0) {
			log.info("Daily digest queued for {} channels", queued);
		}
		this.sender.deliverDue(now);
	}

	/**
	 * The scheduled evaluation of the alert rules, then the digest if its time today
	 * passed without it (the application was down), then what is due.
	 */
	void runAlerts() {
		Instant now = Instant.now();
		queueAlerts(today(), now);
		if (digestMissed(this.properties.cron(), this.settings.current().timeZone(), now)) {
			int queued = queueDigest(today().minusDays(1), now);
			if (queued > 0) {
				log.info("Daily digest caught up for {} channels", queued);
			}
		}
		this.sender.deliverDue(now);
	}

	/**
	 * Whether the digest's first time today (in the shop's zone) passed less than
	 * {@link #CATCH_UP} ago, so that a digest not yet queued is late rather than lost.
	 */
	static boolean digestMissed(String cron, java.time.ZoneId zone, Instant now) {
		if (cron == null || cron.isBlank() || DigestProperties.OFF.equals(cron.strip())) {
			return false;
		}
		java.time.ZonedDateTime local = now.atZone(zone);
		java.time.ZonedDateTime first = org.springframework.scheduling.support.CronExpression.parse(cron.strip())
			.next(local.toLocalDate().atStartOfDay(zone).minusNanos(1));
		return first != null && !first.isAfter(local) && first.plus(CATCH_UP).isAfter(local);
	}

	/** The scheduled sending of due deliveries and retries. */
	void runDeliveries() {
		this.sender.deliverDue(Instant.now());
	}

	/**
	 * Queues and sends yesterday's digest now, as an admin asked: channels that got it
	 * already do not get it again.
	 * @return how many channels it was queued for
	 */
	int sendDigestNow() {
		Instant now = Instant.now();
		LocalDate day = today().minusDays(1);
		int queued = queueDigest(day, now);
		this.audit.record("DIGEST_SENT_NOW", "digest_delivery", null,
				"digest of " + day + " queued for " + queued + " channels");
		this.sender.deliverDue(now);
		return queued;
	}

	/**
	 * Tries a failed delivery again now, as an admin asked.
	 * @return whether it was failed
	 */
	boolean retry(long deliveryId) {
		Instant now = Instant.now();
		boolean retried = Boolean.TRUE.equals(this.transaction.execute((status) -> {
			if (!this.deliveries.retry(deliveryId, now)) {
				return false;
			}
			this.audit.record("DIGEST_DELIVERY_RETRIED", "digest_delivery", Long.toString(deliveryId), null);
			return true;
		}));
		if (!retried) {
			return false;
		}
		this.sender.deliverNow(deliveryId, now);
		return true;
	}

	/**
	 * Sends a test message to a channel now, whether it is enabled or not.
	 * @return the delivery's id and status afterwards, empty when the channel does not
	 * exist
	 */
	Optional<TestResult> sendTest(long channelId) {
		Optional<DigestChannel> found = this.channels.find(channelId);
		if (found.isEmpty()) {
			return Optional.empty();
		}
		DigestChannel channel = found.get();
		Instant now = Instant.now();
		Locale locale = channel.locale();
		DigestMessage message = new DigestMessage(this.messages.getMessage("digest.test.title",
				new Object[] { this.settings.current().shopName() }, locale),
				this.messages.getMessage("digest.test.text", new Object[] { channel.name() }, locale));
		long id = this.transaction.execute((status) -> {
			long queued = this.deliveries
				.queue(channel.id(), DeliveryKind.TEST, today(), "test:" + channel.id() + ":" + UUID.randomUUID(),
						message, now)
				.orElseThrow();
			this.audit.record("DIGEST_TEST_SENT", "digest_channel", Long.toString(channel.id()), channel.name());
			return queued;
		});
		DeliveryStatus status = this.sender.deliverNow(id, now).orElse(DeliveryStatus.SENDING);
		return Optional.of(new TestResult(id, status));
	}

	/**
	 * A test message's delivery.
	 *
	 * @param deliveryId the delivery
	 * @param status its status after the first attempt
	 */
	record TestResult(long deliveryId, DeliveryStatus status) {
	}

}
