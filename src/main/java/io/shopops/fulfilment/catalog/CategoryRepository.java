package io.shopops.fulfilment.catalog;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CategoryRepository extends JpaRepository<Category, Long> {

	List<Category> findAllByOrderByPathAsc();

	Optional<Category> findByPath(String path);

	boolean existsByParentId(Long parentId);

	@Query(value = "SELECT EXISTS (SELECT 1 FROM product WHERE category_id = ?1)", nativeQuery = true)
	boolean isUsed(long id);

	/**
	 * Rewrites the paths of a renamed category's descendants.
	 */
	@Modifying
	@Query(value = "UPDATE category SET path = ?2 || substr(path, length(?1) + 1), version = version + 1 "
			+ "WHERE starts_with(path, ?1 || ' > ')", nativeQuery = true)
	int renameDescendants(String oldPath, String newPath);

}
