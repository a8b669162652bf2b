package io.shopops.fulfilment.aftersales.ticket;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads tickets for the queue, the ticket page, the order page and the home cards.
 */
@Service
@Transactional(readOnly = true)
class TicketQueries {

	static final int PAGE_SIZE = 25;

	static final Duration DUE_SOON = Duration.ofHours(1);

	private static final String SELECT = """
			SELECT t.id, t.subject, t.priority, t.status, t.assignee, u.display_name AS assignee_name, t.order_id,
			    o.number AS order_number, t.customer_name, t.opened_at, t.first_response_at,
			    t.first_response_due_at, t.resolution_due_at, t.version
			FROM ticket t
			LEFT JOIN user_account u ON lower(u.username) = lower(t.assignee)
			LEFT JOIN shop_order o ON o.id = t.order_id
			""";

	/** The queue's columns and what only the ticket page shows. */
	private static final String SELECT_DETAIL = SELECT.replace("t.version\n",
			"t.version, t.body, t.customer_contact, t.source, t.source_reference, t.opened_by, t.resolved_at, "
					+ "t.closed_at\n");

	private static final String BREACHED = "(t.status IN ('open', 'pending_customer') AND ((t.first_response_at IS NULL "
			+ "AND t.first_response_due_at < :now) OR t.resolution_due_at < :now))";

	private final JdbcClient jdbc;

	TicketQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A page of the queue: urgent first, then the earliest due.
	 */
	Page queue(TicketFilter filter, String currentUser) {
		Instant now = Instant.now();
		List<String> where = new ArrayList<>();
		if (TicketFilter.ACTIVE.equals(filter.status())) {
			where.add("t.status IN ('open', 'pending_customer')");
		}
		else if (!TicketFilter.ALL.equals(filter.status())) {
			where.add("t.status = :status");
		}
		if (filter.priority() != null) {
			where.add("t.priority = :priority");
		}
		if ("unassigned".equals(filter.assignee())) {
			where.add("t.assignee IS NULL");
		}
		else if (filter.assignee() != null) {
			where.add("lower(t.assignee) = lower(:assignee)");
		}
		if (filter.breached()) {
			where.add(BREACHED);
		}
		if (filter.orderId() != null) {
			where.add("t.order_id = :order");
		}
		String sql = SELECT + (where.isEmpty() ? "" : "WHERE " + String.join(" AND ", where)) + """

				ORDER BY CASE t.priority WHEN 'URGENT' THEN 0 WHEN 'HIGH' THEN 1 WHEN 'NORMAL' THEN 2 ELSE 3 END,
				    CASE WHEN t.status IN ('open', 'pending_customer') THEN 0 ELSE 1 END,
				    CASE WHEN t.first_response_at IS NULL THEN LEAST(t.first_response_due_at, t.resolution_due_at)
				        ELSE t.resolution_due_at END,
				    t.id
				LIMIT :limit OFFSET :offset""";
		var statement = this.jdbc.sql(sql)
			.param("now", now.atOffset(ZoneOffset.UTC))
			.param("limit", PAGE_SIZE + 1)
			.param("offset", (long) filter.page() * PAGE_SIZE);
		if (sql.contains(":status")) {
			statement = statement.param("status", filter.status());
		}
		if (filter.priority() != null) {
			statement = statement.param("priority", filter.priority().name());
		}
		if (sql.contains(":assignee")) {
			statement = statement.param("assignee", "mine".equals(filter.assignee()) ? currentUser : filter.assignee());
		}
		if (filter.orderId() != null) {
			statement = statement.param("order", filter.orderId());
		}
		List<TicketRow> rows = statement.query((rs, n) -> row(rs, now)).list();
		boolean more = rows.size() > PAGE_SIZE;
		return new Page(more ? rows.subList(0, PAGE_SIZE) : rows, filter.page() > 0, more);
	}

	Optional<TicketView> find(long id) {
		Instant now = Instant.now();
		return this.jdbc.sql(SELECT_DETAIL + "WHERE t.id = :id").param("id", id).query((rs, n) -> {
			TicketRow row = row(rs, now);
			Instant resolvedAt = instant(rs, "resolved_at");
			return new TicketView(row, rs.getString("body"), rs.getString("customer_contact"), rs.getString("source"),
					rs.getString("source_reference"), rs.getString("opened_by"), resolvedAt, instant(rs, "closed_at"),
					row.sla().firstResponseBreached(row.firstResponseAt(), now),
					row.sla().resolutionBreached(row.status(), resolvedAt, now), entries(id));
		}).optional();
	}

	/**
	 * The tickets of an order, newest first, for the order page.
	 */
	List<TicketRow> ofOrder(long orderId) {
		Instant now = Instant.now();
		return this.jdbc.sql(SELECT + "WHERE t.order_id = :order ORDER BY t.opened_at DESC, t.id DESC LIMIT 20")
			.param("order", orderId)
			.query((rs, n) -> row(rs, now))
			.list();
	}

	long countActive() {
		return this.jdbc.sql("SELECT count(*) FROM ticket WHERE status IN ('open', 'pending_customer')")
			.query(Long.class)
			.single();
	}

	long countBreached() {
		return this.jdbc.sql("SELECT count(*) FROM ticket t WHERE " + BREACHED)
			.param("now", Instant.now().atOffset(ZoneOffset.UTC))
			.query(Long.class)
			.single();
	}

	private List<TicketView.Entry> entries(long id) {
		return this.jdbc.sql("SELECT kind, author, body, at FROM ticket_entry WHERE ticket_id = :id ORDER BY at, id")
			.param("id", id)
			.query((rs, n) -> new TicketView.Entry(rs.getString("kind"), rs.getString("author"), rs.getString("body"),
					instant(rs, "at")))
			.list();
	}

	private static TicketRow row(ResultSet rs, Instant now) throws SQLException {
		TicketStatus status = TicketStatus.fromCode(rs.getString("status")).orElseThrow();
		Instant firstResponseAt = instant(rs, "first_response_at");
		TicketSla sla = new TicketSla(instant(rs, "first_response_due_at"), instant(rs, "resolution_due_at"));
		Long order = rs.getObject("order_id", Long.class);
		return new TicketRow(rs.getLong("id"), rs.getString("subject"),
				TicketPriority.valueOf(rs.getString("priority")), status, rs.getString("assignee"),
				rs.getString("assignee_name"), order, rs.getString("order_number"), rs.getString("customer_name"),
				instant(rs, "opened_at"), firstResponseAt, sla, sla.breachedNow(status, firstResponseAt, now),
				sla.dueSoon(status, firstResponseAt, now, DUE_SOON), rs.getLong("version"));
	}

	private static Instant instant(ResultSet rs, String column) throws SQLException {
		Timestamp timestamp = rs.getTimestamp(column);
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * A page of the queue.
	 */
	record Page(List<TicketRow> rows, boolean hasPrevious, boolean hasNext) {
	}

}
