package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import io.shopops.fulfilment.aftersales.api.RefundCompleted;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.SalesPlatform;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Attributes paid orders and keeps the rollup the attribution page reads
 * ({@code attribution_day}). An order is attributed, in this order, to the owner of its
 * content code (a content piece, a community group or activity, or a creator's
 * cooperation, as {@link io.shopops.growth.TrackingCodeRegistry} knows them), to the paid
 * campaign its {@code utm_campaign} names, to the traffic source its UTM source and
 * medium map to by the source rules, for an own-site order with a visitor id to the
 * visitor's last tracked touch (an event with a content code or UTM parameters) in the
 * window before the order was placed, else to direct/unknown.
 * <p>
 * Idempotent: an order's fact is recomputed from each event's snapshot and, when it
 * differs from the one kept, its contribution (GMV on its payment day, its refunds on
 * their days) moves from the old rollup row to the new one; a refund counts once per
 * after-sales request. Days are shop days in the shop's time zone when the event is
 * recorded, as on the KPI page.
 */
@Service
class Attributions {

	static final int MAX_CODE = 64;

	/**
	 * Advisory lock namespace: order events and refunds of one order run one at a time.
	 */
	private static final int LOCK_SPACE = 27_001;

	/**
	 * Advisory lock of the rollup as a whole: order events and refunds hold it shared, a
	 * re-attribution batch ({@link Reattribution}) exclusively, so a batch never works
	 * from a fact that a listener is changing (and they cannot deadlock on rollup rows).
	 */
	static final int ROLLUP_LOCK_SPACE = 27_002;

	/**
	 * What the visitor's last tracked touch (an event with a content code or UTM
	 * parameters) in the window before the order was placed attributes an own-site order
	 * to: the owner of the touch's content code (a content piece, else a community group,
	 * else an activity), else the paid campaign its {@code utm_campaign} names, else the
	 * traffic source the event was classified as; no touch is direct/unknown. One
	 * definition for the listener (one order) and for re-attribution (many): a lateral
	 * subquery over {@code o.visitor_id} and {@code o.placed_at} with the window in days
	 * as {@code :window}. Codes are compared as {@link #code} keeps them: trimmed, upper
	 * case, at most 64 characters.
	 */
	static final String TOUCH_TARGET = """
			SELECT CASE WHEN e.id IS NULL THEN 'DIRECT' ELSE 'TOUCH' END AS new_rule,
			       CASE WHEN e.id IS NULL THEN 'DIRECT' WHEN k.kind = 'PIECE' THEN 'CONTENT'
			            WHEN k.kind IS NOT NULL THEN 'PRIVATE' WHEN c.id IS NOT NULL THEN 'PAID'
			            ELSE coalesce(e.traffic_source, 'OTHER') END AS new_source,
			       CASE WHEN k.kind IS NULL THEN coalesce(c.id, 0) ELSE 0 END AS new_campaign,
			       CASE WHEN k.kind = 'PIECE' THEN k.id ELSE 0 END AS new_piece,
			       CASE WHEN k.kind IN ('GROUP', 'ACTIVITY') THEN k.id ELSE 0 END AS new_group,
			       CASE WHEN k.kind = 'ACTIVITY' THEN k.activity END AS new_activity,
			       e.id AS new_touch
			FROM (SELECT 1) one
			LEFT JOIN LATERAL (
			    SELECT ev.id, nullif(left(upper(btrim(ev.content_code)), 64), '') AS code,
			           nullif(btrim(ev.utm_campaign), '') AS campaign, ev.traffic_source
			    FROM traffic_event ev
			    WHERE ev.visitor_id = o.visitor_id AND ev.occurred_at <= o.placed_at
			      AND ev.occurred_at >= o.placed_at - make_interval(hours => 24 * CAST(:window AS integer))
			      AND (ev.content_code IS NOT NULL OR ev.utm_source IS NOT NULL OR ev.utm_medium IS NOT NULL
			           OR ev.utm_campaign IS NOT NULL)
			    ORDER BY ev.occurred_at DESC, ev.id DESC LIMIT 1) e ON true
			LEFT JOIN LATERAL (
			    SELECT owner.kind, owner.id, owner.activity FROM (
			        SELECT 1 AS pos, 'PIECE' AS kind, p.id, CAST(NULL AS bigint) AS activity
			        FROM content_piece p WHERE p.tracking_code = e.code
			        UNION ALL SELECT 2, 'GROUP', g.id, NULL FROM community_group g WHERE g.tracking_code = e.code
			        UNION ALL SELECT 3, 'ACTIVITY', a.group_id, a.id FROM community_activity a WHERE a.tracking_code = e.code
			    ) owner ORDER BY owner.pos LIMIT 1) k ON true
			LEFT JOIN LATERAL (
			    SELECT cp.id FROM campaign cp
			    WHERE k.kind IS NULL AND (lower(cp.name) = lower(e.campaign) OR cp.external_id = e.campaign)
			    ORDER BY (lower(cp.name) = lower(e.campaign)) DESC, cp.id LIMIT 1) c ON true""";

