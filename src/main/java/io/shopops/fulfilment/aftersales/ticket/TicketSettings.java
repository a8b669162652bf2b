package io.shopops.fulfilment.aftersales.ticket;

import io.shopops.platform.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reads and changes the ticket SLAs (one row).
 */
@Service
class TicketSettings {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	TicketSettings(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * The SLA hours in force.
	 */
	@Transactional(readOnly = true)
	Rules current() {
		return this.jdbc.sql("SELECT first_response_sla_hours, resolution_sla_hours, version FROM ticket_setting")
			.query((rs, row) -> new Rules(rs.getInt(1), rs.getInt(2), rs.getLong(3)))
			.single();
	}

	/**
	 * Saves new SLA hours, audited.
	 * @throws OptimisticLockingFailureException if someone saved since the form was read
	 */
	@Transactional
	void change(int firstResponseHours, int resolutionHours, long version) {
		Rules before = current();
		int updated = this.jdbc.sql("""
				UPDATE ticket_setting SET first_response_sla_hours = :first, resolution_sla_hours = :resolution,
				    version = version + 1, updated_at = now()
				WHERE id = 1 AND version = :version""")
			.param("first", firstResponseHours)
			.param("resolution", resolutionHours)
			.param("version", version)
			.update();
		if (updated == 0) {
			throw new OptimisticLockingFailureException("The ticket settings changed since they were read");
		}
		this.auditLog.record("TICKET_SETTINGS_CHANGED", "ticketsettings", null,
				"firstResponseHours " + before.firstResponseHours() + "→" + firstResponseHours + ", resolutionHours "
						+ before.resolutionHours() + "→" + resolutionHours);
	}

	/**
	 * @param firstResponseHours hours from opening to the first reply
	 * @param resolutionHours hours from opening (or reopening) to the resolution
	 * @param version the row's version, for the settings form
	 */
	record Rules(int firstResponseHours, int resolutionHours, long version) {
	}

}
