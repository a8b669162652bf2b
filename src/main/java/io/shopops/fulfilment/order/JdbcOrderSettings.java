package io.shopops.fulfilment.order;

import java.util.List;

import io.shopops.platform.AuditLog;

import org.springframework.orm.ObjectOptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Reads and changes the order rules. Every order placed reads them, so {@link #current()}
 * answers from memory: the row is read once and again after a change has been committed.
 */
@Service
class JdbcOrderSettings implements OrderSettings {

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final Object lock = new Object();

	private OrderRules cached;

	/**
	 * Counts committed changes, so that rules read while a change commits are not kept.
	 */
	private long changes;

	JdbcOrderSettings(JdbcClient jdbc, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
	}

	@Override
	public OrderRules current() {
		long changesBefore;
		synchronized (this.lock) {
			if (this.cached != null) {
				return this.cached;
			}
			changesBefore = this.changes;
		}
		OrderRules rules = load().rules();
		synchronized (this.lock) {
			if (this.changes == changesBefore) {
				this.cached = rules;
			}
		}
		return rules;
	}

	@Transactional(readOnly = true)
	OrderSettingsForm form() {
		Stored stored = load();
		OrderRules rules = stored.rules();
		return new OrderSettingsForm(rules.holdShortOrders(), rules.shipSlaHours(), rules.deliverySlaDays(),
				rules.defaultWarehouse(), stored.version());
	}

	/**
	 * The codes of the active warehouses, which orders may reserve in.
	 */
	@Transactional(readOnly = true)
	List<String> warehouses() {
		return this.jdbc.sql("SELECT code FROM warehouse WHERE active ORDER BY code").query(String.class).list();
	}

	/**
	 * Saves the rules, audited.
	 * @throws ObjectOptimisticLockingFailureException if someone saved since the form was
	 * read
	 */
	@Transactional
	void change(OrderSettingsForm form) {
		Stored before = load();
		if (before.version() != form.getVersion()) {
			throw new ObjectOptimisticLockingFailureException(OrderRules.class, 1);
		}
		OrderRules after = form.rules();
		if (after.equals(before.rules())) {
			return;
		}
		int updated = this.jdbc
			.sql("""
					UPDATE order_setting SET hold_short_orders = :hold, ship_sla_hours = :ship, delivery_sla_days = :delivery,
					  default_warehouse = :warehouse, version = version + 1, updated_at = now()
					WHERE id = 1 AND version = :version""")
			.param("hold", after.holdShortOrders())
			.param("ship", after.shipSlaHours())
			.param("delivery", after.deliverySlaDays())
			.param("warehouse", after.defaultWarehouse())
			.param("version", form.getVersion())
			.update();
		if (updated == 0) {
			throw new ObjectOptimisticLockingFailureException(OrderRules.class, 1);
		}
		this.auditLog.record("ORDER_SETTINGS_CHANGED", "ordersettings", "orders",
				summary(before.rules()) + " -> " + summary(after));
		TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {

			@Override
			public void afterCommit() {
				forget();
			}

		});
	}

	private void forget() {
		synchronized (this.lock) {
			this.changes++;
			this.cached = null;
		}
	}

	private Stored load() {
		return this.jdbc.sql("""
				SELECT hold_short_orders, ship_sla_hours, delivery_sla_days, default_warehouse, version
				FROM order_setting WHERE id = 1""")
			.query((rs, n) -> new Stored(new OrderRules(rs.getBoolean(1), rs.getInt(2), rs.getInt(3), rs.getString(4)),
					rs.getLong(5)))
			.single();
	}

	private static String summary(OrderRules rules) {
		return "holdShortOrders=" + rules.holdShortOrders() + ", shipSlaHours=" + rules.shipSlaHours()
				+ ", deliverySlaDays=" + rules.deliverySlaDays() + ", defaultWarehouse=" + rules.defaultWarehouse();
	}

	private record Stored(OrderRules rules, long version) {
	}

}
