package io.shopops.platform.audit;

import java.util.List;

import io.shopops.platform.AuditLog;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@SpringBootTest
@AutoConfigureMockMvc
class AuditLogIntegrationTests {

	@Autowired
	AuditLog auditLog;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void entriesCannotBeChangedOrDeleted() {
		String id = "append-only-" + System.nanoTime();
		this.auditLog.recordAs("tester", "TEST_DONE", "test", id, "before -> after");
		assertThatThrownBy(
				() -> this.jdbc.sql("UPDATE audit_entry SET summary = 'x' WHERE object_id = ?").param(id).update())
			.hasMessageContaining("append-only");
		assertThatThrownBy(() -> this.jdbc.sql("DELETE FROM audit_entry WHERE object_id = ?").param(id).update())
			.hasMessageContaining("append-only");
	}

	@Test
	void manyEntriesAreRecordedAtOnceInTheirOrder() {
		String id = "bulk-" + System.nanoTime();
		this.auditLog.recordAll(List.of(new AuditLog.Entry("TEST_BULK", "test", id + "-1", "+1"),
				new AuditLog.Entry("TEST_BULK", "test", id + "-2", null)));
		assertThat(this.jdbc
			.sql("SELECT actor || ' ' || object_id || ' ' || coalesce(summary, '-') FROM audit_entry "
					+ "WHERE object_id LIKE ? ORDER BY id")
			.param(id + "-%")
			.query(String.class)
			.list()).containsExactly("system " + id + "-1 +1", "system " + id + "-2 -");
	}

	@Test
	void adminsFilterTheLogByActorAndObject() throws Exception {
		String id = "filtered-" + System.nanoTime();
		this.auditLog.recordAs("filter-actor", "TEST_FILTERED", "test", id, "one");
		this.auditLog.recordAs("someone-else", "TEST_FILTERED", "test", id + "-other", "two");
		String body = this.mvc
			.perform(get("/admin/audit").param("actor", "filter-actor")
				.param("objectId", id)
				.with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains(id).doesNotContain(id + "-other");
	}

	@Test
	void olderEntriesArePagedBySeek() throws Exception {
		String body = this.mvc
			.perform(get("/admin/audit").param("before", "1")
				.header("Accept-Language", "en")
				.with(user("boss").roles("ADMIN")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(body).contains("No entries match").doesNotContain("audit-table", "audit-older");
	}

}
