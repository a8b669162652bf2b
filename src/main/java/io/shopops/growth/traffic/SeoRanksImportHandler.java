package io.shopops.growth.traffic;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports SEO rank history as the {@code seo-ranks} import kind: one row per keyword and
 * day with its rank, and optionally the target page's URL and the search volume, columns
 * by name ({@link SeoRanksFile}). A row's keyword is found by its key and URL; without a
 * URL column, by its key alone when it has a single target. Keywords not tracked yet are
 * added. Idempotent per keyword and day: a day imported again replaces its rank, so the
 * same file twice changes nothing. The whole run is one transaction.
 */
@Component
class SeoRanksImportHandler implements ImportHandler {

	static final String KIND = "seo-ranks";

	static final String DATE_PARAMETER = "date";

	/** The date field's choice for files with a date column. */
	static final String FROM_FILE = "file";

	static final String HEADER = "seo.import.refused.header";

	static final String DATE_MISSING = "seo.import.refused.date";

	static final String DUPLICATE = "seo.import.problem.duplicate";

	static final String AMBIGUOUS = "seo.import.problem.ambiguous";

	static final String URL_INVALID = "seo.import.problem.url";

	static final String KEYWORD_INVALID = "seo.import.problem.keyword";

	static final String FUTURE = "seo.import.problem.future";

	static final String RANK_INVALID = "seo.import.problem.rank";

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final ShopSettings shop;

	private final TransactionTemplate transactions;

