package io.shopops.platform.audit;

import java.util.List;

import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.repository.Repository;

interface AuditEntryRepository extends Repository<AuditEntry, Long>, JpaSpecificationExecutor<AuditEntry> {

	List<AuditEntry> findTop20ByActionOrderByIdDesc(String action);

}
