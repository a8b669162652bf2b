package io.shopops.growth.campaign;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.shopops.growth.campaign.AdReport.Columns;
import io.shopops.growth.campaign.AdReport.Layout;
import io.shopops.growth.campaign.AdReport.Opened;
import io.shopops.growth.campaign.CampaignViews.CampaignRef;
import io.shopops.growth.campaign.CampaignViews.DayNumbers;
import io.shopops.growth.campaign.CampaignViews.Outcome;
import io.shopops.growth.campaign.CampaignViews.Recorded;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the ad platforms' spend reports as the {@code ad-spend} import kind, each as
 * downloaded and saved as CSV: 万相台无界 营销场景数据/营销明细数据, 巨量千川 推广直播间画面, Google Ads' campaign
 * report segmented by day, or ShopOps' template ({@link AdReport} tells them apart by
 * their headers). Each row is a campaign-day's spend, impressions, clicks and the
 * platform's reported orders and GMV; the campaign is found by the platform's id, else by
 * its name, or (千川 and 万相台 明细, which have no campaign column) is chosen with the upload.
 * Unknown campaigns are row problems: campaigns are created on their page first. A day
 * imported again replaces its numbers ({@link Campaigns#write}), so the same file twice
 * changes nothing and a day is never counted twice. The whole run is one transaction: all
 * or nothing unless the upload skips invalid rows.
 */
@Component
class AdSpendImportHandler implements ImportHandler {

	static final String KIND = "ad-spend";

	/** The upload's field: a campaign's id, or {@link #FROM_FILE}. */
	static final String CAMPAIGN = "campaign";

	/** The field's value for "the file names the campaigns". */
	static final String FROM_FILE = "file";

	static final int PICK_LIST_SIZE = 500;

	static final String HEADER = "campaign.import.refused.header";

	static final String WORKBOOK = "campaign.import.refused.workbook";

	static final String NO_DATE = "campaign.import.refused.noDate";

	static final String NO_DAY = "campaign.import.refused.googleNoDay";

	static final String CAMPAIGN_MISSING = "campaign.import.refused.campaign";

	static final String CAMPAIGN_UNKNOWN = "campaign.import.refused.campaignUnknown";

	static final String ROW_CAMPAIGN_REQUIRED = "campaign.import.problem.campaignRequired";

	static final String ROW_CAMPAIGN_UNKNOWN = "campaign.import.problem.campaignUnknown";

	static final String ROW_PLATFORM = "campaign.import.problem.platform";

	static final String ROW_OUTSIDE = "campaign.import.problem.outside";

	static final String ROW_CURRENCY = "campaign.import.problem.currency";

	static final String ROW_DUPLICATE = "campaign.import.problem.duplicate";

	static final String REPLACED = "campaign.import.warning.replaced";

	private final Campaigns campaigns;

	private final AuditLog audit;

	private final ShopSettings settings;

	private final TransactionTemplate transactions;

	AdSpendImportHandler(Campaigns campaigns, AuditLog audit, ShopSettings settings,
			PlatformTransactionManager transactions) {
		this.campaigns = campaigns;
		this.audit = audit;
		this.settings = settings;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "campaign.import.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("campaign.import.template.en", "/imports/ad-spend/template.csv?headers=en"),
				new ImportLink("campaign.import.template.zh", "/imports/ad-spend/template.csv?headers=zh"));
	}

	@Override
	public List<ImportField> fields() {
		List<ImportOption> options = new ArrayList<>();
		options.add(new ImportOption(FROM_FILE, "按文件中的推广计划 / As named in the file"));
		for (CampaignRef campaign : this.campaigns.recent(PICK_LIST_SIZE)) {
			options.add(new ImportOption(Long.toString(campaign.id()),
					campaign.name() + " (" + campaign.startDate() + " – " + campaign.endDate() + ")"));
		}
		return List.of(new ImportField(CAMPAIGN, "campaign.import.campaign", "campaign.import.campaign.help", options));
	}

	@Override
	public long inspect(Path file) {
		return inspect(List.of(file), Map.of());
	}

	@Override
	public long inspect(List<Path> files, Map<String, String> parameters) {
		try (Opened report = open(files.get(0))) {
			check(report);
			if (!report.layout().namesCampaigns(report.csv().header())) {
				chosen(parameters);
			}
			return report.csv().records();
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

	@Override
	public ImportResult run(ImportRun run) {
		try (Opened report = open(run.file())) {
			check(report);
			return run(run, report);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private ImportResult run(ImportRun run, Opened report) throws IOException {
		Layout layout = report.layout();
		Header header = report.csv().header();
		Columns columns = layout.columns();
		boolean named = layout.namesCampaigns(header);
		CampaignRef fixed = named ? null : chosen(run.parameters());
		List<CampaignRef> all = this.campaigns.refs();
		Map<String, CampaignRef> byName = new HashMap<>();
		Map<String, List<CampaignRef>> byExternalId = new HashMap<>();
		for (CampaignRef campaign : all) {
			byName.put(campaign.name().toLowerCase(Locale.ROOT), campaign);
			if (campaign.externalId() != null) {
				byExternalId.computeIfAbsent(campaign.externalId(), (id) -> new ArrayList<>()).add(campaign);
			}
		}
		String shopCurrency = this.settings.current().currency().getCurrencyCode();
		LocalDate periodDay = header.has(columns.date()) ? null : report.periodDay();
		int dateIndex = header.index(columns.date());
		int idIndex = header.index(columns.campaignId());
		int nameIndex = header.index(columns.campaign());
		int detailIndex = header.index(columns.detail());
		int currencyIndex = header.index(columns.currency());
		boolean roundOrders = layout == Layout.GOOGLE_ADS;
		Map<String, CampaignDay> days = new LinkedHashMap<>();
		List<Issue> issues = new ArrayList<>();
		long[] failed = { 0 };
		long records;
		records = report.csv().read(new CsvRowHandler() {

			@Override
			public void row(CsvRow row) {
				if (AdReport.isTotal(row.text(0)) || AdReport.isTotal(row.text(1))
						|| AdReport.isTotal(row.text(dateIndex)) || AdReport.isTotal(row.text(nameIndex))) {
					return;
				}
				int before = issues.size();
				LocalDate date = periodDay;
				if (date == null) {
					String text = row.text(dateIndex);
					if (AdReport.isNull(text)) {
						issue(row, dateIndex, null, CsvProblems.VALUE_REQUIRED, List.of());
					}
					else {
						Parsed<LocalDate> parsed = AdReport.date(text);
						if (parsed.ok()) {
							date = parsed.value();
						}
						else {
							issue(row, dateIndex, text, parsed.problem(), List.of());
						}
					}
				}
				CampaignRef campaign = (fixed != null) ? fixed : campaign(row);
				if (campaign != null && date != null
						&& (date.isBefore(campaign.startDate()) || date.isAfter(campaign.endDate()))) {
					issue(row, dateIndex, date.toString(), ROW_OUTSIDE,
							List.of(campaign.name(), campaign.startDate(), campaign.endDate()));
				}
				if (currencyIndex >= 0 && !AdReport.isNull(row.text(currencyIndex))
						&& !row.text(currencyIndex).equalsIgnoreCase(shopCurrency)) {
					issue(row, currencyIndex, row.text(currencyIndex), ROW_CURRENCY,
							List.of(row.text(currencyIndex).toUpperCase(Locale.ROOT), shopCurrency));
				}
				BigDecimal spend = money(row, header.index(columns.spend()));
				Long impressions = count(row, header.index(columns.impressions()), false);
				Long clicks = count(row, header.index(columns.clicks()), false);
				Long orders = count(row, header.index(columns.orders()), roundOrders);
				BigDecimal gmv = money(row, header.index(columns.gmv()));
				if (issues.size() == before) {
					DayNumbers numbers = new DayNumbers(zero(spend), zero(impressions), zero(clicks), zero(orders),
							zero(gmv));
					String key = campaign.id() + "|" + date;
					String detail = row.text(detailIndex);
					CampaignDay day = days.get(key);
					if (day == null) {
						days.put(key, new CampaignDay(campaign, date, report.row(row.number()), numbers, detail));
					}
					else if (detailIndex >= 0 && !AdReport.isNull(detail) && day.details.add(detail)) {
						// several accounts or subjects of one chosen campaign: their day
						// is the sum
						day.add(numbers);
					}
					else {
						issues.add(new Issue(report.row(row.number()), "", null, ROW_DUPLICATE, List.of(day.row)));
					}
				}
				if (issues.size() > before) {
					failed[0]++;
				}
			}

			private CampaignRef campaign(CsvRow row) {
				String id = AdReport.isNull(row.id(idIndex)) ? "" : row.id(idIndex);
				String name = AdReport.isNull(row.text(nameIndex)) ? "" : row.text(nameIndex);
				if (id.isEmpty() && name.isEmpty()) {
					issue(row, (nameIndex >= 0) ? nameIndex : idIndex, null, ROW_CAMPAIGN_REQUIRED, List.of());
					return null;
				}
				Optional<CampaignRef> found = Optional.empty();
				if (!id.isEmpty()) {
					found = byExternalId.getOrDefault(id, List.of())
						.stream()
						.filter((campaign) -> layout.accepts(campaign.platform()))
						.findFirst();
				}
				if (found.isEmpty() && !name.isEmpty()) {
					found = Optional.ofNullable(byName.get(name.toLowerCase(Locale.ROOT)));
				}
				if (found.isEmpty()) {
					issue(row, name.isEmpty() ? idIndex : nameIndex, name.isEmpty() ? id : name, ROW_CAMPAIGN_UNKNOWN,
							List.of(name.isEmpty() ? id : name));
					return null;
				}
				if (!layout.accepts(found.get().platform())) {
					issue(row, nameIndex, name, ROW_PLATFORM, List.of(found.get().name()));
					return null;
				}
				return found.get();
			}

			private Long count(CsvRow row, int index, boolean round) {
				if (index < 0) {
					return null;
				}
				Parsed<Long> parsed = AdReport.count(row.text(index), round);
				if (!parsed.ok()) {
					issue(row, index, row.text(index), parsed.problem(), List.of());
					return null;
				}
				return parsed.value();
			}

			private BigDecimal money(CsvRow row, int index) {
				if (index < 0) {
					return null;
				}
				Parsed<BigDecimal> parsed = AdReport.money(row.text(index));
				if (!parsed.ok()) {
					issue(row, index, row.text(index), parsed.problem(), List.of());
					return null;
				}
				return parsed.value();
			}

			private void issue(CsvRow row, int index, String value, String code, List<Object> args) {
				issues.add(new Issue(report.row(row.number()), header.name(index), shorten(value), code, args));
			}

			@Override
			public void problem(long row, String code, List<Object> args) {
				issues.add(new Issue(report.row(row), "", null, code, args));
				failed[0]++;
			}

		});
		run.progress(0, 0, 0, 0, failed[0]);
		long total = records;
		List<Issue> warnings = new ArrayList<>();
		ImportResult result = this.transactions.execute((status) -> {
			long created = 0;
			long updated = 0;
			long unchanged = 0;
			Map<Long, Tally> tallies = new TreeMap<>();
			// the campaigns in id order, so that two writers never wait for each other
			new TreeSet<>(days.values().stream().map((day) -> day.campaign.id()).toList())
				.forEach(this.campaigns::lock);
			for (CampaignDay day : days.values()) {
				long id = day.campaign.id();
				Recorded recorded = this.campaigns.write(id, day.date, day.numbers, layout.source());
				tallies.computeIfAbsent(id, (key) -> new Tally()).count(day, recorded);
				// counted in rows of the file: the rows summed into a day share its
				// outcome
				switch (recorded.outcome()) {
					case ADDED -> created += day.rows;
					case UNCHANGED -> unchanged += day.rows;
					default -> updated += day.rows;
				}
				if (recorded.outcome() == Outcome.REPLACED) {
					warnings.add(new Issue(day.row, "", null, REPLACED + "." + recorded.previous().name(),
							List.of(day.date)));
				}
			}
			boolean write = run.mode() == ImportMode.APPLY
					&& (run.policy() == ImportPolicy.SKIP_INVALID || failed[0] == 0);
			if (!write) {
				status.setRollbackOnly();
			}
			else {
				for (Map.Entry<Long, Tally> entry : tallies.entrySet()) {
					Tally tally = entry.getValue();
					if (tally.changed() > 0) {
						this.audit.record("CAMPAIGN_SPEND_IMPORTED", "campaign", Long.toString(entry.getKey()),
								"job=" + run.jobId() + " source=" + layout.source() + " days=" + tally.first + "…"
										+ tally.last + " added=" + tally.added + " updated=" + tally.updated
										+ " replaced=" + tally.replaced + " unchanged=" + tally.unchanged + " spend="
										+ tally.spend.toPlainString());
					}
				}
			}
			boolean nothing = run.mode() == ImportMode.APPLY && !write;
			run.progress(total, nothing ? 0 : created, nothing ? 0 : updated, nothing ? 0 : unchanged, failed[0]);
			return new ImportResult(total, nothing ? 0 : created, nothing ? 0 : updated, nothing ? 0 : unchanged,
					failed[0], write);
		});
		for (Issue issue : issues) {
			run.problem(issue.row(), issue.column(), issue.value(), issue.code(), issue.args());
		}
		if (result.written() || run.mode() == ImportMode.VALIDATE) {
			for (Issue warning : warnings) {
				run.warning(warning.row(), warning.column(), warning.value(), warning.code(), warning.args());
			}
		}
		return result;
	}

	private static void check(Opened report) {
		Header header = report.csv().header();
		Columns columns = report.layout().columns();
		if (!header.has(columns.date())) {
			if (report.layout() == Layout.GOOGLE_ADS) {
				if (report.periodDay() == null) {
					throw new ImportRefusedException(NO_DAY,
							List.of(report.period().isEmpty() ? "?" : report.period()));
				}
			}
			else {
				throw new ImportRefusedException(NO_DATE, List.of(String.join(" / ", columns.date())));
			}
		}
	}

	private CampaignRef chosen(Map<String, String> parameters) {
		String value = parameters.get(CAMPAIGN);
		if (value == null || value.isBlank() || value.strip().equals(FROM_FILE)) {
			throw new ImportRefusedException(CAMPAIGN_MISSING, List.of());
		}
		long id;
		try {
			id = Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			throw new ImportRefusedException(CAMPAIGN_UNKNOWN, List.of(shorten(value.strip())));
		}
		return this.campaigns.refs()
			.stream()
			.filter((campaign) -> campaign.id() == id)
			.findFirst()
			.orElseThrow(() -> new ImportRefusedException(CAMPAIGN_UNKNOWN, List.of(id)));
	}

	private static Opened open(Path path) {
		try {
			Opened report = AdReport.open(path);
			if (report == null) {
				Header header = CsvFile.open(path).header();
				throw new ImportRefusedException(HEADER,
						List.of(String.join(", ", header.names().stream().limit(12).toList())));
			}
			return report;
		}
		catch (CsvFileException ex) {
			if (CsvProblems.FILE_SPREADSHEET.equals(ex.code())) {
				throw new ImportRefusedException(WORKBOOK, List.of());
			}
			throw new ImportRefusedException(ex.code(), ex.args());
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

	private static String shorten(String text) {
		return (text == null || text.length() <= 50) ? text : text.substring(0, 50);
	}

	private static long zero(Long value) {
		return (value != null) ? value : 0;
	}

	private static BigDecimal zero(BigDecimal value) {
		return (value != null) ? value : BigDecimal.ZERO.setScale(2);
	}

	/**
	 * A campaign-day to write: the numbers of its row, or the sum of its rows of several
	 * accounts or subjects.
	 */
	private static final class CampaignDay {

		final CampaignRef campaign;

		final LocalDate date;

		final long row;

		final Set<String> details = new HashSet<>();

		DayNumbers numbers;

		int rows = 1;

		CampaignDay(CampaignRef campaign, LocalDate date, long row, DayNumbers numbers, String detail) {
			this.campaign = campaign;
			this.date = date;
			this.row = row;
			this.numbers = numbers;
			this.details.add(detail);
		}

		void add(DayNumbers more) {
			this.rows++;
			this.numbers = new DayNumbers(this.numbers.spend().add(more.spend()),
					this.numbers.impressions() + more.impressions(), this.numbers.clicks() + more.clicks(),
					this.numbers.orders() + more.orders(), this.numbers.gmv().add(more.gmv()));
		}

	}

	/**
	 * What an import did to one campaign, for its audit entry.
	 */
	private static final class Tally {

		LocalDate first;

		LocalDate last;

		long added;

		long updated;

		long replaced;

		long unchanged;

		BigDecimal spend = BigDecimal.ZERO.setScale(2);

		void count(CampaignDay day, Recorded recorded) {
			this.first = (this.first == null || day.date.isBefore(this.first)) ? day.date : this.first;
			this.last = (this.last == null || day.date.isAfter(this.last)) ? day.date : this.last;
			this.spend = this.spend.add(day.numbers.spend());
			switch (recorded.outcome()) {
				case ADDED -> this.added++;
				case UPDATED -> this.updated++;
				case REPLACED -> this.replaced++;
				default -> this.unchanged++;
			}
		}

		long changed() {
			return this.added + this.updated + this.replaced;
		}

	}

	private record Issue(long row, String column, String value, String code, List<Object> args) {
	}

}
