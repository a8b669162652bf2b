package io.shopops.platform.user;

import java.util.List;
import java.util.Optional;

import io.shopops.platform.Role;
import jakarta.persistence.LockModeType;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface UserAccountRepository extends JpaRepository<UserAccount, Long> {

	@Query("select u from UserAccount u where lower(u.username) = lower(?1)")
	Optional<UserAccount> findByUsernameIgnoringCase(String username);

	boolean existsByRoleAndEnabledTrue(Role role);

	/**
	 * Locks every enabled admin so that two concurrent demotions cannot both see "another
	 * admin is left".
	 */
	@Lock(LockModeType.PESSIMISTIC_WRITE)
	@Query("select u from UserAccount u where u.role = io.shopops.platform.Role.ADMIN and u.enabled = true")
	List<UserAccount> lockEnabledAdmins();

	@Query("select u from UserAccount u where (?1 = '' or lower(u.username) like lower(concat('%', ?1, '%')) "
			+ "or lower(u.displayName) like lower(concat('%', ?1, '%')))")
	Page<UserAccount> search(String query, Pageable pageable);

}
