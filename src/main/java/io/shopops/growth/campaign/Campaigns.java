package io.shopops.growth.campaign;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.growth.campaign.CampaignViews.CampaignRef;
import io.shopops.growth.campaign.CampaignViews.CampaignRow;
import io.shopops.growth.campaign.CampaignViews.CampaignView;
import io.shopops.growth.campaign.CampaignViews.Day;
import io.shopops.growth.campaign.CampaignViews.DayNumbers;
import io.shopops.growth.campaign.CampaignViews.Outcome;
import io.shopops.growth.campaign.CampaignViews.PageOf;
import io.shopops.growth.campaign.CampaignViews.Recorded;
import io.shopops.platform.AuditLog;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Paid campaigns and their daily spend. A campaign-day has one row with one source, so a
 * day's spend is counted once: recording a day from another source replaces the row and
 * says so. Each change is one transaction with its audit entry.
 */
@Service
public class Campaigns {

	static final int PAGE_SIZE = 25;

	private static final String COLUMNS = """
			c.id, c.name, c.platform, c.channel_code, c.budget_total, c.daily_budget, c.start_date, c.end_date,
			c.status, c.version, c.external_id,
			coalesce(sum(s.spend), 0) AS spend, coalesce(sum(s.impressions), 0) AS impressions,
			coalesce(sum(s.clicks), 0) AS clicks, coalesce(sum(s.orders), 0) AS orders,
			coalesce(sum(s.gmv), 0) AS gmv,
			coalesce(sum(s.spend) FILTER (WHERE s.spend_date <= :today), 0) AS spent_to_date,
			max(s.spend) AS max_daily
			FROM campaign c LEFT JOIN campaign_spend s ON s.campaign_id = c.id""";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SalesChannels channels;

