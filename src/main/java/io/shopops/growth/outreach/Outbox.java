package io.shopops.growth.outreach;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes messages into the outbox: renders the template for each customer, and writes the
 * row QUEUED, or, without sending anything, OPTED_OUT (the customer opted out of the
 * channel), CAPPED (the frequency cap is reached) or NO_CONTACT (no phone, e-mail or
 * WeChat id). Queueing holds one transaction lock, so two runs never both pass the cap.
 * <p>
 * A customer's WeChat id is the buyer id of its orders on a channel whose code starts
 * with {@code wechat} (a WeChat mini-program shop, say).
 */
@Service
class Outbox implements OutreachMessages {

	/** The key of the transaction lock every queueing takes. */
	static final long QUEUE_LOCK = 0x4f555401L;

	private final JdbcClient jdbc;

	private final JdbcTemplate template;

	private final OutreachTemplates templates;

	private final OutreachSettings settings;

	private final ShopSettings shop;

	Outbox(JdbcClient jdbc, JdbcTemplate template, OutreachTemplates templates, OutreachSettings settings,
			ShopSettings shop) {
		this.jdbc = jdbc;
		this.template = template;
		this.templates = templates;
		this.settings = settings;
		this.shop = shop;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TemplateOption> templates() {
		return this.templates.active()
			.stream()
			.map((t) -> new TemplateOption(t.id(), t.name(), t.channel().code()))
			.toList();
	}

	@Override
	@Transactional
	public QueueResult queue(long customerId, long templateId, String origin) {
		MessageTemplate template = this.templates.find(templateId).filter(MessageTemplate::active).orElse(null);
		if (template == null) {
			return QueueResult.UNKNOWN_TEMPLATE;
		}
		lock();
		Facts facts = facts(List.of(customerId), template.channel(), null).get(customerId);
		Status status = (facts == null) ? Status.NO_CONTACT : status(facts, this.settings.current());
		if (status == Status.QUEUED) {
			insert(null, template, facts, render(template, facts), status, origin(origin));
		}
		return switch (status) {
			case QUEUED -> QueueResult.QUEUED;
			case OPTED_OUT -> QueueResult.OPTED_OUT;
			case CAPPED -> QueueResult.CAPPED;
			default -> QueueResult.NO_CONTACT;
		};
	}

	/**
	 * Writes one row per customer of a campaign: QUEUED, OPTED_OUT, CAPPED or NO_CONTACT.
	 * Customers that already have a row of the campaign are skipped. Runs inside the
	 * caller's transaction.
	 * @param campaignId the campaign
	 * @param template its template
	 * @param couponId its coupon, may be {@code null}
	 * @param customerIds the customers
	 * @return the rows written per status
	 */
	Map<Status, Integer> queueCampaign(long campaignId, MessageTemplate template, Long couponId,
			List<Long> customerIds) {
		lock();
		Map<Status, Integer> counts = new EnumMap<>(Status.class);
		OutreachSettings.Values values = this.settings.current();
		String origin = "campaign:" + campaignId;
		for (int from = 0; from < customerIds.size(); from += 5_000) {
			List<Long> batch = customerIds.subList(from, Math.min(customerIds.size(), from + 5_000));
			Map<Long, Facts> facts = facts(batch, template.channel(), couponId);
			List<Object[]> rows = new ArrayList<>(batch.size());
			for (Long id : batch) {
				Facts f = facts.get(id);
				if (f == null) {
					continue;
				}
				Status status = status(f, values);
				Rendered rendered = render(template, f);
				rows.add(new Object[] { campaignId, template.id(), id, template.channel().code(), f.address(),
						rendered.subject(), rendered.body(), status.name(),
						(status == Status.QUEUED) ? Timestamp.from(Instant.now()) : null, origin });
			}
			int[][] written = this.template.batchUpdate(
					"""
							INSERT INTO outreach_message (campaign_id, template_id, customer_id, channel, address, subject, body,
							                              status, next_attempt_at, origin)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (campaign_id, customer_id) DO NOTHING""",
					rows, 1000, (ps, row) -> {
						for (int i = 0; i < row.length; i++) {
							ps.setObject(i + 1, row[i]);
						}
					});
			int index = 0;
			for (int[] chunk : written) {
				for (int count : chunk) {
					if (count > 0) {
						counts.merge(Status.valueOf((String) rows.get(index)[7]), 1, Integer::sum);
					}
					index++;
				}
			}
		}
		return counts;
	}

	/**
	 * How many marketing messages a customer was sent (or has queued) within the cap's
	 * window, leaving one message out.
	 */
	int recentMessages(long customerId, Instant since, boolean sentOnly, long exceptId) {
		return this.jdbc.sql("""
				SELECT count(*) FROM outreach_message WHERE customer_id = :id AND id <> :except
				AND (status = 'SENT' AND sent_at >= :since
				     OR NOT :sentOnly AND status = 'QUEUED' AND created_at >= :since)""")
			.param("id", customerId)
			.param("except", exceptId)
			.param("since", Timestamp.from(since))
			.param("sentOnly", sentOnly)
			.query(Integer.class)
			.single();
	}

	private Status status(Facts facts, OutreachSettings.Values values) {
		if (facts.address() == null) {
			return Status.NO_CONTACT;
		}
		if (facts.optedOut()) {
			return Status.OPTED_OUT;
		}
		if (facts.recent() >= values.capMessages()) {
			return Status.CAPPED;
		}
		return Status.QUEUED;
	}

	private void insert(Long campaignId, MessageTemplate template, Facts facts, Rendered rendered, Status status,
			String origin) {
		this.jdbc
			.sql("""
					INSERT INTO outreach_message (campaign_id, template_id, customer_id, channel, address, subject, body,
					                              status, next_attempt_at, origin)
					VALUES (:campaign, :template, :customer, :channel, :address, :subject, :body, :status, now(), :origin)""")
			.param("campaign", campaignId)
			.param("template", template.id())
			.param("customer", facts.customerId())
			.param("channel", template.channel().code())
			.param("address", facts.address())
			.param("subject", rendered.subject())
			.param("body", rendered.body())
			.param("status", status.name())
			.param("origin", origin)
			.update();
	}

	Rendered render(MessageTemplate template, Facts facts) {
		Map<String, String> values = new LinkedHashMap<>();
		values.put("name", (facts.name() != null) ? facts.name() : "");
		values.put("tier", (facts.tier() != null) ? facts.tier() : "");
		values.put("points", Long.toString(facts.points()));
		values.put("coupon", (facts.coupon() != null) ? facts.coupon() : "");
		values.put("shop", this.shop.current().shopName());
		String body = TemplateRenderer.render(template.body(), values);
		String subject = (template.subject() != null) ? TemplateRenderer.render(template.subject(), values) : null;
		return new Rendered(cut(subject, 200), cut(body, 4000));
	}

	/**
	 * What rendering and the checks need of each active customer: contact for the
	 * channel, name, tier, points, coupon code, opt-out and recent messages.
	 * @param couponId the coupon whose code {@code {{coupon}}} shows; {@code null} for
	 * the latest unused code the customer holds of any usable coupon
	 */
	Map<Long, Facts> facts(List<Long> ids, OutreachChannel channel, Long couponId) {
		Map<Long, Facts> facts = new HashMap<>();
		if (ids.isEmpty()) {
			return facts;
		}
		Instant since = Instant.now().minus(Duration.ofDays(this.settings.current().capDays()));
		Set<Long> optedOut = new HashSet<>(this.jdbc
			.sql("SELECT customer_id FROM outreach_opt_out WHERE channel = :channel AND customer_id IN (:ids)")
			.param("channel", channel.code())
			.param("ids", ids)
			.query(Long.class)
			.list());
		Map<Long, Integer> recent = new HashMap<>();
		this.jdbc.sql("""
				SELECT customer_id, count(*) FROM outreach_message WHERE customer_id IN (:ids)
				AND (status = 'SENT' AND sent_at >= :since OR status = 'QUEUED' AND created_at >= :since)
				GROUP BY customer_id""")
			.param("ids", ids)
			.param("since", Timestamp.from(since))
			.query((rs, n) -> recent.put(rs.getLong(1), rs.getInt(2)))
			.list();
		Map<Long, String> coupons = couponCodes(ids, couponId);
		this.jdbc.sql("""
				SELECT c.id, c.name, c.phone, c.email, c.points_balance, t.name AS tier,
				       (SELECT i.value FROM customer_identity i WHERE i.customer_id = c.id AND i.kind = 'BUYER'
				        AND lower(i.channel_code) LIKE 'wechat%' ORDER BY i.id LIMIT 1) AS wechat
				FROM customer c LEFT JOIN customer_tier t ON t.code = c.tier_code
				WHERE c.id IN (:ids) AND c.merged_into IS NULL""").param("ids", ids).query((rs, n) -> {
			long id = rs.getLong("id");
			String address = switch (channel) {
				case SMS -> usable(rs.getString("phone"));
				case EMAIL -> usable(rs.getString("email"));
				case WECHAT -> usable(rs.getString("wechat"));
			};
			facts.put(id, new Facts(id, rs.getString("name"), address, rs.getString("tier"),
					rs.getLong("points_balance"), coupons.get(id), optedOut.contains(id), recent.getOrDefault(id, 0)));
			return id;
		}).list();
		return facts;
	}

	private Map<Long, String> couponCodes(List<Long> ids, Long couponId) {
		Map<Long, String> codes = new HashMap<>();
		if (couponId != null) {
			this.jdbc.sql("""
					SELECT DISTINCT ON (customer_id) customer_id, code FROM coupon_code
					WHERE coupon_id = :coupon AND kind = 'UNIQUE' AND used_order_id IS NULL AND customer_id IN (:ids)
					ORDER BY customer_id, issued_at DESC, id DESC""")
				.param("coupon", couponId)
				.param("ids", ids)
				.query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2)))
				.list();
			String shared = this.jdbc
				.sql("SELECT code FROM coupon_code WHERE coupon_id = :coupon AND kind = 'SHARED' LIMIT 1")
				.param("coupon", couponId)
				.query(String.class)
				.optional()
				.orElse(null);
			if (shared != null) {
				ids.forEach((id) -> codes.putIfAbsent(id, shared));
			}
			return codes;
		}
		this.jdbc.sql("""
				SELECT DISTINCT ON (k.customer_id) k.customer_id, k.code FROM coupon_code k
				JOIN coupon c ON c.id = k.coupon_id
				WHERE k.kind = 'UNIQUE' AND k.used_order_id IS NULL AND k.customer_id IN (:ids)
				AND c.status = 'ACTIVE' AND c.valid_until > now()
				ORDER BY k.customer_id, k.issued_at DESC, k.id DESC""")
			.param("ids", ids)
			.query((rs, n) -> codes.put(rs.getLong(1), rs.getString(2)))
			.list();
		return codes;
	}

	private void lock() {
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:key)").param("key", QUEUE_LOCK).query(Object.class).list();
	}

	/** Masked contact (a marketplace's {@code 138****5678}) cannot be sent to. */
	private static String usable(String address) {
		if (address == null || address.isBlank() || address.contains("*")) {
			return null;
		}
		return cut(address.strip(), 254);
	}

	private static String origin(String origin) {
		String value = (origin == null || origin.isBlank()) ? "api" : origin.strip();
		return cut(value, 64);
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	/**
	 * The status of an outbox row.
	 */
	enum Status {

		QUEUED, SENT, FAILED, OPTED_OUT, CAPPED, NO_CONTACT, CANCELLED

	}

	record Facts(long customerId, String name, String address, String tier, long points, String coupon,
			boolean optedOut, int recent) {
	}

	record Rendered(String subject, String body) {
	}

}
