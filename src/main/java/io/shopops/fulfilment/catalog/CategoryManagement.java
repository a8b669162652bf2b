package io.shopops.fulfilment.catalog;

import io.shopops.platform.AuditLog;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates, renames (descendants' paths follow) and deletes categories, auditing each
 * change. The unique index on the path decides races: the loser gets
 * {@link NameTakenException}, not a failed transaction.
 */
@Service
class CategoryManagement {

	private final CategoryRepository categories;

	private final AuditLog auditLog;

	CategoryManagement(CategoryRepository categories, AuditLog auditLog) {
		this.categories = categories;
		this.auditLog = auditLog;
	}

	/**
	 * @throws NameTakenException when a category has the same path
	 */
	@Transactional
	void create(Category category) {
		try {
			this.categories.saveAndFlush(category);
		}
		catch (DataIntegrityViolationException ex) {
			throw new NameTakenException();
		}
		this.auditLog.record("CATEGORY_CREATED", "category", category.getPath(), null);
	}

	/**
	 * @throws NameTakenException when a category has the new path
	 */
	@Transactional
	void rename(long id, String name, String newPath) {
		Category category = this.categories.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		String oldPath = category.getPath();
		category.rename(name, newPath);
		try {
			this.categories.saveAndFlush(category);
			this.categories.renameDescendants(oldPath, newPath);
		}
		catch (DataIntegrityViolationException ex) {
			throw new NameTakenException();
		}
		this.auditLog.record("CATEGORY_RENAMED", "category", newPath, oldPath + " -> " + newPath);
	}

	/**
	 * Deletes the category unless it has children or a product uses it.
	 * @return whether it was deleted
	 */
	@Transactional
	boolean delete(long id) {
		Category category = this.categories.findById(id).orElseThrow(() -> new ProductNotFoundException(id));
		if (this.categories.existsByParentId(id) || this.categories.isUsed(id)) {
			return false;
		}
		this.categories.delete(category);
		this.auditLog.record("CATEGORY_DELETED", "category", category.getPath(), null);
		return true;
	}

}
