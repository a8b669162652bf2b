package io.shopops.growth.retention;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The repurchase cycle of products: how many days after buying a product a customer is
 * due to buy it again. Set and removed by managers; every change is audited.
 */
@Service
class RepurchaseCycles {

	static final int MIN_DAYS = 1;

	static final int MAX_DAYS = 730;

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	private final AuditLog audit;

	RepurchaseCycles(JdbcClient jdbc, ProductCatalog catalog, AuditLog audit) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.audit = audit;
	}

	@Transactional(readOnly = true)
	public List<Cycle> cycles() {
		return this.jdbc
			.sql("SELECT product_id, title, cycle_days, updated_by, updated_at FROM retention_cycle ORDER BY title, "
					+ "product_id")
			.query((rs, row) -> new Cycle(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getString(4),
					rs.getTimestamp(5).toInstant()))
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<Cycle> find(long productId) {
		return cycles().stream().filter((c) -> c.productId() == productId).findFirst();
	}

	/**
	 * Sets the cycle of the product a SKU or handle names.
	 * @param product a SKU or a product handle
	 * @param days the cycle in days
	 * @param actor who sets it
	 * @return the cycle
	 * @throws CycleException {@code retention.cycle.product.unknown} or
	 * {@code retention.cycle.days.invalid}
	 */
	@Transactional
	public Cycle save(String product, Integer days, String actor) {
		String key = (product != null) ? product.strip() : "";
		Optional<ProductMatch> match = key.isEmpty() || key.length() > 255 ? Optional.empty()
				: this.catalog.findBySku(key).or(() -> this.catalog.findByHandle(key));
		if (match.isEmpty()) {
			throw new CycleException("retention.cycle.product.unknown");
		}
		if (days == null || days < MIN_DAYS || days > MAX_DAYS) {
			throw new CycleException("retention.cycle.days.invalid");
		}
		ProductMatch found = match.get();
		return save(found.productId(), found.title(), days, actor);
	}

	/**
	 * Sets the cycle of a product known by its id and title.
	 */
	@Transactional
	public Cycle save(long productId, String productTitle, int days, String actor) {
		if (days < MIN_DAYS || days > MAX_DAYS) {
			throw new CycleException("retention.cycle.days.invalid");
		}
		ProductMatch found = new ProductMatch(productId, null, null, null, productTitle);
		String title = (found.title() != null && found.title().length() > 255) ? found.title().substring(0, 255)
				: found.title();
		if (title == null) {
			title = "#" + productId;
		}
		Integer old = this.jdbc.sql("SELECT cycle_days FROM retention_cycle WHERE product_id = :id")
			.param("id", found.productId())
			.query(Integer.class)
			.optional()
			.orElse(null);
		this.jdbc.sql("""
				INSERT INTO retention_cycle (product_id, title, cycle_days, updated_by, updated_at)
				VALUES (:id, :title, :days, :actor, :at)
				ON CONFLICT (product_id) DO UPDATE SET title = EXCLUDED.title, cycle_days = EXCLUDED.cycle_days,
				  updated_by = EXCLUDED.updated_by, updated_at = EXCLUDED.updated_at""")
			.param("id", found.productId())
			.param("title", title)
			.param("days", days)
			.param("actor", actor)
			.param("at", Timestamp.from(Instant.now()))
			.update();
		this.audit.record("REPURCHASE_CYCLE_SET", "repurchaseCycle", String.valueOf(found.productId()),
				title + ": " + ((old != null) ? old + " → " : "") + days + " d");
		return find(found.productId()).orElseThrow();
	}

	/**
	 * Removes a product's cycle.
	 * @return whether there was one
	 */
	@Transactional
	public boolean remove(long productId) {
		Optional<Cycle> cycle = find(productId);
		if (cycle.isEmpty()) {
			return false;
		}
		this.jdbc.sql("DELETE FROM retention_cycle WHERE product_id = :id").param("id", productId).update();
		this.audit.record("REPURCHASE_CYCLE_REMOVED", "repurchaseCycle", String.valueOf(productId),
				cycle.get().title() + ": " + cycle.get().cycleDays() + " d");
		return true;
	}

	/**
	 * A product's repurchase cycle.
	 */
	public record Cycle(long productId, String title, int cycleDays, String updatedBy, Instant updatedAt) {
	}

	/**
	 * A cycle that cannot be saved, with the message key of why.
	 */
	static class CycleException extends RuntimeException {

		private final String code;

		CycleException(String code) {
			super(code);
			this.code = code;
		}

		String code() {
			return this.code;
		}

	}

}
