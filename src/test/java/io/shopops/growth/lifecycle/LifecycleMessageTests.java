package io.shopops.growth.lifecycle;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import io.shopops.growth.outreach.OutreachMessages;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import static io.shopops.growth.lifecycle.LifecycleFixtures.customer;
import static io.shopops.growth.lifecycle.LifecycleFixtures.segment;
import static io.shopops.growth.lifecycle.LifecycleFixtures.tag;
import static io.shopops.growth.lifecycle.LifecycleFixtures.unique;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The message action through a recording {@link OutreachMessages} of the test's own
 * (primary, so that it wins over a real outbox): messages are queued with the rule as
 * origin, the outbox's refusals are kept in the history and do not count as reached, and
 * the form offers the templates.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LifecycleMessageTests {

	@Autowired
	JdbcClient jdbc;

	@Autowired
	LifecycleRules rules;

	@Autowired
	LifecycleEvaluator evaluator;

	@Autowired
	RecordingOutreach outreach;

	@Autowired
	MockMvc mvc;

	@Test
	void queuesOneMessagePerEntryAndKeepsRefusals() {
		String tag = unique("LCM");
		long a = customer(this.jdbc, "A");
		long optedOut = customer(this.jdbc, "Opted out");
		tag(this.jdbc, a, tag);
		tag(this.jdbc, optedOut, tag);
		this.outreach.optedOut.add(optedOut);
		long id = this.rules.create(
				new LifecycleRule.Definition(unique("Rule"), LifecycleTrigger.SEGMENT, null, List.of(),
						segment(this.jdbc, tag), LifecycleAction.MESSAGE, null, null, null, null, 7L, 30, 30, true),
				"test");

		LifecycleEvaluator.Run run = this.evaluator.evaluate(id, Instant.now(), "test");
		this.evaluator.evaluate(id, Instant.now(), "test");

		assertThat(run.acted()).isEqualTo(1);
		assertThat(this.outreach.queued).contains(a + ":7:lifecycle:" + id, optedOut + ":7:lifecycle:" + id);
		assertThat(this.outreach.queued.stream().filter((q) -> q.endsWith(":lifecycle:" + id))).hasSize(2);
		assertThat(this.jdbc
			.sql("SELECT customer_id || ':' || outcome || ':' || reached FROM lifecycle_firing WHERE rule_id = :id "
					+ "ORDER BY customer_id")
			.param("id", id)
			.query(String.class)
			.list()).containsExactly(a + ":QUEUED:true", optedOut + ":OPTED_OUT:false");
		assertThat(this.rules.loop(this.rules.get(id)).reached()).isEqualTo(1);
	}

	@Test
	void theFormOffersTheTemplates() throws Exception {
		String form = this.mvc.perform(get("/crm/lifecycle/new").with(user("m").roles("MANAGER")))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("Win-back SMS (sms)").doesNotContain("id=\"message-unavailable\"");
		this.mvc
			.perform(post("/crm/lifecycle").with(user("m").roles("MANAGER"))
				.with(csrf())
				.param("name", unique("Win back"))
				.param("trigger", "DORMANT")
				.param("triggerDays", "90")
				.param("action", "MESSAGE")
				.param("templateId", "7")
				.param("cooldownDays", "30")
				.param("returnDays", "30"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attribute("message", "lifecycle.flash.created"));
	}

	@TestConfiguration(proxyBeanMethods = false)
	static class Outbox {

		@Bean
		@Primary
		RecordingOutreach recordingOutreach() {
			return new RecordingOutreach();
		}

	}

	static class RecordingOutreach implements OutreachMessages {

		final List<String> queued = new CopyOnWriteArrayList<>();

		final Set<Long> optedOut = ConcurrentHashMap.newKeySet();

		@Override
		public List<TemplateOption> templates() {
			return List.of(new TemplateOption(7, "Win-back SMS", "sms"));
		}

		@Override
		public QueueResult queue(long customerId, long templateId, String origin) {
			this.queued.add(customerId + ":" + templateId + ":" + origin);
			if (templateId != 7) {
				return QueueResult.UNKNOWN_TEMPLATE;
			}
			return this.optedOut.contains(customerId) ? QueueResult.OPTED_OUT : QueueResult.QUEUED;
		}

	}

}
