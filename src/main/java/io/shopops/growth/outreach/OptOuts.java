package io.shopops.growth.outreach;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import io.shopops.growth.crm.CustomerBook;
import io.shopops.growth.crm.CustomerHook;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who does not want messages on which channel: set and cleared by operators on a
 * customer, or for a pasted list of customers, each change audited. Opt-outs and outbox
 * rows move with a customer merged into another.
 */
@Service
class OptOuts implements CustomerHook {

	/** The most lines one pasted list may have. */
	static final int MAX_LIST = 5_000;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final CustomerBook customers;

	OptOuts(JdbcClient jdbc, AuditLog auditLog, CustomerBook customers) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.customers = customers;
	}

	@Transactional(readOnly = true)
	List<OptOut> of(long customerId) {
		return this.jdbc.sql("""
				SELECT channel, reason, created_by, created_at FROM outreach_opt_out WHERE customer_id = :id
				ORDER BY channel""")
			.param("id", customerId)
			.query((rs, n) -> new OptOut(OutreachChannel.of(rs.getString(1)).orElseThrow(), rs.getString(2),
					rs.getString(3), rs.getTimestamp(4).toInstant()))
			.list();
	}

	/**
	 * An active customer's name, for the outreach page.
	 * @param customerId the customer
	 * @return the name ({@code #id} without one), empty for an unknown or merged customer
	 */
	@Transactional(readOnly = true)
	java.util.Optional<String> customerName(long customerId) {
		return this.jdbc.sql("SELECT coalesce(name, '#' || id) FROM customer WHERE id = :id AND merged_into IS NULL")
			.param("id", customerId)
			.query(String.class)
			.optional();
	}

	@Transactional(readOnly = true)
	boolean isOptedOut(long customerId, OutreachChannel channel) {
		return this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM outreach_opt_out WHERE customer_id = :id AND channel = :channel)")
			.param("id", customerId)
			.param("channel", channel.code())
			.query(Boolean.class)
			.single();
	}

	/**
	 * Opts a customer out of a channel.
	 * @param customerId the customer
	 * @param channel the channel
	 * @param reason why, may be empty
	 * @param by who
	 * @return whether it is new
	 */
	@Transactional
	boolean optOut(long customerId, OutreachChannel channel, String reason, String by) {
		requireActive(customerId);
		String why = trim(reason, 200);
		int added = this.jdbc.sql("""
				INSERT INTO outreach_opt_out (customer_id, channel, reason, created_by)
				VALUES (:id, :channel, :reason, :by) ON CONFLICT DO NOTHING""")
			.param("id", customerId)
			.param("channel", channel.code())
			.param("reason", why)
			.param("by", by)
			.update();
		if (added > 0) {
			this.auditLog.record("OUTREACH_OPTED_OUT", "outreachoptout", Long.toString(customerId),
					channel.code() + ((why != null) ? ": " + why : ""));
		}
		return added > 0;
	}

	/**
	 * Clears a customer's opt-out of a channel.
	 * @param customerId the customer
	 * @param channel the channel
	 * @return whether there was one
	 */
	@Transactional
	boolean clear(long customerId, OutreachChannel channel) {
		int removed = this.jdbc.sql("DELETE FROM outreach_opt_out WHERE customer_id = :id AND channel = :channel")
			.param("id", customerId)
			.param("channel", channel.code())
			.update();
		if (removed > 0) {
			this.auditLog.record("OUTREACH_OPT_OUT_CLEARED", "outreachoptout", Long.toString(customerId),
					channel.code());
		}
		return removed > 0;
	}

	/**
	 * Opts out every customer a pasted list names ({@code #id}, phone or e-mail per
	 * line).
	 * @param text the list
	 * @param channel the channel
	 * @param reason why, may be empty
	 * @param by who
	 * @return how many were opted out now, were already, and the lines that named nobody
	 * @throws OutreachException when the list is empty or too long
	 */
	@Transactional
	Imported importList(String text, OutreachChannel channel, String reason, String by) {
		List<String> lines = (text == null) ? List.of()
				: text.lines().map(String::strip).filter((l) -> !l.isEmpty()).distinct().toList();
		if (lines.isEmpty()) {
			throw new OutreachException("list", "outreach.optout.list.empty");
		}
		if (lines.size() > MAX_LIST) {
			throw new OutreachException("list", "outreach.optout.list.size", MAX_LIST);
		}
		String why = trim(reason, 200);
		int added = 0;
		int already = 0;
		List<String> unmatched = new ArrayList<>();
		for (String line : lines) {
			var found = (line.length() <= 254) ? this.customers.find(line) : java.util.Optional.<Long>empty();
			if (found.isEmpty() && line.length() <= 254) {
				// contact kept on the customer without an identity of its own
				found = this.jdbc.sql("""
						SELECT id FROM customer WHERE merged_into IS NULL
						AND (lower(email) = lower(:value) OR phone = :value) ORDER BY id LIMIT 1""")
					.param("value", line)
					.query(Long.class)
					.optional();
			}
			if (found.isEmpty()) {
				unmatched.add(line);
				continue;
			}
			int inserted = this.jdbc.sql("""
					INSERT INTO outreach_opt_out (customer_id, channel, reason, created_by)
					VALUES (:id, :channel, :reason, :by) ON CONFLICT DO NOTHING""")
				.param("id", found.get())
				.param("channel", channel.code())
				.param("reason", why)
				.param("by", by)
				.update();
			if (inserted > 0) {
				added++;
			}
			else {
				already++;
			}
		}
		this.auditLog.record("OUTREACH_OPT_OUTS_IMPORTED", "outreachoptout", null,
				channel.code() + ": " + added + " added, " + already + " already, " + unmatched.size() + " unmatched");
		return new Imported(added, already, unmatched);
	}

	/**
	 * What an imported list did.
	 *
	 * @param added customers opted out now
	 * @param already customers who had opted out before
	 * @param unmatched lines that named no customer
	 */
	record Imported(int added, int already, List<String> unmatched) {
	}

	/**
	 * An opt-out.
	 *
	 * @param channel the channel
	 * @param reason why, may be {@code null}
	 * @param by who set it
	 * @param at when
	 */
	record OptOut(OutreachChannel channel, String reason, String by, Instant at) {
	}

	@Override
	public void merged(long survivorId, long duplicateId) {
		this.jdbc.sql("""
				INSERT INTO outreach_opt_out (customer_id, channel, reason, created_by, created_at)
				SELECT :survivor, channel, reason, created_by, created_at FROM outreach_opt_out
				WHERE customer_id = :duplicate ON CONFLICT DO NOTHING""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
		this.jdbc.sql("DELETE FROM outreach_opt_out WHERE customer_id = :duplicate")
			.param("duplicate", duplicateId)
			.update();
		// one message per customer and campaign: the duplicate's rows of campaigns the
		// survivor also got stay with the duplicate (they are history)
		this.jdbc.sql("""
				UPDATE outreach_message m SET customer_id = :survivor WHERE m.customer_id = :duplicate
				AND (m.campaign_id IS NULL OR NOT EXISTS (SELECT 1 FROM outreach_message s
				     WHERE s.campaign_id = m.campaign_id AND s.customer_id = :survivor))""")
			.param("survivor", survivorId)
			.param("duplicate", duplicateId)
			.update();
	}

	private void requireActive(long customerId) {
		boolean active = this.jdbc.sql("SELECT EXISTS (SELECT 1 FROM customer WHERE id = :id AND merged_into IS NULL)")
			.param("id", customerId)
			.query(Boolean.class)
			.single();
		if (!active) {
			throw new OutreachNotFoundException("customer", customerId);
		}
	}

	static String trim(String value, int max) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String stripped = value.strip();
		return (stripped.length() > max) ? stripped.substring(0, max) : stripped;
	}

}
