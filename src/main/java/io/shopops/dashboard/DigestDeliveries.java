package io.shopops.dashboard;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The deliveries of the digest and alerts, one row per message and channel, and the
 * claims of the senders.
 * <p>
 * A message is queued under a dedup key (channel, day and kind): queueing it again, from
 * the same instance or from another one that composed the same digest, does nothing. A
 * sender claims due rows with {@code SELECT … FOR UPDATE SKIP LOCKED} and marks them
 * {@code SENDING} for a lease, so that no other sender takes them; a row whose sender
 * died is due again once the lease ends. A failed attempt is tried again after the next
 * of {@link DigestProperties#retryDelays()}; after the last one the row is {@code FAILED}
 * with the last error.
 */
@Service
class DigestDeliveries {

	static final int MAX_ERROR = 500;

	private final JdbcClient jdbc;

	private final DigestProperties properties;

	DigestDeliveries(JdbcClient jdbc, DigestProperties properties) {
		this.jdbc = jdbc;
		this.properties = properties;
	}

	/**
	 * Queues a message unless one with the same dedup key exists.
	 * @return the new row's id, empty when the key was queued before
	 */
	@Transactional
	public Optional<Long> queue(long channelId, DeliveryKind kind, LocalDate day, String dedupKey,
			DigestMessage message, Instant now) {
		return this.jdbc.sql("""
				INSERT INTO digest_delivery (channel_id, dedup_key, kind, day, title, body, status, next_attempt_at,
				                             created_at)
				VALUES (:channel, :key, :kind, :day, :title, :body, 'PENDING', :now, :now)
				ON CONFLICT (dedup_key) DO NOTHING RETURNING id""")
			.param("channel", channelId)
			.param("key", dedupKey)
			.param("kind", kind.name())
			.param("day", day)
			.param("title", cut(message.title(), 200))
			.param("body", message.markdown())
			.param("now", Timestamp.from(now))
			.query(Long.class)
			.optional();
	}

	/**
	 * Whether a message with this dedup key was queued.
	 */
	@Transactional(readOnly = true)
	public boolean exists(String dedupKey) {
		return this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM digest_delivery WHERE dedup_key = :key)")
			.param("key", dedupKey)
			.query(Boolean.class)
			.single();
	}

	/**
	 * Claims up to {@code limit} due rows (or only the row {@code onlyId}) of enabled
	 * channels (test messages of any channel) for a lease, counting the attempt.
	 * @return the claimed rows with their channel
	 */
	@Transactional
	public List<Claim> claim(Instant now, int limit, Long onlyId) {
		Instant leaseEnd = now.plus(this.properties.lease());
		return this.jdbc.sql("""
				WITH due AS (
				  SELECT d.id FROM digest_delivery d JOIN digest_channel c ON c.id = d.channel_id
				  WHERE d.status IN ('PENDING', 'SENDING') AND d.next_attempt_at <= :now
				    AND (c.enabled OR d.kind = 'TEST')
				    AND (CAST(:only AS BIGINT) IS NULL OR d.id = CAST(:only AS BIGINT))
				  ORDER BY d.next_attempt_at, d.id LIMIT :limit
				  FOR UPDATE OF d SKIP LOCKED)
				UPDATE digest_delivery d SET status = 'SENDING', attempts = d.attempts + 1, next_attempt_at = :lease
				FROM due, digest_channel c WHERE d.id = due.id AND c.id = d.channel_id
				RETURNING d.id, d.attempts, d.title, d.body, c.id, c.kind, c.target, c.secret, c.language, d.kind""")
			.param("now", Timestamp.from(now))
			.param("lease", Timestamp.from(leaseEnd))
			.param("limit", limit)
			.param("only", onlyId)
			.query((rs, n) -> new Claim(rs.getLong(1), rs.getInt(2),
					new DigestMessage(rs.getString(3), rs.getString(4)), rs.getLong(5),
					DigestChannelKind.valueOf(rs.getString(6)), rs.getString(7), rs.getString(8), rs.getString(9),
					DeliveryKind.valueOf(rs.getString(10))))
			.list();
	}

	/**
	 * Records that a claimed attempt was delivered.
	 * @return whether the claim still held
	 */
	@Transactional
	public boolean sent(Claim claim, Instant now) {
		return this.jdbc.sql("""
				UPDATE digest_delivery SET status = 'SENT', sent_at = :now, next_attempt_at = NULL, last_error = NULL
				WHERE id = :id AND status = 'SENDING' AND attempts = :attempt""")
			.param("now", Timestamp.from(now))
			.param("id", claim.id())
			.param("attempt", claim.attempt())
			.update() == 1;
	}

	/**
	 * Records that a claimed attempt failed: due again after the attempt's retry delay,
	 * or failed for good after the last one.
	 * @return the new status, empty when the claim no longer held
	 */
	@Transactional
	public Optional<DeliveryStatus> failed(Claim claim, String error, Instant now) {
		List<Duration> delays = this.properties.retryDelays();
		// a test message is tried once: the admin waits for its answer
		boolean retry = claim.delivery() != DeliveryKind.TEST && claim.attempt() <= delays.size();
		DeliveryStatus status = retry ? DeliveryStatus.PENDING : DeliveryStatus.FAILED;
		int updated = this.jdbc.sql("""
				UPDATE digest_delivery SET status = :status, next_attempt_at = :next, last_error = :error
				WHERE id = :id AND status = 'SENDING' AND attempts = :attempt""")
			.param("status", status.name())
			.param("next", retry ? Timestamp.from(now.plus(delays.get(claim.attempt() - 1))) : null)
			.param("error", cut((error == null || error.isBlank()) ? "error" : error, MAX_ERROR))
			.param("id", claim.id())
			.param("attempt", claim.attempt())
			.update();
		return (updated == 1) ? Optional.of(status) : Optional.empty();
	}

	/**
	 * Makes a failed delivery due again now, with a new series of attempts.
	 * @return whether it was failed
	 */
	@Transactional
	public boolean retry(long id, Instant now) {
		return this.jdbc.sql("""
				UPDATE digest_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = :now
				WHERE id = :id AND status = 'FAILED'""")
			.param("now", Timestamp.from(now))
			.param("id", id)
			.update() == 1;
	}

	/**
	 * Gives up the deliveries still waiting for a channel that was disabled.
	 */
	@Transactional
	public int abandon(long channelId) {
		return this.jdbc.sql("""
				UPDATE digest_delivery SET status = 'FAILED', next_attempt_at = NULL,
				  last_error = COALESCE(last_error || ' / ', '') || 'channel disabled'
				WHERE channel_id = :id AND status IN ('PENDING', 'SENDING')""").param("id", channelId).update();
	}

	/**
	 * The newest deliveries first.
	 */
	@Transactional(readOnly = true)
	public Page<DeliveryRow> page(int page, int size, DeliveryStatus status) {
		String where = (status != null) ? " WHERE d.status = :status" : "";
		long total = this.jdbc.sql("SELECT count(*) FROM digest_delivery d" + where)
			.params((status != null) ? java.util.Map.of("status", status.name()) : java.util.Map.of())
			.query(Long.class)
			.single();
		JdbcClient.StatementSpec spec = this.jdbc.sql("""
				SELECT d.id, c.name, c.kind, d.kind, d.day, d.title, d.status, d.attempts, d.next_attempt_at,
				       d.last_error, d.created_at, d.sent_at
				FROM digest_delivery d JOIN digest_channel c ON c.id = d.channel_id""" + where + """

				ORDER BY d.created_at DESC, d.id DESC LIMIT :limit OFFSET :offset""")
			.param("limit", size)
			.param("offset", (long) page * size);
		if (status != null) {
			spec = spec.param("status", status.name());
		}
		List<DeliveryRow> rows = spec
			.query((rs, n) -> new DeliveryRow(rs.getLong(1), rs.getString(2),
					DigestChannelKind.valueOf(rs.getString(3)), DeliveryKind.valueOf(rs.getString(4)),
					rs.getObject(5, LocalDate.class), rs.getString(6), DeliveryStatus.valueOf(rs.getString(7)),
					rs.getInt(8), instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)),
					instant(rs.getTimestamp(12))))
			.list();
		return new PageImpl<>(rows, PageRequest.of(page, size), total);
	}

	/**
	 * One delivery's status, attempts and last error.
	 */
	@Transactional(readOnly = true)
	public Optional<DeliveryRow> find(long id) {
		return this.jdbc.sql("""
				SELECT d.id, c.name, c.kind, d.kind, d.day, d.title, d.status, d.attempts, d.next_attempt_at,
				       d.last_error, d.created_at, d.sent_at
				FROM digest_delivery d JOIN digest_channel c ON c.id = d.channel_id WHERE d.id = :id""")
			.param("id", id)
			.query((rs, n) -> new DeliveryRow(rs.getLong(1), rs.getString(2),
					DigestChannelKind.valueOf(rs.getString(3)), DeliveryKind.valueOf(rs.getString(4)),
					rs.getObject(5, LocalDate.class), rs.getString(6), DeliveryStatus.valueOf(rs.getString(7)),
					rs.getInt(8), instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11)),
					instant(rs.getTimestamp(12))))
			.optional();
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	static String cut(String text, int max) {
		return (text.length() <= max) ? text : text.substring(0, max - 1) + "…";
	}

	/** What a delivery carries. */
	enum DeliveryKind {

		DIGEST, ALERT, TEST

	}

	/** Where a delivery stands. */
	enum DeliveryStatus {

		PENDING, SENDING, SENT, FAILED

	}

	/**
	 * A claimed attempt of a delivery, with what is needed to send it.
	 *
	 * @param id the delivery
	 * @param attempt the number of this attempt, from 1
	 * @param message the message
	 * @param channelId the channel
	 * @param kind the channel's kind
	 * @param target the channel's URL or addresses
	 * @param secret the channel's signing secret, may be {@code null}
	 * @param language the channel's language
	 * @param delivery what the delivery carries
	 */
	record Claim(long id, int attempt, DigestMessage message, long channelId, DigestChannelKind kind, String target,
			String secret, String language, DeliveryKind delivery) {

		@Override
		public String toString() {
			// never the secret or the URL's token in a log
			return "Claim[id=" + this.id + ", attempt=" + this.attempt + ", kind=" + this.kind + "]";
		}

	}

	/**
	 * A delivery on the page.
	 *
	 * @param id the delivery
	 * @param channelName its channel's name
	 * @param channelKind its channel's kind
	 * @param kind digest, alert or test
	 * @param day the day it is about
	 * @param title the message's title
	 * @param status where it stands
	 * @param attempts attempts made
	 * @param nextAttemptAt when it is tried next, {@code null} when done
	 * @param lastError the last attempt's error, {@code null} if none
	 * @param createdAt when it was queued
	 * @param sentAt when it was delivered
	 */
	record DeliveryRow(long id, String channelName, DigestChannelKind channelKind, DeliveryKind kind, LocalDate day,
			String title, DeliveryStatus status, int attempts, Instant nextAttemptAt, String lastError,
			Instant createdAt, Instant sentAt) {

		public boolean failed() {
			return this.status == DeliveryStatus.FAILED;
		}

	}

}