	private final JdbcClient jdbc;

	private final SourceRules rules;

	private final ShopSettings shop;

	private final AuditLog auditLog;

	Attributions(JdbcClient jdbc, SourceRules rules, ShopSettings shop, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.rules = rules;
		this.shop = shop;
		this.auditLog = auditLog;
	}

	/**
	 * The touch window in days.
	 */
	@Transactional(readOnly = true)
	int windowDays() {
		return this.jdbc.sql("SELECT window_days FROM attribution_setting WHERE id = 1").query(Integer.class).single();
	}

	/**
	 * The window change being re-attributed, if one is.
	 */
	@Transactional(readOnly = true)
	Rework pendingRework() {
		return this.jdbc.sql("""
				SELECT window_days, checked FROM attribution_rework WHERE finished_at IS NULL AND reason = 'WINDOW'
				ORDER BY id DESC LIMIT 1""")
			.query((rs, n) -> new Rework(rs.getInt(1), rs.getLong(2)))
			.optional()
			.orElse(null);
	}

	/**
	 * A queued or running re-attribution after a window change.
	 *
	 * @param windowDays the new window
	 * @param checked how many orders it has looked at so far
	 */
	record Rework(int windowDays, long checked) {
	}

	/**
	 * Changes the touch window and queues the re-attribution of every order a touch can
	 * attribute ({@link Reattribution}; a re-attribution queued by an earlier change and
	 * not finished yet gives way to it). Audited.
	 * @return whether it changed
	 */
	@Transactional
	boolean changeWindow(int days) {
		if (days < 1 || days > 90) {
			throw new IllegalArgumentException("window out of range: " + days);
		}
		int before = this.jdbc.sql("SELECT window_days FROM attribution_setting WHERE id = 1 FOR UPDATE")
			.query(Integer.class)
			.single();
		if (before == days) {
			return false;
		}
		this.jdbc.sql("""
				UPDATE attribution_setting SET window_days = :days, updated_at = now(), version = version + 1
				WHERE id = 1""").param("days", days).update();
		this.jdbc.sql("""
				UPDATE attribution_rework SET finished_at = now() WHERE reason = 'WINDOW' AND finished_at IS NULL""")
			.update();
		long rework = this.jdbc.sql("""
				INSERT INTO attribution_rework (reason, window_days, requested_by)
				VALUES ('WINDOW', :days, :by) RETURNING id""")
			.param("days", days)
			.param("by", actor())
			.query(Long.class)
			.single();
		this.auditLog.record("ATTRIBUTION_WINDOW_CHANGED", "attribution", "window",
				"window_days: " + before + " → " + days + "; re-attribution #" + rework + " queued");
		return true;
	}

	private static String actor() {
		var authentication = org.springframework.security.core.context.SecurityContextHolder.getContext()
			.getAuthentication();
		String name = (authentication != null) ? authentication.getName() : null;
		return (name == null || name.isBlank()) ? "system" : bounded(name, 100);
	}

