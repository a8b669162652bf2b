package io.shopops.fulfilment.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface BrandRepository extends JpaRepository<Brand, Long> {

	List<Brand> findAllByOrderByNameAsc();

	@Query("select b from Brand b where lower(b.name) = lower(?1)")
	Optional<Brand> findByNameIgnoringCase(String name);

	@Query(value = "SELECT EXISTS (SELECT 1 FROM product WHERE brand_id = ?1)", nativeQuery = true)
	boolean isUsed(long id);

}
