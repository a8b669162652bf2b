package io.shopops.fulfilment.inventory;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The warehouses stock can live in.
 */
@Repository
class WarehouseRepository {

	private final JdbcClient jdbc;

	WarehouseRepository(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	List<Warehouse> findAll() {
		return this.jdbc.sql("""
				SELECT w.code, w.name, w.active, (SELECT count(*) FROM stock_item s WHERE s.warehouse = w.code) AS rows
				FROM warehouse w ORDER BY w.code""")
			.query((rs, n) -> new Warehouse(rs.getString("code"), rs.getString("name"), rs.getBoolean("active"),
					rs.getLong("rows")))
			.list();
	}

	boolean exists(String code) {
		return this.jdbc.sql("SELECT count(*) FROM warehouse WHERE code = :code")
			.param("code", code)
			.query(Long.class)
			.single() > 0;
	}

	/**
	 * @return whether the warehouse was added (false if the code is taken)
	 */
	boolean insert(String code, String name) {
		return this.jdbc.sql("INSERT INTO warehouse (code, name) VALUES (:code, :name) ON CONFLICT (code) DO NOTHING")
			.param("code", code)
			.param("name", name)
			.update() > 0;
	}

	/**
	 * One warehouse with the number of SKUs stocked there.
	 */
	record Warehouse(String code, String name, boolean active, long stockRows) {
	}

}
