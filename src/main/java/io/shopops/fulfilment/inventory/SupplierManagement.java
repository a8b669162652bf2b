package io.shopops.fulfilment.inventory;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Adds and changes suppliers, audited.
 */
@Service
class SupplierManagement {

	private final SupplierRepository suppliers;

	private final AuditLog auditLog;

	SupplierManagement(SupplierRepository suppliers, AuditLog auditLog) {
		this.suppliers = suppliers;
		this.auditLog = auditLog;
	}

	/**
	 * @return the new supplier's id
	 * @throws DuplicateKeyException if the name is taken
	 */
	@Transactional
	long create(SupplierForm form) {
		long id = this.suppliers.insert(form);
		this.auditLog.record("SUPPLIER_CREATED", "supplier", String.valueOf(id), form.summary());
		return id;
	}

	/**
	 * @throws DuplicateKeyException if the name is taken
	 * @throws OptimisticLockingFailureException if someone changed the supplier since the
	 * form was opened
	 */
	@Transactional
	void update(long id, SupplierForm form) {
		Supplier before = this.suppliers.find(id).orElseThrow(() -> new SupplierNotFoundException(id));
		if (!this.suppliers.update(id, form)) {
			throw new OptimisticLockingFailureException("supplier " + id + " changed");
		}
		this.auditLog.record("SUPPLIER_UPDATED", "supplier", String.valueOf(id),
				SupplierForm.of(before).summary() + " → " + form.summary());
	}

}
