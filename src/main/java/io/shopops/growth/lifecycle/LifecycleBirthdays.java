package io.shopops.growth.lifecycle;

import java.time.MonthDay;

import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Customers' birthdays (month and day) for the birthday-month trigger: read by the
 * customer page's birthday card ({@code growth/lifecycle/birthday :: card}) and set or
 * cleared there, audited.
 */
@Component("lifecycleBirthdays")
class LifecycleBirthdays {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	LifecycleBirthdays(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	/**
	 * A customer's birthday, for the card.
	 * @param customerId the customer
	 * @return the birthday, {@code null} month and day when none is known
	 */
	@Transactional(readOnly = true)
	public Birthday of(long customerId) {
		return this.jdbc.sql("SELECT birthday_month, birthday_day FROM customer WHERE id = :id")
			.param("id", customerId)
			.query((rs, n) -> new Birthday(customerId, (Integer) rs.getObject(1), (Integer) rs.getObject(2)))
			.optional()
			.orElse(new Birthday(customerId, null, null));
	}

	/**
	 * Sets or clears a customer's birthday.
	 * @param customerId the customer
	 * @param birthday the birthday, {@code null} to clear it
	 * @return whether there is such a customer
	 */
	@Transactional
	boolean set(long customerId, MonthDay birthday) {
		int changed = this.jdbc.sql("""
				UPDATE customer SET birthday_month = :month, birthday_day = :day, updated_at = now()
				WHERE id = :id AND merged_into IS NULL""")
			.param("month", (birthday != null) ? birthday.getMonthValue() : null)
			.param("day", (birthday != null) ? birthday.getDayOfMonth() : null)
			.param("id", customerId)
			.update();
		if (changed == 0) {
			return false;
		}
		this.auditLog.record("CUSTOMER_BIRTHDAY_CHANGED", "customer", Long.toString(customerId), (birthday != null)
				? String.format("%02d-%02d", birthday.getMonthValue(), birthday.getDayOfMonth()) : "cleared");
		return true;
	}

	/**
	 * Reads a typed birthday.
	 * @param month the month, 1 to 12
	 * @param day the day, valid in the month (29 February allowed)
	 * @return the birthday, {@code null} when it is not valid
	 */
	static MonthDay parse(String month, String day) {
		Integer m = LifecycleRules.number(month, 1, 12);
		Integer d = LifecycleRules.number(day, 1, 31);
		if (m == null || d == null || d > java.time.Month.of(m).maxLength()) {
			return null;
		}
		return MonthDay.of(m, d);
	}

	/**
	 * A customer's birthday.
	 *
	 * @param customerId the customer
	 * @param month the month, {@code null} if unknown
	 * @param day the day, {@code null} if unknown
	 */
	public record Birthday(long customerId, Integer month, Integer day) {

		public boolean known() {
			return this.month != null;
		}

		public String text() {
			return known() ? String.format("%02d-%02d", this.month, this.day) : null;
		}

	}

}
