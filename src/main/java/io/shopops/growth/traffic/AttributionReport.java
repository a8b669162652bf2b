package io.shopops.growth.traffic;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where a range of shop days' GMV came from, read from the attribution rollup
 * ({@code attribution_day}) and the campaigns' daily spend: by sales channel, traffic
 * source, campaign, content piece, community group and rule. GMV counts paid orders on
 * their payment day, refunds on the day they were completed, as on the KPI page, so the
 * totals are the KPI page's GMV and refund amount of the range.
 */
@Service
class AttributionReport {

	private static final String SUMS = """
			sum(orders) AS orders, sum(gmv) AS gmv, sum(refunds) AS refunds, sum(refund_amount) AS refund_amount
			FROM attribution_day WHERE day BETWEEN :from AND :to""";

	private final JdbcClient jdbc;

	private final SalesChannels channels;

	AttributionReport(JdbcClient jdbc, SalesChannels channels) {
		this.jdbc = jdbc;
		this.channels = channels;
	}

	@Transactional(readOnly = true)
	Report report(LocalDate from, LocalDate to) {
		Map<Long, BigDecimal> campaignSpend = new HashMap<>();
		Map<String, BigDecimal> channelSpend = new HashMap<>();
		Map<Long, String> campaignNames = new HashMap<>();
		Map<Long, String> campaignChannels = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT c.id, c.name, c.channel_code, sum(s.spend) FROM campaign_spend s JOIN campaign c ON c.id = s.campaign_id
					WHERE s.spend_date BETWEEN :from AND :to GROUP BY c.id, c.name, c.channel_code""")
			.param("from", from)
			.param("to", to)
			.query((rs) -> {
				long id = rs.getLong(1);
				campaignNames.put(id, rs.getString(2));
				String channel = (rs.getString(3) != null) ? rs.getString(3) : "";
				campaignChannels.put(id, channel);
				campaignSpend.put(id, rs.getBigDecimal(4));
				channelSpend.merge(channel, rs.getBigDecimal(4), BigDecimal::add);
			});
		BigDecimal totalSpend = campaignSpend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);

		Line totals = this.jdbc.sql("SELECT " + SUMS)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> line("total", null, rs, totalSpend))
			.single();

		Map<String, String> channelNames = new HashMap<>();
		for (SalesChannel channel : this.channels.list()) {
			channelNames.put(channel.code(), channel.name());
		}
		Map<String, Line> channelLines = new LinkedHashMap<>();
		for (Line line : group("channel_code", from, to)) {
			String code = line.key();
			channelLines.put(code, line.with(channelNames.get(code), channelSpend.get(code)));
		}
		channelSpend.forEach((code, spend) -> channelLines.computeIfAbsent(code,
				(c) -> Line.empty(c, c.isEmpty() ? null : channelNames.get(c)).with(null, spend)));

		List<Line> sources = new ArrayList<>();
		Map<String, Line> bySource = new HashMap<>();
		for (Line line : group("traffic_source", from, to)) {
			bySource.put(line.key(), line);
		}
		for (TrafficSource source : TrafficSource.values()) {
			Line line = bySource.get(source.name());
			BigDecimal spend = (source == TrafficSource.PAID && totalSpend.signum() > 0) ? totalSpend : null;
			if (line == null && spend != null) {
				line = Line.empty(source.name(), null);
			}
			if (line != null) {
				sources.add(line.with(null, spend));
			}
		}

		Map<String, Line> campaignLines = new LinkedHashMap<>();
		List<Line> attributed = group("campaign_id", "campaign_id <> 0", from, to);
		Map<Long, String> names = names("campaign", "name", attributed);
		for (Line line : attributed) {
			long id = Long.parseLong(line.key());
			campaignLines.put(line.key(), line.with(names.get(id), campaignSpend.get(id)));
		}
		campaignSpend.forEach((id, spend) -> campaignLines.computeIfAbsent(String.valueOf(id),
				(key) -> Line.empty(key, campaignNames.get(id)).with(null, spend)));

		List<Line> pieces = group("piece_id", "piece_id <> 0", from, to);
		Map<Long, String> pieceNames = this.jdbc
			.sql("SELECT id, tracking_code || ' · ' || title FROM content_piece WHERE id IN (:ids)")
			.param("ids", ids(pieces))
			.query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
			.list()
			.stream()
			.collect(HashMap::new, (map, e) -> map.put(e.getKey(), e.getValue()), HashMap::putAll);
		List<Line> groups = group("group_id", "group_id <> 0", from, to);
		Map<Long, String> groupNames = names("community_group", "name", groups);

		List<Line> rules = new ArrayList<>();
		Map<String, Line> byRule = new HashMap<>();
		for (Line line : group("rule", from, to)) {
			byRule.put(line.key(), line);
		}
		for (AttributionRule rule : AttributionRule.values()) {
			Line line = byRule.get(rule.name());
			if (line != null) {
				rules.add(line);
			}
		}
		return new Report(from, to, totals, sorted(channelLines.values()), sources, sorted(campaignLines.values()),
				sorted(pieces.stream().map((l) -> l.with(pieceNames.get(Long.parseLong(l.key())), null)).toList()),
				sorted(groups.stream().map((l) -> l.with(groupNames.get(Long.parseLong(l.key())), null)).toList()),
				rules);
	}

	private List<Line> group(String column, LocalDate from, LocalDate to) {
		return group(column, null, from, to);
	}

	private List<Line> group(String column, String condition, LocalDate from, LocalDate to) {
		return this.jdbc
			.sql("SELECT " + column + ", " + SUMS + ((condition != null) ? " AND " + condition : "") + " GROUP BY "
					+ column)
			.param("from", from)
			.param("to", to)
			.query((rs, n) -> line(rs.getString(1), null, rs, null))
			.list();
	}

	private Map<Long, String> names(String table, String column, List<Line> lines) {
		Map<Long, String> names = new HashMap<>();
		if (lines.isEmpty()) {
			return names;
		}
		this.jdbc.sql("SELECT id, " + column + " FROM " + table + " WHERE id IN (:ids)")
			.param("ids", ids(lines))
			.query((rs) -> {
				names.put(rs.getLong(1), rs.getString(2));
			});
		return names;
	}

	private static List<Long> ids(List<Line> lines) {
		List<Long> ids = new ArrayList<>(lines.stream().map((l) -> Long.parseLong(l.key())).toList());
		if (ids.isEmpty()) {
			ids.add(-1L);
		}
		return ids;
	}

	private static List<Line> sorted(java.util.Collection<Line> lines) {
		return lines.stream()
			.sorted(Comparator.comparing(Line::gmv)
				.reversed()
				.thenComparing(Line::spendOrZero, Comparator.reverseOrder())
				.thenComparing(Line::key))
			.toList();
	}

	private static Line line(String key, String label, ResultSet rs, BigDecimal spend) throws SQLException {
		return new Line(key, label, rs.getLong("orders"), money(rs.getBigDecimal("gmv")), rs.getLong("refunds"),
				money(rs.getBigDecimal("refund_amount")), spend);
	}

	private static BigDecimal money(BigDecimal value) {
		return (value != null) ? value.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO.setScale(2);
	}

	/**
	 * One row of a breakdown.
	 *
	 * @param key the code, name or id of what it is about
	 * @param label its name to show, or {@code null}
	 * @param orders paid orders of the range
	 * @param gmv their GMV, by payment day
	 * @param refunds refunds completed in the range
	 * @param refundAmount their amount
	 * @param spend the campaigns' spend of the range, {@code null} when none applies
	 */
	record Line(String key, String label, long orders, BigDecimal gmv, long refunds, BigDecimal refundAmount,
			BigDecimal spend) {

		static Line empty(String key, String label) {
			return new Line(key, label, 0, money(null), 0, money(null), null);
		}

		Line with(String label, BigDecimal spend) {
			return new Line(this.key, (label != null) ? label : this.label, this.orders, this.gmv, this.refunds,
					this.refundAmount, (spend != null) ? money(spend) : this.spend);
		}

		public BigDecimal net() {
			return this.gmv.subtract(this.refundAmount);
		}

		/** Net GMV ÷ spend, two decimals; null without spend. */
		public BigDecimal roi() {
			if (this.spend == null || this.spend.signum() == 0) {
				return null;
			}
			return net().divide(this.spend, 2, RoundingMode.HALF_UP);
		}

		/** GMV ÷ spend (the shop's ROI), two decimals; null without spend. */
		public BigDecimal grossRoi() {
			if (this.spend == null || this.spend.signum() == 0) {
				return null;
			}
			return this.gmv.divide(this.spend, 2, RoundingMode.HALF_UP);
		}

		BigDecimal spendOrZero() {
			return (this.spend != null) ? this.spend : BigDecimal.ZERO;
		}

	}

	/**
	 * The breakdowns of a range.
	 */
	record Report(LocalDate from, LocalDate to, Line totals, List<Line> channels, List<Line> sources,
			List<Line> campaigns, List<Line> pieces, List<Line> groups, List<Line> rules) {

		/** How many rows of a breakdown the page shows; the CSV export has them all. */
		public static final int TOP = 20;

		public boolean isEmpty() {
			return this.totals.orders() == 0 && this.totals.refunds() == 0 && this.campaigns.isEmpty();
		}

		/** The first {@link #TOP} rows (by GMV) of a breakdown. */
		public List<Line> top(List<Line> lines) {
			return (lines.size() > TOP) ? lines.subList(0, TOP) : lines;
		}

	}

}