	Campaigns(JdbcClient jdbc, AuditLog audit, SalesChannels channels) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.channels = channels;
	}

	/**
	 * The ad spend of the campaigns over the days, of one sales channel's campaigns when
	 * a code is given.
	 * @param from the first day
	 * @param to the last day
	 * @param channelCode a sales channel's code, or null for all campaigns
	 * @return the spend, or empty when no campaign has any spend recorded at all
	 * (unknown)
	 */
	@Transactional(readOnly = true)
	public Optional<BigDecimal> adSpend(LocalDate from, LocalDate to, String channelCode) {
		String ofChannel = "(CAST(:channel AS VARCHAR) IS NULL"
				+ " OR upper(c.channel_code) = upper(CAST(:channel AS VARCHAR)))";
		boolean any = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM campaign_spend s JOIN campaign c ON c.id = s.campaign_id WHERE "
					+ ofChannel + ")")
			.param("channel", channelCode)
			.query(Boolean.class)
			.single();
		if (!any) {
			return Optional.empty();
		}
		return Optional.of(this.jdbc
			.sql("SELECT coalesce(sum(s.spend), 0) FROM campaign_spend s JOIN campaign c ON c.id = s.campaign_id"
					+ " WHERE s.spend_date BETWEEN :from AND :to AND " + ofChannel)
			.param("from", from)
			.param("to", to)
			.param("channel", channelCode)
			.query(BigDecimal.class)
			.single());
	}

	/**
	 * {@link #adSpend} of each day of a range in one grouped query: every day empty when
	 * no campaign (of the channel) has any spend, else the day's sum, 0 without rows.
	 */
	@Transactional(readOnly = true)
	public Map<LocalDate, Optional<BigDecimal>> dailyAdSpend(LocalDate from, LocalDate to, String channelCode) {
		String ofChannel = "(CAST(:channel AS VARCHAR) IS NULL"
				+ " OR upper(c.channel_code) = upper(CAST(:channel AS VARCHAR)))";
		boolean any = this.jdbc
			.sql("SELECT EXISTS (SELECT 1 FROM campaign_spend s JOIN campaign c ON c.id = s.campaign_id WHERE "
					+ ofChannel + ")")
			.param("channel", channelCode)
			.query(Boolean.class)
			.single();
		Map<LocalDate, BigDecimal> spent = new HashMap<>();
		if (any) {
			this.jdbc
				.sql("SELECT s.spend_date, sum(s.spend) FROM campaign_spend s JOIN campaign c ON c.id = s.campaign_id"
						+ " WHERE s.spend_date BETWEEN :from AND :to AND " + ofChannel + " GROUP BY 1")
				.param("from", from)
				.param("to", to)
				.param("channel", channelCode)
				.query((rs, n) -> spent.put(rs.getObject(1, LocalDate.class), rs.getBigDecimal(2)))
				.list();
		}
		Map<LocalDate, Optional<BigDecimal>> days = new LinkedHashMap<>();
		BigDecimal zero = BigDecimal.ZERO.setScale(2);
		for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
			days.put(day, any ? Optional.of(spent.getOrDefault(day, zero)) : Optional.empty());
		}
		return days;
	}

	List<SalesChannel> channels() {
		return this.channels.list();
	}

	@Transactional
	long create(CampaignForm form) {
		String channel = channel(form.getChannelCode());
		long id;
		try {
			id = this.jdbc
				.sql("""
						INSERT INTO campaign (name, platform, channel_code, budget_total, daily_budget, start_date,
						    end_date, status, external_id)
						VALUES (:name, :platform, :channel, :budget, :daily, :start, :end, :status, :external) RETURNING id""")
				.param("name", form.getName().strip())
				.param("external", externalId(form))
				.param("platform", form.getPlatform().name())
				.param("channel", channel)
				.param("budget", form.getBudgetTotal())
				.param("daily", form.getDailyBudget())
				.param("start", form.getStartDate())
				.param("end", form.getEndDate())
				.param("status", form.getStatus().name())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException ex) {
			throw taken(ex, form);
		}
		this.audit.record("CAMPAIGN_CREATED", "campaign", Long.toString(id),
				"name=" + form.getName().strip() + " platform=" + form.getPlatform() + " budget="
						+ form.getBudgetTotal().toPlainString() + " dates=" + form.getStartDate() + "…"
						+ form.getEndDate());
		return id;
	}

	@Transactional
	void update(long id, CampaignForm form) {
		long version = lock(id);
		if (version != form.getVersion()) {
			throw new OptimisticLockingFailureException("campaign " + id + " changed");
		}
		String channel = channel(form.getChannelCode());
		LocalDate[] outside = this.jdbc
			.sql("SELECT min(spend_date), max(spend_date) FROM campaign_spend WHERE campaign_id = :id")
			.param("id", id)
			.query((rs, n) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
			.single();
		if (outside[0] != null && (outside[0].isBefore(form.getStartDate()) || outside[1].isAfter(form.getEndDate()))) {
			throw new CampaignFormException("startDate", "campaign.form.dates.spendOutside", outside[0], outside[1]);
		}
		try {
			this.jdbc.sql("""
					UPDATE campaign SET name = :name, platform = :platform, channel_code = :channel,
					    budget_total = :budget, daily_budget = :daily, start_date = :start, end_date = :end,
					    status = :status, external_id = :external, updated_at = now(), version = version + 1
					WHERE id = :id""")
				.param("name", form.getName().strip())
				.param("external", externalId(form))
				.param("platform", form.getPlatform().name())
				.param("channel", channel)
				.param("budget", form.getBudgetTotal())
				.param("daily", form.getDailyBudget())
				.param("start", form.getStartDate())
				.param("end", form.getEndDate())
				.param("status", form.getStatus().name())
				.param("id", id)
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw taken(ex, form);
		}
		this.audit.record("CAMPAIGN_UPDATED", "campaign", Long.toString(id), "name=" + form.getName().strip()
				+ " status=" + form.getStatus() + " budget=" + form.getBudgetTotal().toPlainString());
	}

	/**
	 * Records a campaign-day's numbers from a source. The day keeps one source: numbers
	 * from another source replace the row.
	 * @throws CampaignFormException for a day outside the campaign's dates
	 */
	@Transactional
	Recorded record(long id, LocalDate date, DayNumbers numbers, SpendSource source) {
		lock(id);
		Recorded recorded = write(id, date, numbers, source);
		String detail = "date=" + date + " spend=" + numbers.spend().toPlainString() + " source=" + source;
		if (recorded.outcome() == Outcome.REPLACED) {
			this.audit.record("CAMPAIGN_SPEND_REPLACED", "campaign", Long.toString(id),
					detail + " replaced=" + recorded.previous());
		}
		else if (recorded.outcome() != Outcome.UNCHANGED) {
			this.audit.record("CAMPAIGN_SPEND_RECORDED", "campaign", Long.toString(id), detail);
		}
		return recorded;
	}

	/**
	 * Writes a campaign-day without an audit entry, for a caller that audits the whole
	 * batch (the ad report import) and holds the campaign's {@link #lock}.
	 */
	Recorded write(long id, LocalDate date, DayNumbers numbers, SpendSource source) {
		LocalDate[] dates = this.jdbc.sql("SELECT start_date, end_date FROM campaign WHERE id = :id")
			.param("id", id)
			.query((rs, n) -> new LocalDate[] { rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class) })
			.single();
		if (date.isBefore(dates[0]) || date.isAfter(dates[1])) {
			throw new CampaignFormException("date", "campaign.spend.date.outside", dates[0], dates[1]);
		}
		Optional<Day> existing = this.jdbc.sql("""
				SELECT spend_date, spend, impressions, clicks, orders, gmv, source FROM campaign_spend
				WHERE campaign_id = :id AND spend_date = :date FOR UPDATE""")
			.param("id", id)
			.param("date", date)
			.query(Campaigns::day)
			.optional();
		DayNumbers scaled = new DayNumbers(numbers.spend().setScale(2), numbers.impressions(), numbers.clicks(),
				numbers.orders(), numbers.gmv().setScale(2));
		if (existing.isPresent() && existing.get().source() == source && existing.get().numbers().equals(scaled)) {
			return new Recorded(Outcome.UNCHANGED, source);
		}
		this.jdbc.sql("""
				INSERT INTO campaign_spend (campaign_id, spend_date, spend, impressions, clicks, orders, gmv, source)
				VALUES (:id, :date, :spend, :impressions, :clicks, :orders, :gmv, :source)
				ON CONFLICT (campaign_id, spend_date) DO UPDATE SET spend = EXCLUDED.spend,
				    impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks, orders = EXCLUDED.orders,
				    gmv = EXCLUDED.gmv, source = EXCLUDED.source, updated_at = now()""")
			.param("id", id)
			.param("date", date)
			.param("spend", scaled.spend())
			.param("impressions", scaled.impressions())
			.param("clicks", scaled.clicks())
			.param("orders", scaled.orders())
			.param("gmv", scaled.gmv())
			.param("source", source.name())
			.update();
		if (existing.isEmpty()) {
			return new Recorded(Outcome.ADDED, null);
		}
		SpendSource previous = existing.get().source();
		return new Recorded((previous == source) ? Outcome.UPDATED : Outcome.REPLACED, previous);
	}

	/**
	 * Removes a campaign-day.
	 * @return whether there was such a day
	 */
	@Transactional
	boolean deleteDay(long id, LocalDate date) {
		lock(id);
		Optional<Day> existing = this.jdbc.sql("""
				DELETE FROM campaign_spend WHERE campaign_id = :id AND spend_date = :date
				RETURNING spend_date, spend, impressions, clicks, orders, gmv, source""")
			.param("id", id)
			.param("date", date)
			.query(Campaigns::day)
			.optional();
		existing.ifPresent((day) -> this.audit.record("CAMPAIGN_SPEND_DELETED", "campaign", Long.toString(id),
				"date=" + date + " spend=" + day.numbers().spend().toPlainString() + " source=" + day.source()));
		return existing.isPresent();
	}

	@Transactional(readOnly = true)
	PageOf<CampaignRow> page(int pageNumber, LocalDate today) {
		long total = this.jdbc.sql("SELECT count(*) FROM campaign").query(Long.class).single();
		int pages = (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
		int page = Math.min(Math.max(1, pageNumber), pages);
		List<CampaignRow> rows = this.jdbc
			.sql("SELECT " + COLUMNS
					+ " GROUP BY c.id ORDER BY c.start_date DESC, c.id DESC LIMIT :limit OFFSET :offset")
			.param("today", today)
			.param("limit", PAGE_SIZE)
			.param("offset", (page - 1) * PAGE_SIZE)
			.query((rs, n) -> row(rs, today))
			.list();
		return new PageOf<>(rows, page, pages, total);
	}

	/**
	 * The totals over every campaign.
	 */
	@Transactional(readOnly = true)
	DayNumbers totals() {
		return this.jdbc.sql("""
				SELECT coalesce(sum(spend), 0), coalesce(sum(impressions), 0), coalesce(sum(clicks), 0),
				       coalesce(sum(orders), 0), coalesce(sum(gmv), 0) FROM campaign_spend""")
			.query((rs, n) -> new DayNumbers(rs.getBigDecimal(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					rs.getBigDecimal(5)))
			.single();
	}

	@Transactional(readOnly = true)
	Optional<CampaignView> find(long id, LocalDate today) {
		Optional<CampaignRow> row = this.jdbc.sql("SELECT " + COLUMNS + " WHERE c.id = :id GROUP BY c.id")
			.param("today", today)
			.param("id", id)
			.query((rs, n) -> row(rs, today))
			.optional();
		return row.map((campaign) -> new CampaignView(campaign, this.jdbc.sql("""
				SELECT spend_date, spend, impressions, clicks, orders, gmv, source FROM campaign_spend
				WHERE campaign_id = :id ORDER BY spend_date DESC""").param("id", id).query(Campaigns::day).list()));
	}

	/**
	 * Finds a campaign by name, ignoring case.
	 */
	@Transactional(readOnly = true)
	Optional<Long> findByName(String name) {
		return this.jdbc.sql("SELECT id FROM campaign WHERE lower(name) = lower(:name)")
			.param("name", name.strip())
			.query(Long.class)
			.optional();
	}

	long lock(long id) {
		return this.jdbc.sql("SELECT version FROM campaign WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new CampaignNotFoundException(id));
	}

	/**
	 * Every campaign as an import matches rows to them.
	 */
	@Transactional(readOnly = true)
	List<CampaignRef> refs() {
		return this.jdbc.sql("SELECT id, name, platform, external_id, start_date, end_date FROM campaign ORDER BY id")
			.query((rs, n) -> new CampaignRef(rs.getLong("id"), rs.getString("name"),
					AdPlatform.valueOf(rs.getString("platform")), rs.getString("external_id"),
					rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)))
			.list();
	}

	/**
	 * The newest campaigns, for the import page's pick list.
	 */
	@Transactional(readOnly = true)
	List<CampaignRef> recent(int limit) {
		return this.jdbc
			.sql("SELECT id, name, platform, external_id, start_date, end_date FROM campaign"
					+ " ORDER BY start_date DESC, id DESC LIMIT :limit")
			.param("limit", limit)
			.query((rs, n) -> new CampaignRef(rs.getLong("id"), rs.getString("name"),
					AdPlatform.valueOf(rs.getString("platform")), rs.getString("external_id"),
					rs.getObject("start_date", LocalDate.class), rs.getObject("end_date", LocalDate.class)))
			.list();
	}

	private static String externalId(CampaignForm form) {
		String id = form.getExternalId();
		return (id == null || id.isBlank()) ? null : id.strip();
	}

	private static CampaignFormException taken(DuplicateKeyException ex, CampaignForm form) {
		if (String.valueOf(ex.getMessage()).contains("campaign_external_id_uk")) {
			return new CampaignFormException("externalId", "campaign.form.externalId.taken", externalId(form));
		}
		return new CampaignFormException("name", "campaign.form.name.taken", form.getName().strip());
	}

	private String channel(String code) {
		if (code == null || code.isBlank()) {
			return null;
		}
		return this.channels.find(code.strip())
			.map(SalesChannel::code)
			.orElseThrow(() -> new CampaignFormException("channelCode", "campaign.form.channel.unknown",
					code.strip().toUpperCase(Locale.ROOT)));
	}

	private static Day day(ResultSet rs, int n) throws SQLException {
		return new Day(
				rs.getObject("spend_date", LocalDate.class), new DayNumbers(rs.getBigDecimal("spend"),
						rs.getLong("impressions"), rs.getLong("clicks"), rs.getLong("orders"), rs.getBigDecimal("gmv")),
				SpendSource.valueOf(rs.getString("source")));
	}

	private static CampaignRow row(ResultSet rs, LocalDate today) throws SQLException {
		BigDecimal budget = rs.getBigDecimal("budget_total");
		BigDecimal daily = rs.getBigDecimal("daily_budget");
		LocalDate start = rs.getObject("start_date", LocalDate.class);
		LocalDate end = rs.getObject("end_date", LocalDate.class);
		DayNumbers totals = new DayNumbers(rs.getBigDecimal("spend"), rs.getLong("impressions"), rs.getLong("clicks"),
				rs.getLong("orders"), rs.getBigDecimal("gmv"));
		return new CampaignRow(rs.getLong("id"), rs.getString("name"), AdPlatform.valueOf(rs.getString("platform")),
				rs.getString("channel_code"), budget, daily, start, end, CampaignStatus.valueOf(rs.getString("status")),
				rs.getLong("version"), rs.getString("external_id"), totals, CampaignFigures.pacing(budget, daily, start,
						end, today, rs.getBigDecimal("spent_to_date"), rs.getBigDecimal("max_daily")));
	}

}