	/**
	 * Records what an order event says about a paid order; unpaid orders are not
	 * attributed (GMV counts from payment).
	 * @return whether the rollup changed
	 */
	@Transactional
	boolean record(OrderSnapshot order) {
		if (order.times() == null || order.times().paidAt() == null || order.paidAmount() == null) {
			return false;
		}
		lock(order.id());
		Inputs inputs = Inputs.of(order);
		Instant paidAt = order.times().paidAt().truncatedTo(ChronoUnit.MICROS);
		ZoneId zone = this.shop.current().timeZone();
		Target target = attribute(inputs);
		Fact fact = new Fact(order.id(), order.channelCode(), LocalDate.ofInstant(paidAt, zone),
				order.paidAmount().setScale(2, RoundingMode.HALF_UP), target);
		Fact old = fact(order.id());
		if (fact.equals(old)) {
			return false;
		}
		if (old != null) {
			contribute(old, -1);
		}
		Instant placedAt = inputs.placedAt();
		this.jdbc
			.sql("""
					INSERT INTO attribution_order (order_id, order_number, channel_code, own_site, placed_at, paid_at,
					    pay_day, paid_amount, content_code, utm_source, utm_medium, utm_campaign, visitor_id, rule,
					    traffic_source, campaign_id, piece_id, group_id, activity_id, touch_event_id)
					VALUES (:id, :number, :channel, :ownSite, :placedAt, :paidAt, :day, :amount, :code, :source, :medium,
					    :campaign, :visitor, :rule, :traffic, :campaignId, :pieceId, :groupId, :activityId, :touchId)
					ON CONFLICT (order_id) DO UPDATE SET order_number = EXCLUDED.order_number,
					    channel_code = EXCLUDED.channel_code, own_site = EXCLUDED.own_site, placed_at = EXCLUDED.placed_at,
					    paid_at = EXCLUDED.paid_at, pay_day = EXCLUDED.pay_day, paid_amount = EXCLUDED.paid_amount,
					    content_code = EXCLUDED.content_code, utm_source = EXCLUDED.utm_source,
					    utm_medium = EXCLUDED.utm_medium, utm_campaign = EXCLUDED.utm_campaign,
					    visitor_id = EXCLUDED.visitor_id, rule = EXCLUDED.rule, traffic_source = EXCLUDED.traffic_source,
					    campaign_id = EXCLUDED.campaign_id, piece_id = EXCLUDED.piece_id, group_id = EXCLUDED.group_id,
					    activity_id = EXCLUDED.activity_id, touch_event_id = EXCLUDED.touch_event_id, recorded_at = now()""")
			.param("id", order.id())
			.param("number", order.number())
			.param("channel", order.channelCode())
			.param("ownSite", inputs.ownSite())
			.param("placedAt", (placedAt != null) ? Timestamp.from(placedAt) : null)
			.param("paidAt", Timestamp.from(paidAt))
			.param("day", fact.day())
			.param("amount", fact.amount())
			.param("code", inputs.contentCode())
			.param("source", inputs.utmSource())
			.param("medium", inputs.utmMedium())
			.param("campaign", inputs.utmCampaign())
			.param("visitor", inputs.visitorId())
			.param("rule", target.rule().name())
			.param("traffic", target.source().name())
			.param("campaignId", target.campaignId())
			.param("pieceId", target.pieceId())
			.param("groupId", target.groupId())
			.param("activityId", target.activityId())
			.param("touchId", target.touchEventId())
			.update();
		contribute(fact, 1);
		return true;
	}

	/**
	 * Records a batch of orders (imported history) in one transaction, each as
	 * {@link #record} does.
	 * @param orders the orders from one event
	 * @return how many changed the rollups
	 */
	@Transactional
	int recordAll(List<OrderSnapshot> orders) {
		// the rollup to this batch alone (the listeners hold its lock shared): batches
		// and
		// single orders meet on the same day rows in different orders
		this.jdbc.sql("SELECT pg_advisory_xact_lock(:space, 0)")
			.param("space", ROLLUP_LOCK_SPACE)
			.query((rs, n) -> 1)
			.single();
		int changed = 0;
		for (OrderSnapshot order : orders) {
			if (record(order)) {
				changed++;
			}
		}
		return changed;
	}

	/**
	 * Records a completed refund, once per after-sales request, on the day it was
	 * completed and for the attribution of its order (counted when the order's payment
	 * arrives if it has not yet).
	 * @return whether it was new
	 */
	@Transactional
	boolean refund(RefundCompleted refund) {
		lock(refund.orderId());
		Instant at = refund.at().truncatedTo(ChronoUnit.MICROS);
		LocalDate day = LocalDate.ofInstant(at, this.shop.current().timeZone());
		BigDecimal amount = refund.amount().setScale(2, RoundingMode.HALF_UP);
		int inserted = this.jdbc.sql("""
				INSERT INTO attribution_refund (request_id, order_id, amount, refunded_at, refund_day)
				VALUES (:id, :order, :amount, :at, :day) ON CONFLICT (request_id) DO NOTHING""")
			.param("id", refund.requestId())
			.param("order", refund.orderId())
			.param("amount", amount)
			.param("at", Timestamp.from(at))
			.param("day", day)
			.update();
		if (inserted == 0) {
			return false;
		}
		Fact fact = fact(refund.orderId());
		if (fact != null) {
			addRefund(fact, day, amount, 1);
		}
		return true;
	}

