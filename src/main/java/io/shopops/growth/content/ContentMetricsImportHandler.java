package io.shopops.growth.content;

import io.shopops.growth.TrackingCodes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

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
 * Imports pieces' daily metrics as the platform's {@code content-metrics} import kind:
 * one row per piece (by tracking code) and day, columns mapped by name in English or
 * Chinese (播放量, 点赞, 评论, 分享, 点击). Numbers may carry thousands commas or 万. A day imported
 * again replaces its numbers, so importing the same file twice changes nothing. The whole
 * run is one transaction.
 */
@Component
class ContentMetricsImportHandler implements ImportHandler {

	static final String KIND = "content-metrics";

	static final String UNKNOWN_CODE = "content.import.problem.unknownCode";

	static final String DUPLICATE = "content.import.problem.duplicate";

	static final String HEADER = "content.import.refused.header";

	static final String[] CODE = { "tracking_code", "tracking code", "content_code", "code", "跟踪码", "追踪码", "内容码" };

	static final String[] DATE = { "date", "日期", "统计日期" };

	static final String[] VIEWS = { "views", "播放量", "观看量", "阅读量", "浏览量" };

	static final String[] LIKES = { "likes", "点赞", "点赞数", "点赞量" };

	static final String[] COMMENTS = { "comments", "评论", "评论数", "评论量" };

	static final String[] SHARES = { "shares", "分享", "分享数", "转发", "转发数" };

	static final String[] CLICKS = { "clicks", "点击", "点击量", "商品点击" };

	private final JdbcClient jdbc;

	private final AuditLog audit;

	private final TransactionTemplate transactions;

	ContentMetricsImportHandler(JdbcClient jdbc, AuditLog audit, PlatformTransactionManager transactions) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "content.import.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("content.import.template.en", "/imports/content-metrics/template.csv?headers=en"),
				new ImportLink("content.import.template.zh", "/imports/content-metrics/template.csv?headers=zh"));
	}

	@Override
	public long inspect(Path file) {
		return open(file).records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		CsvFile file = open(run.file());
		Header header = file.header();
		Map<String, Long> pieces = new HashMap<>();
		this.jdbc.sql("SELECT tracking_code, id FROM content_piece")
			.query((rs, row) -> pieces.put(rs.getString(1), rs.getLong(2)))
			.list();
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
					String code = TrackingCodes.normalize(row.id(header.index(CODE)));
					Long piece = null;
					if (code == null) {
						issues.add(new Issue(row.number(), header.name(header.index(CODE)), null,
								CsvProblems.VALUE_REQUIRED, List.of()));
					}
					else {
						piece = pieces.get(code);
						if (piece == null) {
							issues.add(new Issue(row.number(), header.name(header.index(CODE)), code, UNKNOWN_CODE,
									List.of()));
						}
					}
					LocalDate date = null;
					String dateText = row.text(header.index(DATE));
					if (dateText.isEmpty()) {
						issues.add(new Issue(row.number(), header.name(header.index(DATE)), null,
								CsvProblems.VALUE_REQUIRED, List.of()));
					}
					else {
						Parsed<LocalDate> parsed = Cells.date(dateText);
						if (parsed.ok()) {
							date = parsed.value();
						}
						else {
							issues.add(new Issue(row.number(), header.name(header.index(DATE)), dateText,
									parsed.problem(), List.of()));
						}
					}
					long views = number(row, header.index(VIEWS), header, issues);
					long likes = number(row, header.index(LIKES), header, issues);
					long comments = number(row, header.index(COMMENTS), header, issues);
					long shares = number(row, header.index(SHARES), header, issues);
					long clicks = number(row, header.index(CLICKS), header, issues);
					if (issues.size() == before) {
						String key = piece + "|" + date;
						Long earlier = seen.putIfAbsent(key, row.number());
						if (earlier != null) {
							issues.add(new Issue(row.number(), "", null, DUPLICATE, List.of(earlier)));
						}
						else {
							rows.add(new Row(piece, date, new Metrics(views, likes, comments, shares, clicks)));
						}
					}
					if (issues.size() > before) {
						failed[0]++;
					}
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
				List<Boolean> written = this.jdbc
					.sql("""
							INSERT INTO content_metric (piece_id, metric_date, views, likes, comments, shares, clicks, source)
							VALUES (:piece, :date, :views, :likes, :comments, :shares, :clicks, 'IMPORT')
							ON CONFLICT (piece_id, metric_date) DO UPDATE SET views = EXCLUDED.views,
							    likes = EXCLUDED.likes, comments = EXCLUDED.comments, shares = EXCLUDED.shares,
							    clicks = EXCLUDED.clicks, source = EXCLUDED.source, updated_at = now()
							WHERE (content_metric.views, content_metric.likes, content_metric.comments,
							       content_metric.shares, content_metric.clicks)
							    IS DISTINCT FROM (EXCLUDED.views, EXCLUDED.likes, EXCLUDED.comments, EXCLUDED.shares,
							       EXCLUDED.clicks)
							RETURNING (xmax = 0)""")
					.param("piece", row.piece())
					.param("date", row.date())
					.param("views", row.metrics().views())
					.param("likes", row.metrics().likes())
					.param("comments", row.metrics().comments())
					.param("shares", row.metrics().shares())
					.param("clicks", row.metrics().clicks())
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
				this.audit.record("CONTENT_METRICS_IMPORTED", "content", "job-" + run.jobId(),
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

	/**
	 * A count cell: empty is 0; thousands commas and {@code 万} / {@code w} (ten thousand)
	 * are read.
	 */
	private static long number(CsvRow row, int index, Header header, List<Issue> issues) {
		String text = row.text(index).replace(",", "").replace("，", "");
		if (text.isEmpty() || text.equals("-")) {
			return 0;
		}
		try {
			BigDecimal value;
			if (text.endsWith("万") || text.endsWith("w") || text.endsWith("W")) {
				value = new BigDecimal(text.substring(0, text.length() - 1).strip())
					.multiply(BigDecimal.valueOf(10_000));
			}
			else {
				value = new BigDecimal(text);
			}
			if (value.signum() < 0) {
				issues.add(new Issue(row.number(), header.name(index), text, CsvProblems.NUMBER_NEGATIVE, List.of()));
				return 0;
			}
			if (value.compareTo(BigDecimal.valueOf(100_000_000_000L)) > 0) {
				issues.add(new Issue(row.number(), header.name(index), text, CsvProblems.NUMBER_TOO_LARGE, List.of()));
				return 0;
			}
			return value.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact();
		}
		catch (NumberFormatException | ArithmeticException ex) {
			issues.add(new Issue(row.number(), header.name(index), (text.length() > 50) ? text.substring(0, 50) : text,
					CsvProblems.NUMBER_INVALID, List.of()));
			return 0;
		}
	}

	private static CsvFile open(Path path) {
		try {
			CsvFile file = CsvFile.open(path);
			if (!file.header().has(CODE) || !file.header().has(DATE)) {
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

	private record Row(long piece, LocalDate date, Metrics metrics) {
	}

	private record Issue(long row, String column, String value, String code, List<Object> args) {
	}

}
