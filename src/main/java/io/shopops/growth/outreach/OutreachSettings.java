package io.shopops.growth.outreach;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The frequency cap and the attribution window, one row changed by managers.
 */
@Service
class OutreachSettings {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	OutreachSettings(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	Values current() {
		return this.jdbc.sql("SELECT cap_messages, cap_days, attribution_days FROM outreach_setting WHERE id = 1")
			.query((rs, n) -> new Values(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
	}

	/**
	 * Saves the settings.
	 * @param values the new values
	 * @return whether anything changed
	 * @throws OutreachException when a value is out of range
	 */
	@Transactional
	boolean save(Values values) {
		if (values.capMessages() < 1 || values.capMessages() > 100) {
			throw new OutreachException("capMessages", "outreach.settings.capMessages.range");
		}
		if (values.capDays() < 1 || values.capDays() > 365) {
			throw new OutreachException("capDays", "outreach.settings.capDays.range");
		}
		if (values.attributionDays() < 1 || values.attributionDays() > 90) {
			throw new OutreachException("attributionDays", "outreach.settings.attributionDays.range");
		}
		Values before = this.jdbc
			.sql("SELECT cap_messages, cap_days, attribution_days FROM outreach_setting WHERE id = 1 FOR UPDATE")
			.query((rs, n) -> new Values(rs.getInt(1), rs.getInt(2), rs.getInt(3)))
			.single();
		if (before.equals(values)) {
			return false;
		}
		this.jdbc.sql("""
				UPDATE outreach_setting SET cap_messages = :cap, cap_days = :days, attribution_days = :attribution,
				       updated_at = now() WHERE id = 1""")
			.param("cap", values.capMessages())
			.param("days", values.capDays())
			.param("attribution", values.attributionDays())
			.update();
		this.auditLog.record("OUTREACH_SETTINGS_CHANGED", "outreachsetting", "1",
				before.describe() + " → " + values.describe());
		return true;
	}

	/**
	 * The settings.
	 *
	 * @param capMessages at most this many marketing messages per customer…
	 * @param capDays …within this many days
	 * @param attributionDays orders placed within this many days of a send count for it
	 */
	record Values(int capMessages, int capDays, int attributionDays) {

		String describe() {
			return "cap=" + this.capMessages + "/" + this.capDays + "d attribution=" + this.attributionDays + "d";
		}

	}

}
