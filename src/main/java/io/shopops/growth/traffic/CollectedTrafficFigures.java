package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import io.shopops.dashboard.TrafficFigures;
import io.shopops.growth.campaign.Campaigns;
import io.shopops.platform.ShopSettings;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The KPI page's visitors from the events the shop's own sites send to {@code /collect}:
 * UV is the distinct visitor ids with at least one page or product view over the days
 * (distinct over the whole range), PV the page and product views. The figures are known
 * for days that collection covers — some event before the range's end and some at or
 * after its start — and unknown otherwise (days before the first event or after the last,
 * e.g. in the future), so the dashboard shows "—" instead of a made-up 0. Own-site events
 * belong to no sales channel, so a channel's figures are unknown until channel statistics
 * are imported. Ad spend is the paid campaigns' daily spend ({@link Campaigns}).
 */
@Component
class CollectedTrafficFigures implements TrafficFigures {

	private final JdbcClient jdbc;

	private final ShopSettings settings;

	private final Campaigns campaigns;

	CollectedTrafficFigures(JdbcClient jdbc, ShopSettings settings, Campaigns campaigns) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.campaigns = campaigns;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Visits> visits(LocalDate from, LocalDate to, String channelCode) {
		if (channelCode != null) {
			return Optional.empty();
		}
		ZoneId zone = this.settings.current().timeZone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		if (!covered(start, end)) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				SELECT count(DISTINCT visitor_id), count(*) FROM traffic_event
				WHERE occurred_at >= :start AND occurred_at < :end AND type IN ('page_view', 'product_view')""")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new Visits(rs.getLong(1), rs.getLong(2)))
			.single());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Funnel> funnel(LocalDate from, LocalDate to) {
		ZoneId zone = this.settings.current().timeZone();
		Timestamp start = Timestamp.from(from.atStartOfDay(zone).toInstant());
		Timestamp end = Timestamp.from(to.plusDays(1).atStartOfDay(zone).toInstant());
		if (!covered(start, end)) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc.sql("""
				SELECT count(DISTINCT visitor_id),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'product_view'),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'add_to_cart'),
				  count(DISTINCT visitor_id) FILTER (WHERE type = 'checkout')
				FROM traffic_event WHERE occurred_at >= :start AND occurred_at < :end""")
			.param("start", start)
			.param("end", end)
			.query((rs, n) -> new Funnel(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single());
	}

	/**
	 * Whether collection covers the days: some event before their end and some at or
	 * after their start.
	 */
	private boolean covered(Timestamp start, Timestamp end) {
		return this.jdbc.sql("""
				SELECT EXISTS (SELECT 1 FROM traffic_event WHERE occurred_at < :end)
				  AND EXISTS (SELECT 1 FROM traffic_event WHERE occurred_at >= :start)""")
			.param("start", start)
			.param("end", end)
			.query(Boolean.class)
			.single();
	}

	@Override
	public Optional<BigDecimal> adSpend(LocalDate from, LocalDate to, String channelCode) {
		// unknown (never a made-up 0) until some campaign has spend recorded
		return this.campaigns.adSpend(from, to, channelCode);
	}

}
