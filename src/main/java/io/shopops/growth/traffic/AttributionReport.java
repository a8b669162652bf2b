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

	/**
	 * Every breakdown of a range in one pass over its rollup rows: the totals and the
	 * sums by channel, traffic source, campaign, piece, group and rule.
	 */
	private static final String BREAKDOWNS = """
			SELECT GROUPING(channel_code, traffic_source, campaign_id, piece_id, group_id, rule) AS g,
			       channel_code, traffic_source, campaign_id, piece_id, group_id, rule,
			       sum(orders) AS orders, sum(gmv) AS gmv, sum(refunds) AS refunds, sum(refund_amount) AS refund_amount
			FROM attribution_day WHERE day BETWEEN :from AND :to
			GROUP BY GROUPING SETS ((), (channel_code), (traffic_source), (campaign_id), (piece_id), (group_id), (rule))""";

	/**
	 * {@code GROUPING(...)} of each set: a bit per column, set when it is not grouped.
	 */
	private static final int TOTAL = 0b111111;

	private static final int BY_CHANNEL = 0b011111;

	private static final int BY_SOURCE = 0b101111;

	private static final int BY_CAMPAIGN = 0b110111;

	private static final int BY_PIECE = 0b111011;

	private static final int BY_GROUP = 0b111101;

	private static final int BY_RULE = 0b111110;

	private final JdbcClient jdbc;

	private final SalesChannels channels;

	private final AttributionCache cache;

	AttributionReport(JdbcClient jdbc, SalesChannels channels, AttributionCache cache) {
		this.jdbc = jdbc;
		this.channels = channels;
		this.cache = cache;
	}

	@Transactional(readOnly = true)
	Report report(LocalDate from, LocalDate to) {
		Sums sums = this.cache.get(from, to, () -> sums(from, to));
		// spend and names are read every time: campaigns, pieces and groups change
		// without touching the rollup
		Map<Long, BigDecimal> campaignSpend = new HashMap<>();
		Map<String, BigDecimal> channelSpend = new HashMap<>();
		Map<Long, String> campaignNames = new HashMap<>();
		Map<Long, String> pieceNames = new HashMap<>();
		Map<Long, String> groupNames = new HashMap<>();
		this.jdbc
			.sql("""
					SELECT 'S', c.id, c.name, c.channel_code, sum(s.spend) FROM campaign_spend s
					JOIN campaign c ON c.id = s.campaign_id
					WHERE s.spend_date BETWEEN :from AND :to GROUP BY c.id, c.name, c.channel_code
					UNION ALL SELECT 'C', id, name, NULL, NULL FROM campaign WHERE id = ANY(CAST(:campaigns AS bigint[]))
					UNION ALL SELECT 'P', id, tracking_code || ' · ' || title, NULL, NULL FROM content_piece
					    WHERE id = ANY(CAST(:pieces AS bigint[]))
					UNION ALL SELECT 'G', id, name, NULL, NULL FROM community_group WHERE id = ANY(CAST(:groups AS bigint[]))""")
			.param("from", from)
			.param("to", to)
			.param("campaigns", ids(sums.campaigns()))
			.param("pieces", ids(sums.pieces()))
			.param("groups", ids(sums.groups()))
			.query((rs) -> {
				long id = rs.getLong(2);
				switch (rs.getString(1)) {
					case "S" -> {
						campaignNames.put(id, rs.getString(3));
						String channel = (rs.getString(4) != null) ? rs.getString(4) : "";
						campaignSpend.put(id, rs.getBigDecimal(5));
						channelSpend.merge(channel, rs.getBigDecimal(5), BigDecimal::add);
					}
					case "C" -> campaignNames.put(id, rs.getString(3));
					case "P" -> pieceNames.put(id, rs.getString(3));
					default -> groupNames.put(id, rs.getString(3));
				}
			});
		BigDecimal totalSpend = campaignSpend.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
		Line totals = sums.totals().with(null, totalSpend);

		Map<String, String> channelNames = new HashMap<>();
		for (SalesChannel channel : this.channels.list()) {
			channelNames.put(channel.code(), channel.name());
		}
		Map<String, Line> channelLines = new LinkedHashMap<>();
		for (Line line : sums.channels()) {
			String code = line.key();
			channelLines.put(code, line.with(channelNames.get(code), channelSpend.get(code)));
		}
		channelSpend.forEach((code, spend) -> channelLines.computeIfAbsent(code,
				(c) -> Line.empty(c, c.isEmpty() ? null : channelNames.get(c)).with(null, spend)));

		List<Line> sources = new ArrayList<>();
		Map<String, Line> bySource = new HashMap<>();
		for (Line line : sums.sources()) {
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
		for (Line line : sums.campaigns()) {
			long id = Long.parseLong(line.key());
			campaignLines.put(line.key(), line.with(campaignNames.get(id), campaignSpend.get(id)));
		}
		campaignSpend.forEach((id, spend) -> campaignLines.computeIfAbsent(String.valueOf(id),
				(key) -> Line.empty(key, campaignNames.get(id)).with(null, spend)));

		List<Line> rules = new ArrayList<>();
		Map<String, Line> byRule = new HashMap<>();
		for (Line line : sums.rules()) {
			byRule.put(line.key(), line);
		}
		for (AttributionRule rule : AttributionRule.values()) {
			Line line = byRule.get(rule.name());
			if (line != null) {
				rules.add(line);
			}
		}
		return new Report(from, to, totals, sorted(channelLines.values()), sources, sorted(campaignLines
			.values()), sorted(
					sums.pieces().stream().map((l) -> l.with(pieceNames.get(Long.parseLong(l.key())), null)).toList()),
				sorted(sums.groups()
					.stream()
					.map((l) -> l.with(groupNames.get(Long.parseLong(l.key())), null))
					.toList()),
				rules);
	}

	/**
	 * The rollup's sums of a range, in one statement; lines whose sums are all zero (an
	 * order that moved away by re-attribution or an amount change) are left out.
	 */
	private Sums sums(LocalDate from, LocalDate to) {
		List<Line> channels = new ArrayList<>();
		List<Line> sources = new ArrayList<>();
		List<Line> campaigns = new ArrayList<>();
		List<Line> pieces = new ArrayList<>();
		List<Line> groups = new ArrayList<>();
		List<Line> rules = new ArrayList<>();
		Line[] totals = { Line.empty("total", null) };
		this.jdbc.sql(BREAKDOWNS).param("from", from).param("to", to).query((rs) -> {
			int set = rs.getInt("g");
			if (set == TOTAL) {
				totals[0] = line("total", rs);
				return;
			}
			if (rs.getLong("orders") == 0 && rs.getLong("refunds") == 0 && rs.getBigDecimal("gmv").signum() == 0
					&& rs.getBigDecimal("refund_amount").signum() == 0) {
				return;
			}
			switch (set) {
				case BY_CHANNEL -> channels.add(line(rs.getString("channel_code"), rs));
				case BY_SOURCE -> sources.add(line(rs.getString("traffic_source"), rs));
				case BY_CAMPAIGN -> add(campaigns, rs.getLong("campaign_id"), rs);
				case BY_PIECE -> add(pieces, rs.getLong("piece_id"), rs);
				case BY_GROUP -> add(groups, rs.getLong("group_id"), rs);
				case BY_RULE -> rules.add(line(rs.getString("rule"), rs));
				default -> throw new IllegalStateException("grouping " + set);
			}
		});
		return new Sums(totals[0], List.copyOf(channels), List.copyOf(sources), List.copyOf(campaigns),
				List.copyOf(pieces), List.copyOf(groups), List.copyOf(rules));
	}

	private static void add(List<Line> lines, long id, ResultSet rs) throws SQLException {
		if (id != 0) {
			lines.add(line(String.valueOf(id), rs));
		}
	}

	private static Long[] ids(List<Line> lines) {
		return lines.stream().map((l) -> Long.valueOf(l.key())).toArray(Long[]::new);
	}

	private static List<Line> sorted(java.util.Collection<Line> lines) {
		return lines.stream()
			.sorted(Comparator.comparing(Line::gmv)
				.reversed()
				.thenComparing(Line::spendOrZero, Comparator.reverseOrder())
				.thenComparing(Line::key))
			.toList();
	}

	private static Line line(String key, ResultSet rs) throws SQLException {
		return new Line(key, null, rs.getLong("orders"), money(rs.getBigDecimal("gmv")), rs.getLong("refunds"),
				money(rs.getBigDecimal("refund_amount")), null);
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
	 * What the cache keeps of a range: the rollup's sums, without names or spend.
	 */
	record Sums(Line totals, List<Line> channels, List<Line> sources, List<Line> campaigns, List<Line> pieces,
			List<Line> groups, List<Line> rules) {
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
