package io.shopops.growth.outreach;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.shopops.growth.segment.SegmentNotFoundException;
import io.shopops.growth.segment.Segments;
import io.shopops.platform.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Outreach campaigns (触达活动): a template sent to a saved segment, now or at a time,
 * optionally with a coupon whose code {@code {{coupon}}} shows. Each change of status is
 * one transaction with its audit entry; sending writes the segment's members into the
 * outbox, which the dispatcher sends.
 */
@Service
class OutreachCampaigns {

	static final int PAGE_SIZE = 25;

	static final int MESSAGES_PAGE_SIZE = 50;

	private static final String COLUMNS = """
			c.id, c.name, c.template_id, t.name AS template_name, t.channel, c.segment_id, c.segment_name, c.coupon_id,
			k.name AS coupon_name, c.status, c.send_at, c.targeted, c.queued_at, c.finished_at, c.created_by,
			c.created_at, c.version""";

	private static final String FROM = " FROM outreach_campaign c JOIN outreach_template t ON t.id = c.template_id"
			+ " LEFT JOIN coupon k ON k.id = c.coupon_id";

	private final JdbcClient jdbc;

	private final AuditLog auditLog;

	private final OutreachTemplates templates;

	private final Segments segments;

	private final Outbox outbox;

	private final OutreachSettings settings;

	OutreachCampaigns(JdbcClient jdbc, AuditLog auditLog, OutreachTemplates templates, Segments segments, Outbox outbox,
			OutreachSettings settings) {
		this.jdbc = jdbc;
		this.auditLog = auditLog;
		this.templates = templates;
		this.segments = segments;
		this.outbox = outbox;
		this.settings = settings;
	}

