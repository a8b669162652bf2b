package io.shopops.growth.outreach;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Customers, segments and templates with unique values, so that tests sharing the
 * database never see each other's: each test tags its customers with a tag of its own and
 * its segment selects that tag.
 */
final class OutreachFixtures {

	private OutreachFixtures() {
	}

	static String unique(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8).toUpperCase(Locale.ROOT);
	}

	static String phone() {
		return "13" + String.format("%09d", ThreadLocalRandom.current().nextInt(1_000_000_000));
	}

	/** A customer with the given contact (either may be {@code null}) and tag. */
	static long customer(JdbcClient jdbc, String name, String phone, String email, String tag) {
		long id = jdbc.sql("INSERT INTO customer (name, phone, email) VALUES (:name, :phone, :email) RETURNING id")
			.param("name", name)
			.param("phone", phone)
			.param("email", email)
			.query(Long.class)
			.single();
		if (tag != null) {
			jdbc.sql("INSERT INTO customer_tag (customer_id, tag) VALUES (:id, :tag)")
				.param("id", id)
				.param("tag", tag)
				.update();
		}
		return id;
	}

	/** A saved segment of the customers with a tag. */
	static long segment(JdbcClient jdbc, String name, String tag) {
		return jdbc
			.sql("INSERT INTO customer_segment (name, tags, created_by) VALUES (:name, :tag, 'test') RETURNING id")
			.param("name", name)
			.param("tag", tag)
			.query(Long.class)
			.single();
	}

	static long template(OutreachTemplates templates, String name, OutreachChannel channel, String subject,
			String body) {
		TemplateForm form = new TemplateForm();
		form.setName(name);
		form.setChannel(channel);
		form.setSubject(subject);
		form.setBody(body);
		return templates.create(form);
	}

	static String status(JdbcClient jdbc, long messageId) {
		return jdbc.sql("SELECT status FROM outreach_message WHERE id = :id")
			.param("id", messageId)
			.query(String.class)
			.single();
	}

	static long lastMessageOf(JdbcClient jdbc, long customerId) {
		return jdbc.sql("SELECT max(id) FROM outreach_message WHERE customer_id = :id")
			.param("id", customerId)
			.query(Long.class)
			.single();
	}

}
