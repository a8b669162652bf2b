package io.shopops.fulfilment.aftersales.review;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

import io.shopops.fulfilment.order.ChannelImportParameter;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports review exports as the platform's {@code reviews} import kind, for the sales
 * channel chosen with the upload (its orders are matched by number).
 * <p>
 * The whole run is one transaction: a validate-only run, an all-or-nothing run with a
 * failed row, a cancelled or crashed run leave the reviews as they were. Re-importing is
 * idempotent (see {@link ReviewWriter}).
 */
@Component
class ReviewImportHandler implements ImportHandler {

	static final String KIND = "reviews";

	private final SalesChannels channels;

	private final ShopSettings shop;

	private final ReviewWriter writer;

	private final TransactionTemplate transactions;

	ReviewImportHandler(SalesChannels channels, ShopSettings shop, ReviewWriter writer,
			PlatformTransactionManager transactions) {
		this.channels = channels;
		this.shop = shop;
		this.writer = writer;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "reviews.import.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("reviews.import.template.en", "/imports/reviews/template.csv?headers=en"),
				new ImportLink("reviews.import.template.zh", "/imports/reviews/template.csv?headers=zh"));
	}

	@Override
	public List<ImportField> fields() {
		return List
			.of(ChannelImportParameter.field(this.channels, "reviews.import.channel", "reviews.import.channel.help"));
	}

	@Override
	public long inspect(Path file) {
		return open(file).records();
	}

	@Override
	public long inspect(List<Path> files, Map<String, String> parameters) {
		channel(parameters);
		return inspect(files.get(0));
	}

	@Override
	public ImportResult run(ImportRun run) {
		SalesChannel channel = channel(run.parameters());
		CsvFile file = open(run.file());
		ReviewLayout layout = layout(file);
		ReviewFileReader.Result read;
		try {
			read = ReviewFileReader.read(file, layout, this.shop.current().timeZone());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		run.progress(0, 0, 0, 0, read.failedRows());
		List<ReviewIssue> issues = new ArrayList<>(read.issues());
		ImportResult result = this.transactions.execute((status) -> {
			ReviewWriter.Counts counts = this.writer.write(channel.code(), layout, read, run.jobId(), issues);
			long failed = read.failedRows();
			boolean write = run.mode() == ImportMode.APPLY
					&& (run.policy() == ImportPolicy.SKIP_INVALID || failed == 0);
			if (!write) {
				status.setRollbackOnly();
			}
			boolean nothing = run.mode() == ImportMode.APPLY && !write;
			long created = nothing ? 0 : counts.created();
			long updated = nothing ? 0 : counts.updated();
			long unchanged = nothing ? 0 : counts.unchanged();
			run.progress(read.records(), created, updated, unchanged, failed);
			return new ImportResult(read.records(), created, updated, unchanged, failed, write);
		});
		issues.sort(Comparator.comparingLong(ReviewIssue::row));
		for (ReviewIssue issue : issues) {
			if (issue.warning()) {
				run.warning(issue.row(), issue.column(), issue.value(), issue.code(), issue.args());
			}
			else {
				run.problem(issue.row(), issue.column(), issue.value(), issue.code(), issue.args());
			}
		}
		return result;
	}

	private SalesChannel channel(Map<String, String> parameters) {
		return ChannelImportParameter.resolve(this.channels, parameters, ReviewProblems.CHANNEL_MISSING,
				ReviewProblems.CHANNEL_UNKNOWN);
	}

	private static CsvFile open(Path path) {
		try {
			CsvFile file = CsvFile.open(path);
			ReviewFileReader.layout(file);
			return file;
		}
		catch (CsvFileException ex) {
			throw new ImportRefusedException(ex.code(), ex.args());
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

	private static ReviewLayout layout(CsvFile file) {
		try {
			return ReviewFileReader.layout(file);
		}
		catch (CsvFileException ex) {
			throw new ImportRefusedException(ex.code(), ex.args());
		}
	}

}
