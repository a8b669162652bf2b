package io.shopops.fulfilment.aftersales.ticket;

import java.util.List;
import java.util.Optional;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The canned replies managers keep and operators pick from, each change audited.
 */
@Service
class CannedReplies {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	CannedReplies(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	List<CannedReply> list() {
		return this.jdbc.sql("SELECT id, title, body FROM ticket_canned_reply ORDER BY title, id")
			.query(CannedReply.class)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<CannedReply> find(long id) {
		return this.jdbc.sql("SELECT id, title, body FROM ticket_canned_reply WHERE id = :id")
			.param("id", id)
			.query(CannedReply.class)
			.optional();
	}

	/**
	 * @throws DuplicateKeyException if the title is taken
	 */
	@Transactional
	long create(String title, String body) {
		long id = this.jdbc.sql("INSERT INTO ticket_canned_reply (title, body) VALUES (:title, :body) RETURNING id")
			.param("title", title)
			.param("body", body)
			.query(Long.class)
			.single();
		this.auditLog.record("TICKET_CANNED_REPLY_CREATED", "ticketcannedreply", Long.toString(id), title);
		return id;
	}

	/**
	 * @throws DuplicateKeyException if the title is taken
	 */
	@Transactional
	void update(long id, String title, String body) {
		CannedReply before = find(id).orElseThrow(() -> new TicketNotFoundException("canned reply " + id));
		this.jdbc.sql("UPDATE ticket_canned_reply SET title = :title, body = :body, updated_at = now() WHERE id = :id")
			.param("title", title)
			.param("body", body)
			.param("id", id)
			.update();
		this.auditLog.record("TICKET_CANNED_REPLY_UPDATED", "ticketcannedreply", Long.toString(id),
				before.title().equals(title) ? title : before.title() + " → " + title);
	}

	@Transactional
	void delete(long id) {
		CannedReply before = find(id).orElseThrow(() -> new TicketNotFoundException("canned reply " + id));
		this.jdbc.sql("DELETE FROM ticket_canned_reply WHERE id = :id").param("id", id).update();
		this.auditLog.record("TICKET_CANNED_REPLY_DELETED", "ticketcannedreply", Long.toString(id), before.title());
	}

	/**
	 * A canned reply.
	 */
	record CannedReply(long id, String title, String body) {
	}

}