	/**
	 * Attributes an order by the rules, in order.
	 */
	Target attribute(Inputs inputs) {
		Target byCode = byContentCode(inputs.contentCode(), AttributionRule.CONTENT, null);
		if (byCode != null) {
			return byCode;
		}
		Target byCampaign = byCampaign(inputs.utmCampaign(), AttributionRule.CAMPAIGN, null);
		if (byCampaign != null) {
			return byCampaign;
		}
		if (inputs.utmSource() != null || inputs.utmMedium() != null || inputs.utmCampaign() != null) {
			// a campaign name alone that names no campaign is no direct visit
			TrafficSource source = (inputs.utmSource() == null && inputs.utmMedium() == null) ? TrafficSource.OTHER
					: TrafficClassifier
						.classify(this.rules.current(), inputs.utmSource(), inputs.utmMedium(), null, null)
						.source();
			return new Target(AttributionRule.UTM, source, 0, 0, 0, null, null);
		}
		if (inputs.ownSite() && inputs.visitorId() != null && inputs.placedAt() != null) {
			return byTouch(inputs.visitorId(), inputs.placedAt());
		}
		return new Target(AttributionRule.DIRECT, TrafficSource.DIRECT, 0, 0, 0, null, null);
	}

	private Target byTouch(String visitor, Instant placedAt) {
		return this.jdbc
			.sql("SELECT t.* FROM (SELECT CAST(:visitor AS varchar) AS visitor_id, "
					+ "CAST(:placedAt AS timestamptz) AS placed_at) o CROSS JOIN LATERAL (" + TOUCH_TARGET + ") t")
			.param("visitor", visitor)
			.param("placedAt", Timestamp.from(placedAt))
			.param("window", windowDays())
			.query((rs, n) -> target(rs))
			.single();
	}

	/** Reads a target as {@link #TOUCH_TARGET} names its columns. */
	static Target target(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Target(AttributionRule.valueOf(rs.getString("new_rule")),
				TrafficSource.valueOf(rs.getString("new_source")), rs.getLong("new_campaign"), rs.getLong("new_piece"),
				rs.getLong("new_group"), (Long) rs.getObject("new_activity", Long.class),
				(Long) rs.getObject("new_touch", Long.class));
	}

