package io.shopops.growth.outreach;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The message templates: created, edited, archived and restored by managers, each change
 * one transaction with its audit entry, and previewed for a sample customer.
 */
@Service
class OutreachTemplates {

	private static final String COLUMNS = "id, name, channel, subject, body, active, updated_at, version";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final ShopSettings shop;

	OutreachTemplates(JdbcClient jdbc, AuditLog auditLog, ShopSettings shop) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.shop = shop;
	}

	@Transactional(readOnly = true)
	List<MessageTemplate> list() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM outreach_template ORDER BY active DESC, lower(name), id")
			.query(OutreachTemplates::template)
			.list();
	}

	@Transactional(readOnly = true)
	List<MessageTemplate> active() {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM outreach_template WHERE active ORDER BY lower(name), id")
			.query(OutreachTemplates::template)
			.list();
	}

	@Transactional(readOnly = true)
	Optional<MessageTemplate> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + " FROM outreach_template WHERE id = :id")
			.param("id", id)
			.query(OutreachTemplates::template)
			.optional();
	}

	MessageTemplate get(long id) {
		return find(id).orElseThrow(() -> new OutreachNotFoundException("template", id));
	}

	@Transactional
	long create(TemplateForm form) {
		long id;
		try {
			id = this.jdbc
				.sql("""
						INSERT INTO outreach_template (name, channel, subject, body) VALUES (:name, :channel, :subject, :body)
						RETURNING id""")
				.param("name", form.getName().strip())
				.param("channel", form.getChannel().code())
				.param("subject", form.subjectOrNull())
				.param("body", form.getBody().strip())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw new OutreachException("name", "outreach.template.name.taken");
		}
		this.auditLog.record("OUTREACH_TEMPLATE_CREATED", "outreachtemplate", Long.toString(id),
				form.getName().strip() + " (" + form.getChannel().code() + ")");
		return id;
	}

	@Transactional
	void update(long id, TemplateForm form) {
		MessageTemplate before = this.jdbc
			.sql("SELECT " + COLUMNS + " FROM outreach_template WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(OutreachTemplates::template)
			.optional()
			.orElseThrow(() -> new OutreachNotFoundException("template", id));
		if (before.version() != form.getVersion()) {
			throw new OptimisticLockingFailureException("template " + id + " changed");
		}
		try {
			this.jdbc.sql("""
					UPDATE outreach_template SET name = :name, channel = :channel, subject = :subject, body = :body,
					       updated_at = now(), version = version + 1 WHERE id = :id""")
				.param("name", form.getName().strip())
				.param("channel", form.getChannel().code())
				.param("subject", form.subjectOrNull())
				.param("body", form.getBody().strip())
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw new OutreachException("name", "outreach.template.name.taken");
		}
		this.auditLog.record("OUTREACH_TEMPLATE_UPDATED", "outreachtemplate", Long.toString(id), before.name() + " ("
				+ before.channel().code() + ") → " + form.getName().strip() + " (" + form.getChannel().code() + ")");
	}

	/**
	 * Archives a template (no new campaigns or lifecycle messages use it) or restores it.
	 * @param id the template
	 * @param active the new state
	 * @return whether it changed
	 */
	@Transactional
	boolean setActive(long id, boolean active) {
		MessageTemplate template = get(id);
		int changed = this.jdbc.sql("""
				UPDATE outreach_template SET active = :active, updated_at = now(), version = version + 1
				WHERE id = :id AND active <> :active""").param("active", active).param("id", id).update();
		if (changed > 0) {
			if (active) {
				this.auditLog.record("OUTREACH_TEMPLATE_RESTORED", "outreachtemplate", Long.toString(id),
						template.name());
			}
			else {
				this.auditLog.record("OUTREACH_TEMPLATE_ARCHIVED", "outreachtemplate", Long.toString(id),
						template.name());
			}
		}
		return changed > 0;
	}

	TemplateForm form(MessageTemplate template) {
		TemplateForm form = new TemplateForm();
		form.setName(template.name());
		form.setChannel(template.channel());
		form.setSubject(template.subject());
		form.setBody(template.body());
		form.setVersion(template.version());
		return form;
	}

	/**
	 * The values of the sample customer a preview shows.
	 * @return variable to value
	 */
	Map<String, String> sampleValues() {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", "王芳");
		values.put("tier", "金卡会员");
		values.put("points", "1280");
		values.put("coupon", "CP7QK2M9XH4T");
		values.put("shop", this.shop.current().shopName());
		return values;
	}

	/**
	 * A template's text rendered for the sample customer.
	 * @param channel the channel
	 * @param subject the subject, may be {@code null}
	 * @param body the body
	 * @return the preview
	 */
	Preview preview(OutreachChannel channel, String subject, String body) {
		Map<String, String> values = sampleValues();
		String text = TemplateRenderer.render((body != null) ? body : "", values);
		return new Preview((channel == OutreachChannel.EMAIL) ? TemplateRenderer.render(subject, values) : null, text,
				TemplateRenderer.length(text), (channel == OutreachChannel.SMS) ? TemplateRenderer.smsParts(text) : 0);
	}

	/**
	 * A template rendered for the sample customer.
	 *
	 * @param subject the e-mail subject, {@code null} for other channels
	 * @param body the text
	 * @param length its characters
	 * @param smsParts its SMS parts of 70 characters, 0 for other channels
	 */
	record Preview(String subject, String body, int length, int smsParts) {
	}

	private static MessageTemplate template(ResultSet rs, int row) throws SQLException {
		return new MessageTemplate(rs.getLong("id"), rs.getString("name"),
				OutreachChannel.of(rs.getString("channel")).orElseThrow(), rs.getString("subject"),
				rs.getString("body"), rs.getBoolean("active"), rs.getTimestamp("updated_at").toInstant(),
				rs.getLong("version"));
	}

}
