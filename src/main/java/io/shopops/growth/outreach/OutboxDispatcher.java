package io.shopops.growth.outreach;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.outreach.MessageSender.OutboundMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox: claims one due QUEUED message at a time with
 * {@code FOR UPDATE SKIP LOCKED} (so dispatchers running at once never take the same
 * row), checks the opt-out and the frequency cap again, hands it to the
 * {@link MessageSender} and records the outcome in the same transaction. A failed attempt
 * waits {@code retry-backoff}, doubled after each further failure, and after
 * {@code max-attempts} the message is FAILED, with its last error, until a manager
 * retries it.
 */
@Service
class OutboxDispatcher {

	private static final Logger log = LoggerFactory.getLogger(OutboxDispatcher.class);

	/** The key of the per-customer lock the cap check at send time holds. */
	private static final int CUSTOMER_LOCK = 0x4f555402;

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final OutreachProperties properties;

	private final OutreachSettings settings;

	private final Outbox outbox;

	private final OutreachCampaigns campaigns;

	private final MessageSender sender;

	OutboxDispatcher(JdbcClient jdbc, PlatformTransactionManager transactionManager, OutreachProperties properties,
			OutreachSettings settings, Outbox outbox, OutreachCampaigns campaigns,
			ObjectProvider<MessageSender> senders) {
		this.jdbc = jdbc;
		this.transactions = new TransactionTemplate(transactionManager);
		this.properties = properties;
		this.settings = settings;
		this.outbox = outbox;
		this.campaigns = campaigns;
		LogFileMessageSender fallback = new LogFileMessageSender(properties.outboxFile());
		this.sender = senders.orderedStream().findFirst().orElse(fallback);
	}

	/**
	 * The sender in use: the application's {@link MessageSender} bean, or the default
	 * one.
	 * @return the sender
	 */
	MessageSender sender() {
		return this.sender;
	}

	/**
	 * One dispatcher run: starts the scheduled campaigns whose time has come, sends up to
	 * {@code batch-size} due messages, and closes the campaigns with nothing queued left.
	 * @return what the run did
	 */
	Run run() {
		this.campaigns.startDue(Instant.now());
		Run run = dispatch(this.sender, Instant.now(), this.properties.batchSize());
		this.campaigns.finishSent();
		return run;
	}

	/**
	 * Sends up to {@code limit} messages due at {@code now}, each in its own transaction.
	 * @param sender the sender to use
	 * @param now the time that decides which messages are due
	 * @param limit the most messages to take
	 * @return what was done
	 */
	Run dispatch(MessageSender sender, Instant now, int limit) {
		int sent = 0;
		int failed = 0;
		int retrying = 0;
		int skipped = 0;
		for (int i = 0; i < limit; i++) {
			Outcome outcome = this.transactions.execute((status) -> sendOne(sender, now));
			if (outcome == null || outcome == Outcome.NONE) {
				break;
			}
			switch (outcome) {
				case SENT -> sent++;
				case FAILED -> failed++;
				case RETRY -> retrying++;
				default -> skipped++;
			}
		}
		if (sent + failed + retrying + skipped > 0) {
			log.info("Outbox: {} sent, {} to retry, {} failed, {} opted out or capped", sent, retrying, failed,
					skipped);
		}
		return new Run(sent, retrying, failed, skipped);
	}

	private Outcome sendOne(MessageSender sender, Instant now) {
		Optional<Map<String, Object>> claimed = this.jdbc.sql("""
				SELECT id, customer_id, channel, address, subject, body, attempts, origin FROM outreach_message
				WHERE status = 'QUEUED' AND next_attempt_at <= :now
				ORDER BY next_attempt_at, id LIMIT 1 FOR UPDATE SKIP LOCKED""")
			.param("now", Timestamp.from(now))
			.query()
			.listOfRows()
			.stream()
			.findFirst();
		if (claimed.isEmpty()) {
			return Outcome.NONE;
		}
		Map<String, Object> row = claimed.get();
		long id = ((Number) row.get("id")).longValue();
		long customerId = ((Number) row.get("customer_id")).longValue();
		String channel = (String) row.get("channel");
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key, CAST(:customer % 2147483647 AS INTEGER))")
			.param("key", CUSTOMER_LOCK)
			.param("customer", customerId)
			.query(Object.class)
			.list();
		boolean optedOut = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM outreach_opt_out WHERE customer_id = :id AND channel = :channel)")
			.param("id", customerId)
			.param("channel", channel)
			.query(Boolean.class)
			.single();
		if (optedOut) {
			finish(id, Outbox.Status.OPTED_OUT, null);
			return Outcome.SKIPPED;
		}
		OutreachSettings.Values values = this.settings.current();
		Instant since = Instant.now().minus(Duration.ofDays(values.capDays()));
		if (this.outbox.recentMessages(customerId, since, true, id) >= values.capMessages()) {
			finish(id, Outbox.Status.CAPPED, null);
			return Outcome.SKIPPED;
		}
		int attempt = ((Number) row.get("attempts")).intValue() + 1;
		OutboundMessage message = new OutboundMessage(id, channel, (String) row.get("address"),
				(String) row.get("subject"), (String) row.get("body"), customerId, (String) row.get("origin"), attempt);
		try {
			sender.send(message);
		}
		catch (Exception ex) {
			String error = error(ex);
			if (attempt >= this.properties.maxAttempts()) {
				this.jdbc.sql("""
						UPDATE outreach_message SET status = 'FAILED', attempts = :attempts, last_error = :error,
						       next_attempt_at = NULL WHERE id = :id""")
					.param("attempts", attempt)
					.param("error", error)
					.param("id", id)
					.update();
				log.warn("Outbox message #{} failed after {} attempts: {}", id, attempt, error);
				return Outcome.FAILED;
			}
			Duration wait = this.properties.retryBackoff().multipliedBy(1L << Math.min(20, attempt - 1));
			this.jdbc.sql("""
					UPDATE outreach_message SET attempts = :attempts, last_error = :error, next_attempt_at = :next
					WHERE id = :id""")
				.param("attempts", attempt)
				.param("error", error)
				.param("next", Timestamp.from(now.plus(wait)))
				.param("id", id)
				.update();
			return Outcome.RETRY;
		}
		this.jdbc.sql("""
				UPDATE outreach_message SET status = 'SENT', attempts = :attempts, sent_at = now(),
				       next_attempt_at = NULL WHERE id = :id""").param("attempts", attempt).param("id", id).update();
		return Outcome.SENT;
	}

	private void finish(long id, Outbox.Status status, String error) {
		this.jdbc.sql("""
				UPDATE outreach_message SET status = :status, last_error = :error, next_attempt_at = NULL
				WHERE id = :id""").param("status", status.name()).param("error", error).param("id", id).update();
	}

	private static String error(Exception ex) {
		String text = ex.getClass().getSimpleName() + ((ex.getMessage() != null) ? ": " + ex.getMessage() : "");
		return (text.length() > 500) ? text.substring(0, 500) : text;
	}

	/**
	 * What a run did.
	 *
	 * @param sent messages sent
	 * @param retrying messages whose attempt failed and that wait for the next
	 * @param failed messages given up
	 * @param skipped messages not sent because of an opt-out or the cap
	 */
	record Run(int sent, int retrying, int failed, int skipped) {
	}

	private enum Outcome {

		NONE, SENT, RETRY, FAILED, SKIPPED

	}

}
