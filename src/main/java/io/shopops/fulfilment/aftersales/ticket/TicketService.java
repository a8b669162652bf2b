package io.shopops.fulfilment.aftersales.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.AuditLog;
import io.shopops.platform.UserDirectory;
import io.shopops.platform.UserDirectory.DirectoryUser;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens tickets, for the ticket pages and for other parts of the shop, and changes them:
 * replies, internal notes, assignment, status and priority, each audited and (but the
 * priority) written to the ticket's log.
 */
@Service
class TicketService implements Tickets {

	static final Set<String> SOURCES = Set.of("manual", "review", "after_sales");

	static final int SUBJECT_LENGTH = 200;

	static final int REFERENCE_LENGTH = 64;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Orders orders;

	private final TicketSettings settings;

	private final UserDirectory users;

	TicketService(JdbcClient jdbc, AuditLog auditLog, Orders orders, TicketSettings settings, UserDirectory users) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.orders = orders;
		this.settings = settings;
		this.users = users;
	}

	@Override
	@Transactional
	public long open(TicketDraft draft) {
		if (draft == null) {
			throw new IllegalArgumentException("A ticket draft is required");
		}
		String subject = (draft.subject() != null) ? draft.subject().strip() : "";
		if (subject.isEmpty()) {
			throw new IllegalArgumentException("The subject is blank");
		}
		if (subject.length() > SUBJECT_LENGTH) {
			throw new IllegalArgumentException("The subject is longer than " + SUBJECT_LENGTH + " characters");
		}
		if (draft.priority() == null) {
			throw new IllegalArgumentException("The priority is missing");
		}
		if (draft.source() == null || !SOURCES.contains(draft.source())) {
			throw new IllegalArgumentException("Unknown source " + draft.source());
		}
		String reference = blankToNull(draft.sourceReference());
		if (reference != null && reference.length() > REFERENCE_LENGTH) {
			throw new IllegalArgumentException("The reference is longer than " + REFERENCE_LENGTH + " characters");
		}
		if (draft.orderId() != null && this.orders.find(draft.orderId()).isEmpty()) {
			throw new IllegalArgumentException("No order " + draft.orderId());
		}
		Instant now = Instant.now();
		TicketSettings.Rules rules = this.settings.current();
		TicketSla sla = TicketSla.from(now, rules.firstResponseHours(), rules.resolutionHours());
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<Long> inserted = this.jdbc.sql("""
					INSERT INTO ticket (subject, body, priority, order_id, customer_name, customer_contact, source,
					    source_reference, opened_by, opened_at, first_response_due_at, resolution_due_at)
					VALUES (:subject, :body, :priority, :order, :customerName, :customerContact, :source,
					    :reference, :openedBy, :now, :firstDue, :resolutionDue)
					ON CONFLICT (source, source_reference) WHERE source_reference IS NOT NULL AND status <> 'closed'
					DO NOTHING
					RETURNING id""")
				.param("subject", subject)
				.param("body", blankToNull(draft.body()))
				.param("priority", draft.priority().name())
				.param("order", draft.orderId())
				.param("customerName", blankToNull(draft.customerName()))
				.param("customerContact", blankToNull(draft.customerContact()))
				.param("source", draft.source())
				.param("reference", reference)
				.param("openedBy", currentUser())
				.param("now", now.atOffset(ZoneOffset.UTC))
				.param("firstDue", sla.firstResponseDue().atOffset(ZoneOffset.UTC))
				.param("resolutionDue", sla.resolutionDue().atOffset(ZoneOffset.UTC))
				.query(Long.class)
				.optional();
			if (inserted.isPresent()) {
				long id = inserted.get();
				this.auditLog.record("TICKET_OPENED", "ticket", Long.toString(id), "source=" + draft.source()
						+ ((reference != null) ? " reference=" + reference : "") + " priority=" + draft.priority()
						+ ((draft.orderId() != null) ? " order=" + draft.orderId() : "") + " subject=" + subject);
				return id;
			}
			Optional<Long> existing = this.jdbc
				.sql("SELECT id FROM ticket WHERE source = :source AND source_reference = :reference "
						+ "AND status <> 'closed'")
				.param("source", draft.source())
				.param("reference", reference)
				.query(Long.class)
				.optional();
			if (existing.isPresent()) {
				return existing.get();
			}
			// the existing ticket was closed in between: try again
		}
		throw new IllegalStateException("Could not open a ticket for " + draft.source() + " " + reference);
	}

	/**
	 * Sends a reply to the customer; the first one stops the first-response clock.
	 */
	@Transactional
	void reply(long id, String text) {
		Locked ticket = lockEditable(id);
		Instant now = Instant.now();
		addEntry(id, "reply", text, now);
		this.jdbc.sql("""
				UPDATE ticket SET first_response_at = COALESCE(first_response_at, :now), version = version + 1,
				    updated_at = now()
				WHERE id = :id""").param("now", now.atOffset(ZoneOffset.UTC)).param("id", id).update();
		this.auditLog.record("TICKET_REPLIED", "ticket", Long.toString(id),
				(ticket.firstResponseAt() ? "" : "first reply, ") + abbreviate(text));
	}

	/**
	 * Adds a note only the shop sees.
	 */
	@Transactional
	void note(long id, String text) {
		lockEditable(id);
		addEntry(id, "internal_note", text, Instant.now());
		touch(id);
		this.auditLog.record("TICKET_NOTE_ADDED", "ticket", Long.toString(id), abbreviate(text));
	}

	/**
	 * Assigns the ticket to an enabled user, or to nobody.
	 * @param username the user, {@code null} or blank for nobody
	 */
	@Transactional
	void assign(long id, String username) {
		Locked ticket = lockEditable(id);
		String assignee = null;
		if (username != null && !username.isBlank()) {
			assignee = this.users.findEnabled(username)
				.map(DirectoryUser::username)
				.orElseThrow(() -> new TicketActionException("tickets.assign.unknown"));
		}
		if (Objects.equals(ticket.assignee(), assignee)) {
			return;
		}
		this.jdbc
			.sql("UPDATE ticket SET assignee = :assignee, version = version + 1, updated_at = now() WHERE id = :id")
			.param("assignee", assignee)
			.param("id", id)
			.update();
		String text = (ticket.assignee() != null ? ticket.assignee() : "–") + " → "
				+ (assignee != null ? assignee : "–");
		addEntry(id, "assignment", text, Instant.now());
		this.auditLog.record("TICKET_ASSIGNED", "ticket", Long.toString(id), text);
	}

	/**
	 * Moves the ticket to another status, as {@link TicketStatus#next()} allows.
	 * Resolving stops the resolution clock, reopening restarts it from now, closing is
	 * final.
	 */
	@Transactional
	void changeStatus(long id, TicketStatus target) {
		Locked ticket = lock(id);
		if (!ticket.status().canMoveTo(target)) {
			throw new TicketActionException("tickets.status.illegal");
		}
		Instant now = Instant.now();
		String extra = switch (target) {
			case RESOLVED -> ", resolved_at = :now";
			case CLOSED -> ", closed_at = :now";
			case OPEN -> (ticket.status() == TicketStatus.RESOLVED)
					? ", resolved_at = NULL, resolution_due_at = :reopenDue" : "";
			case PENDING_CUSTOMER -> "";
		};
		var update = this.jdbc
			.sql("UPDATE ticket SET status = :status" + extra
					+ ", version = version + 1, updated_at = now() WHERE id = :id")
			.param("status", target.code())
			.param("id", id);
		if (extra.contains(":now")) {
			update = update.param("now", now.atOffset(ZoneOffset.UTC));
		}
		if (extra.contains(":reopenDue")) {
			TicketSettings.Rules rules = this.settings.current();
			update = update.param("reopenDue",
					TicketSla.from(now, rules.firstResponseHours(), rules.resolutionHours())
						.resolutionDue()
						.atOffset(ZoneOffset.UTC));
		}
		update.update();
		String text = ticket.status().code() + " → " + target.code();
		addEntry(id, "status_change", text, now);
		this.auditLog.record("TICKET_STATUS_CHANGED", "ticket", Long.toString(id), text);
	}

	@Transactional
	void changePriority(long id, TicketPriority priority) {
		Locked ticket = lockEditable(id);
		if (ticket.priority() == priority) {
			return;
		}
		this.jdbc
			.sql("UPDATE ticket SET priority = :priority, version = version + 1, updated_at = now() WHERE id = :id")
			.param("priority", priority.name())
			.param("id", id)
			.update();
		this.auditLog.record("TICKET_PRIORITY_CHANGED", "ticket", Long.toString(id),
				ticket.priority() + " → " + priority);
	}

	private Locked lockEditable(long id) {
		Locked ticket = lock(id);
		if (!ticket.status().editable()) {
			throw new TicketActionException("tickets.closed.readOnly");
		}
		return ticket;
	}

	private Locked lock(long id) {
		return this.jdbc.sql(
				"SELECT status, priority, assignee, first_response_at IS NOT NULL FROM ticket WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, n) -> new Locked(TicketStatus.fromCode(rs.getString(1)).orElseThrow(),
					TicketPriority.valueOf(rs.getString(2)), rs.getString(3), rs.getBoolean(4)))
			.optional()
			.orElseThrow(() -> new TicketNotFoundException("ticket " + id));
	}

	private void addEntry(long id, String kind, String text, Instant at) {
		this.jdbc.sql(
				"INSERT INTO ticket_entry (ticket_id, kind, author, body, at) VALUES (:id, :kind, :author, :body, :at)")
			.param("id", id)
			.param("kind", kind)
			.param("author", currentUser())
			.param("body", text)
			.param("at", at.atOffset(ZoneOffset.UTC))
			.update();
	}

	private void touch(long id) {
		this.jdbc.sql("UPDATE ticket SET version = version + 1, updated_at = now() WHERE id = :id")
			.param("id", id)
			.update();
	}

	private static String abbreviate(String text) {
		String flat = text.replaceAll("\\s+", " ");
		return (flat.length() > 120) ? flat.substring(0, 119) + "…" : flat;
	}

	private record Locked(TicketStatus status, TicketPriority priority, String assignee, boolean firstResponseAt) {
	}

	static String currentUser() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (authentication == null || authentication instanceof AnonymousAuthenticationToken) {
			return "system";
		}
		return authentication.getName();
	}

	static String blankToNull(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		return value.strip();
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<Long> find(String source, String reference) {
		return this.jdbc
			.sql("SELECT id FROM ticket WHERE source = :source AND source_reference = :reference "
					+ "ORDER BY id DESC LIMIT 1")
			.param("source", source)
			.param("reference", reference)
			.query(Long.class)
			.optional();
	}

}
