package io.shopops.fulfilment.catalog;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, renames and deletes brands, auditing each change. The unique index on the name
 * decides races: the loser gets {@link NameTakenException}, not a failed transaction.
 */
@Service
class BrandManagement {

	private final BrandRepository brands;

	private final AuditLog auditLog;

	BrandManagement(BrandRepository brands, AuditLog auditLog) {
		this.brands = brands;
		this.auditLog = auditLog;
	}

	/**
	 * @throws NameTakenException when another brand has the name (in any letter case)
	 */
	@Transactional
	void create(String name) {
		try {
			this.brands.saveAndFlush(new Brand(name));
		}
		catch (DataIntegrityViolationException ex) {
			throw new NameTakenException();
		}
		this.auditLog.record("BRAND_CREATED", "brand", name, null);
	}

	/**
	 * @throws NameTakenException when another brand has the name (in any letter case)
	 */
	@Transactional
	void rename(long id, String name) {
		Brand brand = this.brands.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		String before = brand.getName();
		brand.rename(name);
		try {
			this.brands.saveAndFlush(brand);
		}
		catch (DataIntegrityViolationException ex) {
			throw new NameTakenException();
		}
		this.auditLog.record("BRAND_RENAMED", "brand", name, before + " -> " + name);
	}

	/**
	 * Deletes the brand unless a product uses it.
	 * @return whether it was deleted
	 */
	@Transactional
	boolean delete(long id) {
		Brand brand = this.brands.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		if (this.brands.isUsed(id)) {
			return false;
		}
		this.brands.delete(brand);
		this.auditLog.record("BRAND_DELETED", "brand", brand.getName(), null);
		return true;
	}

}
