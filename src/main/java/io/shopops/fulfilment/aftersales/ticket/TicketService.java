package io.shopops.fulfilment.aftersales.ticket;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Set;

import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Opens tickets, for the ticket pages and for other parts of the shop.
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

	TicketService(JdbcClient jdbc, AuditLog auditLog, Orders orders, TicketSettings settings) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.orders = orders;
		this.settings = settings;
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

}