	SeoRanksImportHandler(JdbcClient jdbc, AuditLog audit, ShopSettings shop, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.shop = shop;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "seo.import.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("seo.import.template.en", "/imports/seo-ranks/template.csv?headers=en"),
				new ImportLink("seo.import.template.zh", "/imports/seo-ranks/template.csv?headers=zh"));
	}

	@Override
	public List<ImportField> fields() {
		LocalDate today = today();
		List<ImportOption> options = new ArrayList<>();
		options.add(new ImportOption(FROM_FILE, "日期列 · the file's date column"));
		for (int i = 0; i < 14; i++) {
			String day = today.minusDays(i).toString();
			options.add(new ImportOption(day, day));
		}
		return List.of(new ImportField(DATE_PARAMETER, "seo.import.date", "seo.import.date.help", options));
	}

	@Override
	public long inspect(Path file) {
		return open(file).records();
	}

	@Override
	public long inspect(List<Path> files, Map<String, String> parameters) {
		CsvFile file = open(files.get(0));
		if (!file.header().has(SeoRanksFile.DATE)) {
			fixedDate(parameters);
		}
		return file.records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		CsvFile file = open(run.file());
		Header header = file.header();
		LocalDate today = today();
		LocalDate fixed = header.has(SeoRanksFile.DATE) ? null : fixedDate(run.parameters());
		Map<String, List<Target>> known = new HashMap<>();
		this.jdbc.sql("SELECT id, keyword_key, target_key FROM seo_keyword").query((rs) -> {
			known.computeIfAbsent(rs.getString("keyword_key"), (k) -> new ArrayList<>())
				.add(new Target(rs.getLong("id"), rs.getString("target_key")));
		});
		List<Rank> rows = new ArrayList<>();
		List<Issue> issues = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		long[] failed = { 0 };
		long records;
		try {
			records = file.read(new CsvRowHandler() {

				@Override
				public void row(CsvRow row) {
					int before = issues.size();
					int keywordIndex = header.index(SeoRanksFile.KEYWORD);
					String keyword = SeoKeyword.clean(row.text(keywordIndex));
					if (keyword.isEmpty()) {
						issue(row, keywordIndex, null, CsvProblems.VALUE_REQUIRED);
					}
					else if (keyword.length() > SeoKeyword.MAX_KEYWORD
							|| keyword.chars().anyMatch(Character::isISOControl)) {
						issue(row, keywordIndex, shorten(keyword), KEYWORD_INVALID);
					}
					String url = null;
					int urlIndex = header.index(SeoRanksFile.URL);
					if (urlIndex >= 0 && !row.text(urlIndex).isBlank()) {
						url = row.text(urlIndex).strip();
						if (UtmLink.parse(url) == null) {
							issue(row, urlIndex, shorten(url), URL_INVALID);
						}
					}
					LocalDate date = fixed;
					if (fixed == null) {
						int dateIndex = header.index(SeoRanksFile.DATE);
						String dateText = row.text(dateIndex);
						if (dateText.isEmpty()) {
							issue(row, dateIndex, null, CsvProblems.VALUE_REQUIRED);
						}
						else {
							Parsed<LocalDate> parsed = ShopStatsFile.date(dateText);
							if (!parsed.ok()) {
								issue(row, dateIndex, shorten(dateText), parsed.problem());
							}
							else if (parsed.value().isAfter(today) || parsed.value().getYear() < 2000) {
								issue(row, dateIndex, shorten(dateText), FUTURE);
							}
							else {
								date = parsed.value();
							}
						}
					}
					BigDecimal rank = null;
					int rankIndex = header.index(SeoRanksFile.RANK);
					String rankText = row.text(rankIndex);
					if (rankText.isEmpty()) {
						issue(row, rankIndex, null, CsvProblems.VALUE_REQUIRED);
					}
					else {
						Parsed<BigDecimal> parsed = SeoKeywords.rank(rankText);
						if (parsed.ok()) {
							rank = parsed.value();
						}
						else {
							issue(row, rankIndex, shorten(rankText), SeoRanksImportHandler.RANK_INVALID);
						}
					}
					Long volume = null;
					int volumeIndex = header.index(SeoRanksFile.VOLUME);
					if (volumeIndex >= 0) {
						Parsed<BigDecimal> parsed = ShopStatsFile.number(row.text(volumeIndex), 0);
						if (!parsed.ok()) {
							issue(row, volumeIndex, shorten(row.text(volumeIndex)), parsed.problem());
						}
						else if (parsed.value() != null) {
							volume = parsed.value().longValueExact();
						}
					}
					String key = SeoKeyword.key(keyword);
					String target = null;
					if (issues.size() == before) {
						if (url != null) {
							target = SeoKeyword.targetKey(url, null);
						}
						else {
							List<Target> targets = known.getOrDefault(key, List.of());
							if (targets.size() > 1) {
								issue(row, keywordIndex, shorten(keyword), AMBIGUOUS);
							}
							else {
								target = targets.isEmpty() ? "" : targets.get(0).key();
							}
						}
					}
					if (issues.size() == before) {
						Long earlier = seen.putIfAbsent(key + "\n" + target + "\n" + date, row.number());
						if (earlier != null) {
							issues.add(new Issue(row.number(), "", null, DUPLICATE, List.of(earlier)));
						}
						else {
							rows.add(new Rank(keyword, key, target, url, date, rank, volume));
						}
					}
					if (issues.size() > before) {
						failed[0]++;
					}
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
		String actor = Sites.currentActor();
		ImportResult result = this.transactions.execute((status) -> {
			long created = 0;
			long updated = 0;
			long unchanged = 0;
			long keywordsAdded = 0;
			Map<String, Long> ids = new HashMap<>();
			Map<Long, Rank> volumes = new LinkedHashMap<>();
			for (Rank rank : rows) {
				String identity = rank.key() + "\n" + rank.target();
				Long id = ids.get(identity);
				if (id == null) {
					id = known.getOrDefault(rank.key(), List.of())
						.stream()
						.filter((t) -> t.key().equals(rank.target()))
						.map(Target::id)
						.findFirst()
						.orElse(null);
				}
				if (id == null) {
					id = this.jdbc.sql("""
							INSERT INTO seo_keyword (keyword, keyword_key, target_url, target_key, search_volume,
							  created_by)
							VALUES (:keyword, :key, :url, :target, :volume, :actor) RETURNING id""")
						.param("keyword", rank.keyword())
						.param("key", rank.key())
						.param("url", rank.url())
						.param("target", rank.target())
						.param("volume", rank.volume())
						.param("actor", actor)
						.query(Long.class)
						.single();
					keywordsAdded++;
				}
				ids.put(identity, id);
				if (rank.volume() != null) {
					Rank latest = volumes.get(id);
					if (latest == null || !latest.date().isAfter(rank.date())) {
						volumes.put(id, rank);
					}
				}
				List<Boolean> written = this.jdbc.sql("""
						INSERT INTO seo_rank (keyword_id, rank_date, rank, source, job_id, entered_by)
						VALUES (:id, :date, :rank, 'IMPORT', :job, :actor)
						ON CONFLICT (keyword_id, rank_date) DO UPDATE SET rank = EXCLUDED.rank, source = 'IMPORT',
						  job_id = EXCLUDED.job_id, entered_by = EXCLUDED.entered_by, updated_at = now()
						WHERE seo_rank.rank IS DISTINCT FROM EXCLUDED.rank
						RETURNING (xmax = 0)""")
					.param("id", id)
					.param("date", rank.date())
					.param("rank", rank.rank())
					.param("job", run.jobId())
					.param("actor", actor)
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
			for (Map.Entry<Long, Rank> volume : volumes.entrySet()) {
				this.jdbc
					.sql("UPDATE seo_keyword SET search_volume = :volume, updated_at = now() WHERE id = :id"
							+ " AND search_volume IS DISTINCT FROM :volume")
					.param("volume", volume.getValue().volume())
					.param("id", volume.getKey())
					.update();
			}
			boolean write = run.mode() == ImportMode.APPLY
					&& (run.policy() == ImportPolicy.SKIP_INVALID || failed[0] == 0);
			if (!write) {
				status.setRollbackOnly();
			}
			else {
				this.audit.record("SEO_RANKS_IMPORTED", "seokeyword", "job-" + run.jobId(),
						"created=" + created + " updated=" + updated + " unchanged=" + unchanged + " keywordsAdded="
								+ keywordsAdded + ((fixed != null) ? " date=" + fixed : ""));
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

	private LocalDate today() {
		return LocalDate.now(this.shop.current().timeZone());
	}

	private LocalDate fixedDate(Map<String, String> parameters) {
		String text = parameters.get(DATE_PARAMETER);
		if (text == null || text.isBlank() || FROM_FILE.equals(text.strip())) {
			throw new ImportRefusedException(DATE_MISSING, List.of());
		}
		try {
			LocalDate date = LocalDate.parse(text.strip());
			if (date.isAfter(today()) || date.getYear() < 2000) {
				throw new ImportRefusedException(DATE_MISSING, List.of());
			}
			return date;
		}
		catch (RuntimeException ex) {
			if (ex instanceof ImportRefusedException refused) {
				throw refused;
			}
			throw new ImportRefusedException(DATE_MISSING, List.of());
		}
	}

	private static String shorten(String text) {
		return (text.length() > 50) ? text.substring(0, 50) : text;
	}

	private static CsvFile open(Path path) {
		try {
			CsvFile file = CsvFile.open(path);
			if (!SeoRanksFile.readable(file.header())) {
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

	private record Target(long id, String key) {
	}

	private record Rank(String keyword, String key, String target, String url, LocalDate date, BigDecimal rank,
			Long volume) {
	}

	private record Issue(long row, String column, String value, String code, List<Object> args) {
	}

}
