package io.shopops.growth.community;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.shopops.growth.TrackingCodes;
import io.shopops.platform.AuditLog;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.csv.Cells;
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
 * Imports groups' member counts as the platform's {@code community-members} import kind:
 * one row per group (by tracking code, or else by name) and day, columns mapped by name
 * in English or Chinese (追踪码 / 社群名称, 日期, 成员数 / 群人数). A day imported again replaces its
 * count, so importing the same file twice changes nothing. The whole run is one
 * transaction.
 */
@Component
class MemberCountImportHandler implements ImportHandler {

	static final String KIND = "community-members";

	static final String UNKNOWN_GROUP = "community.import.problem.unknownGroup";

	static final String DUPLICATE = "community.import.problem.duplicate";

	static final String FUTURE = "community.import.problem.future";

	static final String HEADER = "community.import.refused.header";

	static final String[] CODE = { "tracking_code", "tracking code", "code", "group_code", "追踪码", "跟踪码", "社群码" };

	static final String[] NAME = { "group", "group_name", "name", "社群", "社群名称", "群名称", "群名" };

	static final String[] DATE = { "date", "日期", "统计日期" };

	static final String[] MEMBERS = { "members", "member_count", "成员数", "群人数", "人数", "群成员数" };

	static final int MAX_MEMBERS = 1_000_000;

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	private final io.shopops.platform.ShopSettings settings;

	MemberCountImportHandler(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions,
			io.shopops.platform.ShopSettings settings) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
		this.settings = settings;
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "community.import.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(
				new ImportLink("community.import.template.en", "/imports/community-members/template.csv?headers=en"),
				new ImportLink("community.import.template.zh", "/imports/community-members/template.csv?headers=zh"));
	}

	@Override
	public long inspect(Path file) {
		return open(file).records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		CsvFile file = open(run.file());
		Header header = file.header();
		Map<String, Long> byCode = new HashMap<>();
		Map<String, Long> byName = new HashMap<>();
		this.jdbc.sql("SELECT tracking_code, lower(name), id FROM community_group").query((rs, row) -> {
			byCode.put(rs.getString(1), rs.getLong(3));
			return byName.put(rs.getString(2), rs.getLong(3));
		}).list();
		LocalDate today = LocalDate.now(this.settings.current().timeZone());
		boolean hasCode = header.has(CODE);
		List<Row> rows = new ArrayList<>();
		List<Issue> issues = new ArrayList<>();
		Map<String, Long> seen = new HashMap<>();
		long[] failed = { 0 };
		long records;
		try {
			records = file.read(new CsvRowHandler() {

				@Override
				public void row(CsvRow row) {
					int before = issues.size();
					Long group = group(row);
					LocalDate date = null;
					String dateText = row.text(header.index(DATE));
					if (dateText.isEmpty()) {
						issues.add(new Issue(row.number(), header.name(header.index(DATE)), null,
								CsvProblems.VALUE_REQUIRED, List.of()));
					}
					else {
						Parsed<LocalDate> parsed = Cells.date(dateText);
						if (!parsed.ok()) {
							issues.add(new Issue(row.number(), header.name(header.index(DATE)), dateText,
									parsed.problem(), List.of()));
						}
						else if (parsed.value().isAfter(today)) {
							issues.add(new Issue(row.number(), header.name(header.index(DATE)), dateText, FUTURE,
									List.of()));
						}
						else {
							date = parsed.value();
						}
					}
					Integer members = members(row);
					if (issues.size() == before) {
						Long earlier = seen.putIfAbsent(group + "|" + date, row.number());
						if (earlier != null) {
							issues.add(new Issue(row.number(), "", null, DUPLICATE, List.of(earlier)));
						}
						else {
							rows.add(new Row(group, date, members));
						}
					}
					if (issues.size() > before) {
						failed[0]++;
					}
				}

				private Long group(CsvRow row) {
					int index = hasCode ? header.index(CODE) : header.index(NAME);
					String text = row.text(index);
					if (hasCode && text.isEmpty() && header.has(NAME)) {
						index = header.index(NAME);
						text = row.text(index);
					}
					if (text.isEmpty()) {
						issues.add(new Issue(row.number(), header.name(index), null, CsvProblems.VALUE_REQUIRED,
								List.of()));
						return null;
					}
					Long found = (index == header.index(NAME)) ? byName.get(text.strip().toLowerCase(Locale.ROOT))
							: byCode.get(TrackingCodes.normalize(text));
					if (found == null) {
						issues
							.add(new Issue(row.number(), header.name(index), shorten(text), UNKNOWN_GROUP, List.of()));
					}
					return found;
				}

				private Integer members(CsvRow row) {
					int index = header.index(MEMBERS);
					String text = row.text(index).replace(",", "").replace("，", "");
					if (text.isEmpty()) {
						issues.add(new Issue(row.number(), header.name(index), null, CsvProblems.VALUE_REQUIRED,
								List.of()));
						return null;
					}
					try {
						int value = Integer.parseInt(text);
						if (value < 0) {
							issues.add(new Issue(row.number(), header.name(index), text, CsvProblems.NUMBER_NEGATIVE,
									List.of()));
						}
						else if (value > MAX_MEMBERS) {
							issues.add(new Issue(row.number(), header.name(index), text, CsvProblems.NUMBER_TOO_LARGE,
									List.of()));
						}
						else {
							return value;
						}
					}
					catch (NumberFormatException ex) {
						issues.add(new Issue(row.number(), header.name(index), shorten(text),
								CsvProblems.NUMBER_INVALID, List.of()));
					}
					return null;
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
			for (Row row : rows) {
				List<Boolean> written = this.jdbc.sql("""
						INSERT INTO community_member_count (group_id, count_date, members, source)
						VALUES (:group, :date, :members, 'IMPORT')
						ON CONFLICT (group_id, count_date) DO UPDATE SET members = EXCLUDED.members,
						    source = EXCLUDED.source, updated_at = now()
						WHERE community_member_count.members IS DISTINCT FROM EXCLUDED.members
						RETURNING (xmax = 0)""")
					.param("group", row.group())
					.param("date", row.date())
					.param("members", row.members())
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
				this.audit.record("COMMUNITY_MEMBERS_IMPORTED", "community_group", "job-" + run.jobId(),
						"created=" + created + " updated=" + updated + " unchanged=" + unchanged);
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

	private static String shorten(String text) {
		return (text.length() > 50) ? text.substring(0, 50) : text;
	}

	private static CsvFile open(Path path) {
		try {
			CsvFile file = CsvFile.open(path);
			Header header = file.header();
			if (!(header.has(CODE) || header.has(NAME)) || !header.has(DATE) || !header.has(MEMBERS)) {
				throw new ImportRefusedException(HEADER,
						List.of(String.join(", ", header.names().stream().limit(12).toList())));
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

	private record Row(long group, LocalDate date, int members) {
	}

	private record Issue(long row, String column, String value, String code, List<Object> args) {
	}

}