	@Transactional(readOnly = true)
	PageOf<Row> page(CampaignStatus status, int page) {
		String where = (status != null) ? " WHERE c.status = :status" : " WHERE true";
		Map<String, Object> params = new HashMap<>();
		if (status != null) {
			params.put("status", status.name());
		}
		long total = this.jdbc.sql("SELECT count(*) FROM outreach_campaign c" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int current = Math.max(1, Math.min(page, pages));
		params.put("limit", PAGE_SIZE);
		params.put("offset", (long) (current - 1) * PAGE_SIZE);
		List<Campaign> rows = this.jdbc
			.sql("SELECT " + COLUMNS + FROM + where
					+ " ORDER BY c.created_at DESC, c.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query(OutreachCampaigns::campaign)
			.list();
		Map<Long, Map<String, Integer>> counts = counts(rows.stream().map(Campaign::id).toList());
		List<Row> items = rows.stream()
			.map((c) -> new Row(c, counts.getOrDefault(c.id(), Map.of()).getOrDefault("SENT", 0),
					counts.getOrDefault(c.id(), Map.of()).getOrDefault("FAILED", 0)))
			.toList();
		return new PageOf<>(items, current, pages, total);
	}

	@Transactional(readOnly = true)
	Optional<Campaign> find(long id) {
		return this.jdbc.sql("SELECT " + COLUMNS + FROM + " WHERE c.id = :id")
			.param("id", id)
			.query(OutreachCampaigns::campaign)
			.optional();
	}

	Campaign get(long id) {
		return find(id).orElseThrow(() -> new OutreachNotFoundException("campaign", id));
	}

	@Transactional
	long create(CampaignForm form, String by) {
		Choice choice = choice(form);
		long id = this.jdbc.sql("""
				INSERT INTO outreach_campaign (name, template_id, segment_id, segment_name, coupon_id, created_by)
				VALUES (:name, :template, :segment, :segmentName, :coupon, :by) RETURNING id""")
			.param("name", form.getName().strip())
			.param("template", choice.template().id())
			.param("segment", choice.segment().id())
			.param("segmentName", cut(choice.segment().name(), 120))
			.param("coupon", form.getCouponId())
			.param("by", by)
			.query(Long.class)
			.single();
		this.auditLog.record("OUTREACH_CAMPAIGN_CREATED", "outreachcampaign", Long.toString(id),
				describe(form.getName().strip(), choice, form.getCouponId()));
		return id;
	}

	@Transactional
	void update(long id, CampaignForm form) {
		Campaign before = lock(id);
		if (before.version() != form.getVersion()) {
			throw new OptimisticLockingFailureException("campaign " + id + " changed");
		}
		if (before.status() != CampaignStatus.DRAFT) {
			throw new OutreachException(null, "outreach.campaign.notDraft");
		}
		Choice choice = choice(form);
		this.jdbc.sql("""
				UPDATE outreach_campaign SET name = :name, template_id = :template, segment_id = :segment,
				       segment_name = :segmentName, coupon_id = :coupon, updated_at = now(), version = version + 1
				WHERE id = :id""")
			.param("name", form.getName().strip())
			.param("template", choice.template().id())
			.param("segment", choice.segment().id())
			.param("segmentName", cut(choice.segment().name(), 120))
			.param("coupon", form.getCouponId())
			.param("id", id)
			.update();
		this.auditLog.record("OUTREACH_CAMPAIGN_UPDATED", "outreachcampaign", Long.toString(id),
				before.name() + " → " + describe(form.getName().strip(), choice, form.getCouponId()));
	}

	/**
	 * Sends a draft or scheduled campaign now: writes a message per member of its segment
	 * into the outbox.
	 * @param id the campaign
	 * @return the rows written per status
	 * @throws OutreachException when the campaign is neither draft nor scheduled, or its
	 * template or segment is gone
	 */
	@Transactional
	Map<Outbox.Status, Integer> sendNow(long id) {
		Campaign campaign = lock(id);
		if (campaign.status() != CampaignStatus.DRAFT && campaign.status() != CampaignStatus.SCHEDULED) {
			throw new OutreachException(null, "outreach.campaign.notSendable");
		}
		Map<Outbox.Status, Integer> counts = queue(campaign);
		this.auditLog.record("OUTREACH_CAMPAIGN_SENT", "outreachcampaign", Long.toString(id),
				campaign.name() + ": " + describe(counts));
		return counts;
	}

	/**
	 * Schedules a draft campaign, or moves the time of a scheduled one.
	 * @param id the campaign
	 * @param at when to send, in the future
	 * @throws OutreachException when the time is not in the future or the campaign is not
	 * a draft or scheduled
	 */
	@Transactional
	void schedule(long id, Instant at) {
		Campaign campaign = lock(id);
		if (campaign.status() != CampaignStatus.DRAFT && campaign.status() != CampaignStatus.SCHEDULED) {
			throw new OutreachException("sendAt", "outreach.campaign.notSendable");
		}
		if (at == null || !at.isAfter(Instant.now())) {
			throw new OutreachException("sendAt", "outreach.campaign.sendAt.past");
		}
		this.jdbc.sql("""
				UPDATE outreach_campaign SET status = 'SCHEDULED', send_at = :at, updated_at = now(),
				       version = version + 1 WHERE id = :id""")
			.param("at", Timestamp.from(at))
			.param("id", id)
			.update();
		this.auditLog.record("OUTREACH_CAMPAIGN_SCHEDULED", "outreachcampaign", Long.toString(id),
				campaign.name() + ": " + at);
	}

	/**
	 * Cancels a campaign that is not done: its queued messages are cancelled too.
	 * @param id the campaign
	 * @return the messages cancelled
	 * @throws OutreachException when the campaign is done or cancelled already
	 */
	@Transactional
	int cancel(long id) {
		Campaign campaign = lock(id);
		if (!campaign.status().cancellable()) {
			throw new OutreachException(null, "outreach.campaign.notCancellable");
		}
		int cancelled = this.jdbc.sql("""
				UPDATE outreach_message SET status = 'CANCELLED', next_attempt_at = NULL
				WHERE campaign_id = :id AND status = 'QUEUED'""").param("id", id).update();
		this.jdbc.sql("""
				UPDATE outreach_campaign SET status = 'CANCELLED', finished_at = now(), updated_at = now(),
				       version = version + 1 WHERE id = :id""").param("id", id).update();
		this.auditLog.record("OUTREACH_CAMPAIGN_CANCELLED", "outreachcampaign", Long.toString(id),
				campaign.name() + " (" + campaign.status().name() + "): " + cancelled + " queued messages cancelled");
		return cancelled;
	}

	/**
	 * Sends the scheduled campaigns whose time has come.
	 * @param now the time
	 * @return how many started
	 */
	@Transactional
	int startDue(Instant now) {
		List<Long> due = this.jdbc.sql("""
				SELECT id FROM outreach_campaign WHERE status = 'SCHEDULED' AND send_at <= :now ORDER BY send_at, id
				FOR UPDATE SKIP LOCKED""").param("now", Timestamp.from(now)).query(Long.class).list();
		for (Long id : due) {
			Campaign campaign = get(id);
			Map<Outbox.Status, Integer> counts = queue(campaign);
			this.auditLog.record("OUTREACH_CAMPAIGN_STARTED", "outreachcampaign", Long.toString(id),
					campaign.name() + ": " + describe(counts));
		}
		return due.size();
	}

	/**
	 * Marks the sending campaigns without queued messages done.
	 * @return how many
	 */
	@Transactional
	int finishSent() {
		List<Map<String, Object>> done = this.jdbc.sql("""
				UPDATE outreach_campaign c SET status = 'DONE', finished_at = now(), updated_at = now(),
				       version = version + 1
				WHERE c.status = 'SENDING'
				AND NOT EXISTS (SELECT 1 FROM outreach_message m WHERE m.campaign_id = c.id AND m.status = 'QUEUED')
				RETURNING c.id, c.name""").query().listOfRows();
		for (Map<String, Object> row : done) {
			this.auditLog.record("OUTREACH_CAMPAIGN_DONE", "outreachcampaign", row.get("id").toString(),
					(String) row.get("name"));
		}
		return done.size();
	}

	/**
	 * A campaign's figures: the outbox rows per status and the orders its recipients
	 * placed within the attribution window of their message.
	 * @param id the campaign
	 * @return the figures
	 */
	@Transactional(readOnly = true)
	Stats stats(long id) {
		Map<String, Integer> counts = counts(List.of(id)).getOrDefault(id, Map.of());
		int days = this.settings.current().attributionDays();
		Map<String, Object> attributed = this.jdbc.sql("""
				SELECT count(DISTINCT o.order_id) AS orders, coalesce(sum(o.paid_amount), 0) AS gmv
				FROM outreach_message m JOIN customer_order o ON o.customer_id = m.customer_id
				WHERE m.campaign_id = :id AND m.status = 'SENT' AND o.placed_at >= m.sent_at
				AND o.placed_at < m.sent_at + make_interval(days => :days)
				AND o.paid_at IS NOT NULL AND o.status <> 'CANCELLED'""")
			.param("id", id)
			.param("days", days)
			.query()
			.singleRow();
		int targeted = counts.values().stream().mapToInt(Integer::intValue).sum();
		return new Stats(targeted, counts.getOrDefault("QUEUED", 0), counts.getOrDefault("SENT", 0),
				counts.getOrDefault("FAILED", 0), counts.getOrDefault("OPTED_OUT", 0), counts.getOrDefault("CAPPED", 0),
				counts.getOrDefault("NO_CONTACT", 0), counts.getOrDefault("CANCELLED", 0),
				((Number) attributed.get("orders")).longValue(), (BigDecimal) attributed.get("gmv"), days);
	}

	/**
	 * One page of a campaign's outbox rows, or of a customer's.
	 * @param campaignId the campaign, or {@code null}
	 * @param customerId the customer, or {@code null}
	 * @param status only rows in this status, may be {@code null}
	 * @param page the page, from 1
	 * @return the page
	 */
	@Transactional(readOnly = true)
	PageOf<Message> messages(Long campaignId, Long customerId, Outbox.Status status, int page) {
		StringBuilder where = new StringBuilder(" WHERE true");
		Map<String, Object> params = new HashMap<>();
		if (campaignId != null) {
			where.append(" AND m.campaign_id = :campaign");
			params.put("campaign", campaignId);
		}
		if (customerId != null) {
			where.append(" AND m.customer_id = :customer");
			params.put("customer", customerId);
		}
		if (status != null) {
			where.append(" AND m.status = :status");
			params.put("status", status.name());
		}
		long total = this.jdbc.sql("SELECT count(*) FROM outreach_message m" + where)
			.params(params)
			.query(Long.class)
			.single();
		int pages = (int) Math.max(1, (total + MESSAGES_PAGE_SIZE - 1) / MESSAGES_PAGE_SIZE);
		int current = Math.max(1, Math.min(page, pages));
		params.put("limit", MESSAGES_PAGE_SIZE);
		params.put("offset", (long) (current - 1) * MESSAGES_PAGE_SIZE);
		List<Message> rows = this.jdbc
			.sql("""
					SELECT m.id, m.campaign_id, m.customer_id, c.name AS customer_name, m.channel, m.address, m.subject,
					       m.body, m.status, m.attempts, m.next_attempt_at, m.last_error, m.origin, m.created_at, m.sent_at
					FROM outreach_message m JOIN customer c ON c.id = m.customer_id"""
					+ where + " ORDER BY m.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.query((rs, n) -> new Message(rs.getLong("id"), (Long) rs.getObject("campaign_id"),
					rs.getLong("customer_id"), rs.getString("customer_name"), rs.getString("channel"),
					rs.getString("address"), rs.getString("subject"), rs.getString("body"),
					Outbox.Status.valueOf(rs.getString("status")), rs.getInt("attempts"),
					instant(rs.getTimestamp("next_attempt_at")), rs.getString("last_error"), rs.getString("origin"),
					rs.getTimestamp("created_at").toInstant(), instant(rs.getTimestamp("sent_at"))))
			.list();
		return new PageOf<>(rows, current, pages, total);
	}

	/**
	 * Queues a failed message again, for one more attempt now.
	 * @param messageId the message
	 * @return the message's campaign, {@code null} for a message of no campaign
	 * @throws OutreachException when the message has not failed
	 */
	@Transactional
	Long retry(long messageId) {
		Map<String, Object> row = this.jdbc
			.sql("SELECT campaign_id, status, customer_id FROM outreach_message WHERE id = :id FOR UPDATE")
			.param("id", messageId)
			.query()
			.listOfRows()
			.stream()
			.findFirst()
			.orElseThrow(() -> new OutreachNotFoundException("message", messageId));
		if (!"FAILED".equals(row.get("status"))) {
			throw new OutreachException(null, "outreach.message.notFailed");
		}
		this.jdbc.sql("UPDATE outreach_message SET status = 'QUEUED', next_attempt_at = now() WHERE id = :id")
			.param("id", messageId)
			.update();
		Long campaignId = (row.get("campaign_id") != null) ? ((Number) row.get("campaign_id")).longValue() : null;
		if (campaignId != null) {
			this.jdbc.sql("""
					UPDATE outreach_campaign SET status = 'SENDING', finished_at = NULL, updated_at = now(),
					       version = version + 1 WHERE id = :id AND status = 'DONE'""")
				.param("id", campaignId)
				.update();
		}
		this.auditLog.record("OUTREACH_MESSAGE_RETRIED", "outreachmessage", Long.toString(messageId),
				"customer #" + row.get("customer_id") + ((campaignId != null) ? " campaign #" + campaignId : ""));
		return campaignId;
	}

	/**
	 * The coupons a campaign may include: active and still valid.
	 * @return id and name, newest first
	 */
	@Transactional(readOnly = true)
	List<Option> couponOptions() {
		return this.jdbc.sql("""
				SELECT id, name FROM coupon WHERE status = 'ACTIVE' AND valid_until > now()
				ORDER BY created_at DESC, id DESC LIMIT 200""")
			.query((rs, n) -> new Option(rs.getLong(1), rs.getString(2)))
			.list();
	}

	List<Option> segmentOptions() {
		return this.segments.list().stream().map((s) -> new Option(s.id(), s.name())).toList();
	}

	CampaignForm form(Campaign campaign) {
		CampaignForm form = new CampaignForm();
		form.setName(campaign.name());
		form.setTemplateId(campaign.templateId());
		form.setSegmentId(campaign.segmentId());
		form.setCouponId(campaign.couponId());
		form.setVersion(campaign.version());
		return form;
	}

	private Map<Outbox.Status, Integer> queue(Campaign campaign) {
		MessageTemplate template = this.templates.get(campaign.templateId());
		List<Long> members;
		try {
			members = this.segments.memberIds(campaign.segmentId());
		}
		catch (SegmentNotFoundException ex) {
			throw new OutreachException("segmentId", "outreach.campaign.segment.gone");
		}
		Map<Outbox.Status, Integer> counts = this.outbox.queueCampaign(campaign.id(), template, campaign.couponId(),
				members);
		int targeted = counts.values().stream().mapToInt(Integer::intValue).sum();
		boolean queued = counts.getOrDefault(Outbox.Status.QUEUED, 0) > 0;
		this.jdbc.sql("""
				UPDATE outreach_campaign SET status = :status, targeted = :targeted, queued_at = now(),
				       finished_at = CASE WHEN :queued THEN NULL ELSE now() END, updated_at = now(),
				       version = version + 1 WHERE id = :id""")
			.param("status", queued ? CampaignStatus.SENDING.name() : CampaignStatus.DONE.name())
			.param("targeted", targeted)
			.param("queued", queued)
			.param("id", campaign.id())
			.update();
		return counts;
	}

	private Campaign lock(long id) {
		this.jdbc.sql("SELECT id FROM outreach_campaign WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new OutreachNotFoundException("campaign", id));
		return get(id);
	}

	private Choice choice(CampaignForm form) {
		MessageTemplate template = this.templates.find(form.getTemplateId())
			.filter(MessageTemplate::active)
			.orElseThrow(() -> new OutreachException("templateId", "outreach.campaign.template.unknown"));
		Segments.Summary segment = this.segments.find(form.getSegmentId())
			.orElseThrow(() -> new OutreachException("segmentId", "outreach.campaign.segment.unknown"));
		if (form.getCouponId() != null
				&& couponOptions().stream().noneMatch((o) -> o.id() == form.getCouponId().longValue())) {
			throw new OutreachException("couponId", "outreach.campaign.coupon.unknown");
		}
		return new Choice(template, segment);
	}

	private Map<Long, Map<String, Integer>> counts(List<Long> ids) {
		Map<Long, Map<String, Integer>> counts = new HashMap<>();
		if (ids.isEmpty()) {
			return counts;
		}
		this.jdbc.sql("""
				SELECT campaign_id, status, count(*) FROM outreach_message WHERE campaign_id IN (:ids)
				GROUP BY campaign_id, status""")
			.param("ids", ids)
			.query((rs, n) -> counts.computeIfAbsent(rs.getLong(1), (k) -> new HashMap<>())
				.put(rs.getString(2), rs.getInt(3)))
			.list();
		return counts;
	}

	private static String describe(String name, Choice choice, Long couponId) {
		return name + " template=#" + choice.template().id() + " segment=#" + choice.segment().id()
				+ ((couponId != null) ? " coupon=#" + couponId : "");
	}

	private static String describe(Map<Outbox.Status, Integer> counts) {
		List<String> parts = new ArrayList<>();
		counts.forEach((status, count) -> parts.add(status.name().toLowerCase() + "=" + count));
		return parts.isEmpty() ? "nobody" : String.join(" ", parts);
	}

	private static Campaign campaign(ResultSet rs, int row) throws SQLException {
		return new Campaign(rs.getLong("id"), rs.getString("name"), rs.getLong("template_id"),
				rs.getString("template_name"), rs.getString("channel"), rs.getLong("segment_id"),
				rs.getString("segment_name"), (Long) rs.getObject("coupon_id"), rs.getString("coupon_name"),
				CampaignStatus.valueOf(rs.getString("status")), instant(rs.getTimestamp("send_at")),
				rs.getInt("targeted"), instant(rs.getTimestamp("queued_at")), instant(rs.getTimestamp("finished_at")),
				rs.getString("created_by"), rs.getTimestamp("created_at").toInstant(), rs.getLong("version"));
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	private static String cut(String value, int max) {
		return (value == null || value.length() <= max) ? value : value.substring(0, max);
	}

	private record Choice(MessageTemplate template, Segments.Summary segment) {
	}

	/**
	 * A campaign's status.
	 */
	enum CampaignStatus {

		DRAFT, SCHEDULED, SENDING, DONE, CANCELLED;

		public boolean cancellable() {
			return this == DRAFT || this == SCHEDULED || this == SENDING;
		}

	}

	record Campaign(long id, String name, long templateId, String templateName, String channel, long segmentId,
			String segmentName, Long couponId, String couponName, CampaignStatus status, Instant sendAt, int targeted,
			Instant queuedAt, Instant finishedAt, String createdBy, Instant createdAt, long version) {

		public boolean editable() {
			return this.status == CampaignStatus.DRAFT;
		}

		public boolean sendable() {
			return this.status == CampaignStatus.DRAFT || this.status == CampaignStatus.SCHEDULED;
		}

	}

	record Row(Campaign campaign, int sent, int failed) {
	}

	/**
	 * A campaign's figures.
	 *
	 * @param targeted outbox rows written (members reached by the campaign)
	 * @param queued waiting to be sent
	 * @param sent sent
	 * @param failed given up after the last attempt
	 * @param optedOut opted out of the channel (at queue or send time)
	 * @param capped over the frequency cap
	 * @param noContact without an address for the channel
	 * @param cancelled cancelled with the campaign
	 * @param orders paid orders the recipients placed within the window after their
	 * message
	 * @param gmv what those orders paid
	 * @param attributionDays the window
	 */
	record Stats(int targeted, int queued, int sent, int failed, int optedOut, int capped, int noContact, int cancelled,
			long orders, BigDecimal gmv, int attributionDays) {
	}

	record Message(long id, Long campaignId, long customerId, String customerName, String channel, String address,
			String subject, String body, Outbox.Status status, int attempts, Instant nextAttemptAt, String lastError,
			String origin, Instant createdAt, Instant sentAt) {

		public boolean retryable() {
			return this.status == Outbox.Status.FAILED;
		}

	}

	record Option(long id, String name) {
	}

	/**
	 * One page of a list.
	 *
	 * @param rows the rows the page shows
	 * @param page the page, from 1
	 * @param pages the pages, at least 1
	 * @param total all items
	 */
	record PageOf<T>(List<T> rows, int page, int pages, long total) {

		public Integer previous() {
			return (this.page > 1) ? this.page - 1 : null;
		}

		public Integer next() {
			return (this.page < this.pages) ? this.page + 1 : null;
		}

	}

}
