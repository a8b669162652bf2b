package io.shopops.fulfilment.aftersales;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The after-sales settings a manager keeps at {@code /after-sales/settings}: the SLA, the
 * refund threshold and the reasons.
 */
@Component
class AfterSalesSettings {

	static final int MAX_REASONS = 30;

	static final int MAX_REASON_LENGTH = 64;

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	AfterSalesSettings(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Transactional(readOnly = true)
	Values current() {
		return this.jdbc
			.sql("SELECT sla_hours, refund_threshold, reasons, version FROM after_sales_setting WHERE id = 1")
			.query((rs, n) -> new Values(rs.getInt(1), rs.getBigDecimal(2), reasons(rs.getString(3)), rs.getLong(4)))
			.single();
	}

	@Transactional
	void update(int slaHours, BigDecimal threshold, List<String> reasons) {
		Values before = current();
		this.jdbc.sql("""
				UPDATE after_sales_setting SET sla_hours = :sla, refund_threshold = :threshold, reasons = :reasons,
				  version = version + 1, updated_at = :now WHERE id = 1""")
			.param("sla", slaHours)
			.param("threshold", threshold)
			.param("reasons", String.join("\n", reasons))
			.param("now", java.sql.Timestamp.from(Instant.now()))
			.update();
		this.auditLog.record("AFTER_SALES_SETTINGS_CHANGED", "aftersalessettings", "1",
				"SLA " + before.slaHours() + "h → " + slaHours + "h, threshold "
						+ before.refundThreshold().toPlainString() + " → " + threshold.toPlainString() + ", reasons "
						+ String.join(",", reasons));
	}

	static List<String> reasons(String text) {
		return Arrays.stream(text.split("\n")).map(String::strip).filter((s) -> !s.isEmpty()).distinct().toList();
	}

	/**
	 * The settings.
	 *
	 * @param slaHours how long a request may wait in an open status
	 * @param refundThreshold refunds above it need a manager
	 * @param reasons the reason codes, in the order they are offered
	 * @param version the row's version
	 */
	record Values(int slaHours, BigDecimal refundThreshold, List<String> reasons, long version) {
	}

}
