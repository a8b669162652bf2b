package io.shopops.fulfilment.inventory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The suppliers, listed by name and paged by seek on (name, id).
 */
@Repository
class SupplierRepository {

	private static final String COLUMNS = "id, name, contact, phone, email, lead_time_days, note, active, version";

	private final JdbcClient jdbc;

	SupplierRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * One page of suppliers after the given (name, id), at most {@code limit}.
	 */
	List<Supplier> page(String afterName, long afterId, int limit) {
		return this.jdbc
			.sql("SELECT " + COLUMNS + " FROM supplier WHERE (name, id) > (:name, :id) ORDER BY name, id LIMIT :limit")
			.param("name", (afterName != null) ? afterName : "")
			.param("id", afterId)
			.param("limit", limit)
			.query(SupplierRepository::supplier)
			.list();
	}

	List<Supplier> findActive() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM supplier WHERE active ORDER BY name, id")
			.query(SupplierRepository::supplier)
			.list();
	}

	Optional<Supplier> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM supplier WHERE id = :id")
			.param("id", id)
			.query(SupplierRepository::supplier)
			.optional();
	}

	/**
	 * @return the new supplier's id
	 * @throws DuplicateKeyException if the name is taken
	 */
	long insert(SupplierForm form) {
		return this.jdbc.sql("""
				INSERT INTO supplier (name, contact, phone, email, lead_time_days, note, active)
				VALUES (:name, :contact, :phone, :email, :leadTime, :note, :active) RETURNING id""")
			.param("name", form.getName())
			.param("contact", form.getContact())
			.param("phone", form.getPhone())
			.param("email", form.getEmail())
			.param("leadTime", form.getLeadTimeDays())
			.param("note", form.getNote())
			.param("active", form.isActive())
			.query(Long.class)
			.single();
	}

	/**
	 * Updates the supplier if nobody changed it since {@code form.getVersion()}.
	 * @return false when the version no longer matches
	 * @throws DuplicateKeyException if the name is taken
	 */
	boolean update(long id, SupplierForm form) {
		return this.jdbc.sql("""
				UPDATE supplier SET name = :name, contact = :contact, phone = :phone, email = :email,
				  lead_time_days = :leadTime, note = :note, active = :active, version = version + 1
				WHERE id = :id AND version = :version""")
			.param("name", form.getName())
			.param("contact", form.getContact())
			.param("phone", form.getPhone())
			.param("email", form.getEmail())
			.param("leadTime", form.getLeadTimeDays())
			.param("note", form.getNote())
			.param("active", form.isActive())
			.param("id", id)
			.param("version", form.getVersion())
			.update() == 1;
	}

	private static Supplier supplier(ResultSet rs, int row) throws SQLException {
		return new Supplier(rs.getLong("id"), rs.getString("name"), rs.getString("contact"), rs.getString("phone"),
				rs.getString("email"), rs.getInt("lead_time_days"), rs.getString("note"), rs.getBoolean("active"),
				rs.getLong("version"));
	}

}
