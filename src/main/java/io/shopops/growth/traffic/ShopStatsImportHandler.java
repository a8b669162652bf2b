package io.shopops.growth.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.fulfilment.order.ChannelImportParameter;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports the platforms' daily shop statistics as the {@code shop-stats} import kind: one
 * row per day with UV, PV, impressions, clicks, spend, orders and GMV, columns mapped by
 * name ({@link ShopStatsFile}). The sales channel is picked with the upload, or given per
 * row by a channel column. Idempotent per day, channel and source: a day imported again
 * replaces its figures, so the same file twice changes nothing. The whole run is one
 * transaction.
 */
@Component
class ShopStatsImportHandler implements ImportHandler {

	static final String KIND = "shop-stats";

	static final String HEADER = "stats.import.refused.header";

	static final String CHANNEL_MISSING = "stats.import.refused.channel";

	static final String CHANNEL_UNKNOWN = "stats.import.refused.channelUnknown";

	static final String ROW_CHANNEL_UNKNOWN = "stats.import.problem.channelUnknown";

	static final String DUPLICATE = "stats.import.problem.duplicate";

	static final String EMPTY = "stats.import.problem.empty";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final SalesChannels channels;

	private final TransactionTemplate transactions;

	ShopStatsImportHandler(JdbcClient jdbc, AuditLog audit, SalesChannels channels,
			PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.channels = channels;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "stats.import.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("stats.import.template.en", "/imports/shop-stats/template.csv?headers=en"),
				new ImportLink("stats.import.template.zh", "/imports/shop-stats/template.csv?headers=zh"));
	}

	@Override
	public List<ImportField> fields() {
		return List
			.of(ChannelImportParameter.field(this.channels, "stats.import.channel", "stats.import.channel.help"));
	}

	@Override
	public long inspect(Path file) {
		return open(file).records();
	}

	@Override
	public long inspect(List<Path> files, Map<String, String> parameters) {
		CsvFile file = open(files.get(0));
		if (!file.header().has(ShopStatsFile.CHANNEL)) {
			channel(parameters);
		}
		return file.records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		CsvFile file = open(run.file());
		Header header = file.header();
		String source = ShopStatsFile.source(header);
		boolean perRow = header.has(ShopStatsFile.CHANNEL);
		String fixed = perRow ? null : channel(run.parameters()).code();
		Map<String, String> known = new HashMap<>();
		for (SalesChannel channel : this.channels.list()) {
			known.put(channel.code().toUpperCase(Locale.ROOT), channel.code());
		}
		List<Stat> rows = new ArrayList<>();
		List<Issue> issues = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		long[] failed = { 0 };
		long records;
		try {
			records = file.read(new CsvRowHandler() {

				@Override
				public void row(CsvRow row) {
					int before = issues.size();
					String channel = fixed;
					if (perRow) {
						int index = header.index(ShopStatsFile.CHANNEL);
						String text = row.id(index);
						if (text.isEmpty()) {
							issue(row, index, null, CsvProblems.VALUE_REQUIRED);
						}
						else {
							channel = known.get(text.strip().toUpperCase(Locale.ROOT));
							if (channel == null) {
								issue(row, index, shorten(text), ROW_CHANNEL_UNKNOWN);
							}
						}
					}
					LocalDate date = null;
					int dateIndex = header.index(ShopStatsFile.DATE);
					String dateText = row.text(dateIndex);
					if (dateText.isEmpty()) {
						issue(row, dateIndex, null, CsvProblems.VALUE_REQUIRED);
					}
					else {
						Parsed<LocalDate> parsed = ShopStatsFile.date(dateText);
						if (parsed.ok()) {
							date = parsed.value();
						}
						else {
							issue(row, dateIndex, shorten(dateText), parsed.problem());
						}
					}
					Long uv = count(row, ShopStatsFile.UV);
					Long pv = count(row, ShopStatsFile.PV);
					Long impressions = count(row, ShopStatsFile.IMPRESSIONS);
					Long clicks = count(row, ShopStatsFile.CLICKS);
					BigDecimal spend = spend(row);
					Long orders = count(row, ShopStatsFile.ORDERS);
					BigDecimal gmv = money(row, header.index(ShopStatsFile.GMV));
					if (issues.size() == before && uv == null && pv == null && impressions == null && clicks == null
							&& spend == null && orders == null && gmv == null) {
						issue(row, -1, null, EMPTY);
					}
					if (issues.size() == before) {
						Long earlier = seen.putIfAbsent(date + "|" + channel, row.number());
						if (earlier != null) {
							issues.add(new Issue(row.number(), "", null, DUPLICATE, List.of(earlier)));
						}
						else {
							rows.add(new Stat(date, channel, uv, pv, impressions, clicks, spend, orders, gmv));
						}
					}
					if (issues.size() > before) {
						failed[0]++;
					}
				}

				private Long count(CsvRow row, String[] aliases) {
					int index = header.index(aliases);
					if (index < 0) {
						return null;
					}
					Parsed<BigDecimal> parsed = ShopStatsFile.number(row.text(index), 0);
					if (!parsed.ok()) {
						issue(row, index, shorten(row.text(index)), parsed.problem());
						return null;
					}
					return (parsed.value() != null) ? parsed.value().longValueExact() : null;
				}

				private BigDecimal money(CsvRow row, int index) {
					if (index < 0) {
						return null;
					}
					Parsed<BigDecimal> parsed = ShopStatsFile.number(row.text(index), 2);
					if (!parsed.ok()) {
						issue(row, index, shorten(row.text(index)), parsed.problem());
						return null;
					}
					return parsed.value();
				}

				private BigDecimal spend(CsvRow row) {
					if (header.has(ShopStatsFile.SPEND)) {
						return money(row, header.index(ShopStatsFile.SPEND));
					}
					BigDecimal total = null;
					for (String column : ShopStatsFile.SYCM_SPEND) {
						BigDecimal part = money(row, header.index(column));
						if (part != null) {
							total = (total != null) ? total.add(part) : part;
						}
					}
					return total;
				}

				private void issue(CsvRow row, int index, String value, String code) {
					issues.add(new Issue(row.number(), header.name(index), value, code, List.of()));
				}

				@Override
				public void problem(long row, String code, List<Object> args) {
					issues.add(new Issue(row, "", null, code, args));
					failed[0]++;
				}

			});
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run.progress(0, 0, 0, 0, failed[0]);
		long total = records;
		ImportResult result = this.transactions.execute((status) -> {
			long created = 0;
			long updated = 0;
			long unchanged = 0;
			for (Stat stat : rows) {
				List<Boolean> written = this.jdbc.sql("""
						INSERT INTO channel_daily_stat (stat_date, channel_code, source, uv, pv, impressions, clicks,
						    spend, orders, gmv, job_id)
						VALUES (:date, :channel, :source, :uv, :pv, :impressions, :clicks, :spend, :orders, :gmv, :job)
						ON CONFLICT (stat_date, channel_code, source) DO UPDATE SET uv = EXCLUDED.uv, pv = EXCLUDED.pv,
						    impressions = EXCLUDED.impressions, clicks = EXCLUDED.clicks, spend = EXCLUDED.spend,
						    orders = EXCLUDED.orders, gmv = EXCLUDED.gmv, job_id = EXCLUDED.job_id, updated_at = now()
						WHERE (channel_daily_stat.uv, channel_daily_stat.pv, channel_daily_stat.impressions,
						       channel_daily_stat.clicks, channel_daily_stat.spend, channel_daily_stat.orders,
						       channel_daily_stat.gmv)
						    IS DISTINCT FROM (EXCLUDED.uv, EXCLUDED.pv, EXCLUDED.impressions, EXCLUDED.clicks,
						       EXCLUDED.spend, EXCLUDED.orders, EXCLUDED.gmv)
						RETURNING (xmax = 0)""")
					.param("date", stat.date())
					.param("channel", stat.channel())
					.param("source", source)
					.param("uv", stat.uv())
					.param("pv", stat.pv())
					.param("impressions", stat.impressions())
					.param("clicks", stat.clicks())
					.param("spend", stat.spend())
					.param("orders", stat.orders())
					.param("gmv", stat.gmv())
					.param("job", run.jobId())
					.query(Boolean.class)
					.list();
				if (written.isEmpty()) {
					unchanged++;
				}
				else if (written.get(0)) {
					created++;
				}
				else {
					updated++;
				}
			}
			boolean write = run.mode() == ImportMode.APPLY
					&& (run.policy() == ImportPolicy.SKIP_INVALID || failed[0] == 0);
			if (!write) {
				status.setRollbackOnly();
			}
			else {
				this.audit.record("SHOP_STATS_IMPORTED", "shop_stats", "job-" + run.jobId(),
						"source=" + source + ((fixed != null) ? " channel=" + fixed : "") + " created=" + created
								+ " updated=" + updated + " unchanged=" + unchanged);
			}
			boolean nothing = run.mode() == ImportMode.APPLY && !write;
			run.progress(total, nothing ? 0 : created, nothing ? 0 : updated, nothing ? 0 : unchanged, failed[0]);
			return new ImportResult(total, nothing ? 0 : created, nothing ? 0 : updated, nothing ? 0 : unchanged,
					failed[0], write);
		});
		for (Issue issue : issues) {
			run.problem(issue.row(), issue.column(), issue.value(), issue.code(), issue.args());
		}
		return result;
	}

	private SalesChannel channel(Map<String, String> parameters) {
		return ChannelImportParameter.resolve(this.channels, parameters, CHANNEL_MISSING, CHANNEL_UNKNOWN);
	}

	private static String shorten(String text) {
		return (text.length() > 50) ? text.substring(0, 50) : text;
	}

	private static CsvFile open(Path path) {
		try {
			CsvFile file = CsvFile.open(path);
			if (!ShopStatsFile.readable(file.header())) {
				throw new ImportRefusedException(HEADER,
						List.of(String.join(", ", file.header().names().stream().limit(12).toList())));
			}
			return file;
		}
		catch (CsvFileException ex) {
			throw new ImportRefusedException(ex.code(), ex.args());
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

	private record Stat(LocalDate date, String channel, Long uv, Long pv, Long impressions, Long clicks,
			BigDecimal spend, Long orders, BigDecimal gmv) {
	}

	private record Issue(long row, String column, String value, String code, List<Object> args) {
	}

}