	private Target byContentCode(String code, AttributionRule rule, Long touch) {
		if (code == null) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT 'PIECE', id, 0 FROM content_piece WHERE tracking_code = :code
				UNION ALL SELECT 'GROUP', id, 0 FROM community_group WHERE tracking_code = :code
				UNION ALL SELECT 'ACTIVITY', group_id, id FROM community_activity WHERE tracking_code = :code
				UNION ALL SELECT 'CREATOR', 0, 0 FROM creator_cooperation WHERE tracking_code = :code
				LIMIT 1""").param("code", code).query((rs, n) -> switch (rs.getString(1)) {
			case "PIECE" -> new Target(rule, TrafficSource.CONTENT, 0, rs.getLong(2), 0, null, touch);
			case "GROUP" -> new Target(rule, TrafficSource.PRIVATE, 0, 0, rs.getLong(2), null, touch);
			// a creator's own code: content traffic, counted for the creator by
			// growth.creator
			case "CREATOR" -> new Target(rule, TrafficSource.CONTENT, 0, 0, 0, null, touch);
			default -> new Target(rule, TrafficSource.PRIVATE, 0, 0, rs.getLong(2), rs.getLong(3), touch);
		}).optional().orElse(null);
	}

	private Target byCampaign(String campaign, AttributionRule rule, Long touch) {
		if (campaign == null) {
			return null;
		}
		return this.jdbc.sql("""
				SELECT id FROM campaign WHERE lower(name) = lower(:name) OR external_id = :name
				ORDER BY (lower(name) = lower(:name)) DESC, id LIMIT 1""")
			.param("name", campaign)
			.query(Long.class)
			.optional()
			.map((id) -> new Target(rule, TrafficSource.PAID, id, 0, 0, null, touch))
			.orElse(null);
	}

	private void lock(long orderId) {
		this.jdbc
			.sql("SELECT pg_advisory_xact_lock_shared(:rollup, 0), "
					+ "pg_advisory_xact_lock(:space, hashtext(CAST(:order AS text)))")
			.param("rollup", ROLLUP_LOCK_SPACE)
			.param("space", LOCK_SPACE)
			.param("order", orderId)
			.query((rs, n) -> 1)
			.single();
	}

	private Fact fact(long orderId) {
		return this.jdbc.sql("""
				SELECT channel_code, pay_day, paid_amount, rule, traffic_source, campaign_id, piece_id, group_id,
				    activity_id, touch_event_id
				FROM attribution_order WHERE order_id = :id""")
			.param("id", orderId)
			.query((rs, n) -> new Fact(orderId, rs.getString(1), rs.getObject(2, LocalDate.class), rs.getBigDecimal(3),
					new Target(AttributionRule.valueOf(rs.getString(4)), TrafficSource.valueOf(rs.getString(5)),
							rs.getLong(6), rs.getLong(7), rs.getLong(8), (Long) rs.getObject(9, Long.class),
							(Long) rs.getObject(10, Long.class))))
			.optional()
			.orElse(null);
	}

	/** Adds (or with -1 takes away) an order and its refunds to the rollup. */
	private void contribute(Fact fact, int sign) {
		BigDecimal amount = (sign < 0) ? fact.amount().negate() : fact.amount();
		upsert(fact, fact.day(), sign, amount, 0, BigDecimal.ZERO);
		List<Refund> refunds = this.jdbc.sql("SELECT refund_day, amount FROM attribution_refund WHERE order_id = :id")
			.param("id", fact.orderId())
			.query((rs, n) -> new Refund(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
			.list();
		for (Refund refund : refunds) {
			addRefund(fact, refund.day(), refund.amount(), sign);
		}
	}

	private void addRefund(Fact fact, LocalDate day, BigDecimal amount, int sign) {
		upsert(fact, day, 0, BigDecimal.ZERO, sign, (sign < 0) ? amount.negate() : amount);
	}

	private void upsert(Fact fact, LocalDate day, int orders, BigDecimal gmv, int refunds, BigDecimal refundAmount) {
		Target target = fact.target();
		this.jdbc
			.sql("""
					INSERT INTO attribution_day (day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id,
					    orders, gmv, refunds, refund_amount)
					VALUES (:day, :channel, :rule, :source, :campaign, :piece, :group, :orders, :gmv, :refunds, :refundAmount)
					ON CONFLICT (day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id) DO UPDATE
					SET orders = attribution_day.orders + EXCLUDED.orders, gmv = attribution_day.gmv + EXCLUDED.gmv,
					    refunds = attribution_day.refunds + EXCLUDED.refunds,
					    refund_amount = attribution_day.refund_amount + EXCLUDED.refund_amount""")
			.param("day", day)
			.param("channel", fact.channel())
			.param("rule", target.rule().name())
			.param("source", target.source().name())
			.param("campaign", target.campaignId())
			.param("piece", target.pieceId())
			.param("group", target.groupId())
			.param("orders", orders)
			.param("gmv", gmv)
			.param("refunds", refunds)
			.param("refundAmount", refundAmount)
			.update();
	}

	/**
	 * A content code as attribution compares it: trimmed, upper case, at most 64
	 * characters.
	 */
	static String code(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		String normalized = code.strip().toUpperCase(Locale.ROOT);
		return (normalized.length() > MAX_CODE) ? normalized.substring(0, MAX_CODE) : normalized;
	}

	static String blankToNull(String value) {
		return (value == null || value.isBlank()) ? null : value.strip();
	}

	private static String bounded(String value, int max) {
		String text = blankToNull(value);
		return (text != null && text.length() > max) ? text.substring(0, max) : text;
	}

	/**
	 * What an order is attributed from.
	 */
	record Inputs(String contentCode, String utmSource, String utmMedium, String utmCampaign, String visitorId,
			boolean ownSite, Instant placedAt) {

		static Inputs of(OrderSnapshot order) {
			String source = (order.utm() != null) ? bounded(order.utm().source(), 100) : null;
			String medium = (order.utm() != null) ? bounded(order.utm().medium(), 100) : null;
			String campaign = (order.utm() != null) ? bounded(order.utm().campaign(), 200) : null;
			Instant placed = (order.times().placedAt() != null)
					? order.times().placedAt().truncatedTo(ChronoUnit.MICROS) : null;
			return new Inputs(code(order.contentCode()), source, medium, campaign, bounded(order.visitorId(), 64),
					order.platform() == SalesPlatform.OWN_SITE, placed);
		}

	}

	/**
	 * What an order is attributed to: the rule and the traffic source, and the campaign,
	 * content piece and community group (0 for none), the activity and the touch event.
	 */
	record Target(AttributionRule rule, TrafficSource source, long campaignId, long pieceId, long groupId,
			Long activityId, Long touchEventId) {
	}

	private record Fact(long orderId, String channel, LocalDate day, BigDecimal amount, Target target) {

		@Override
		public boolean equals(Object other) {
			return other instanceof Fact fact && this.orderId == fact.orderId
					&& Objects.equals(this.channel, fact.channel) && Objects.equals(this.day, fact.day)
					&& this.amount.compareTo(fact.amount) == 0 && Objects.equals(this.target, fact.target);
		}

		@Override
		public int hashCode() {
			return Objects.hash(this.orderId, this.channel, this.day, this.target);
		}

	}

	private record Refund(LocalDate day, BigDecimal amount) {
	}

}
