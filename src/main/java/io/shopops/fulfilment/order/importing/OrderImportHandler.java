package io.shopops.fulfilment.order.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.shopops.fulfilment.order.ChannelImportParameter;
import io.shopops.fulfilment.order.SalesChannel;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.ImportHandler;
import io.shopops.platform.ShopSettings;
import io.shopops.platform.csv.CsvFileException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports channel order exports as the platform's {@code orders} import kind: one file
 * (template, Shopify, 京东, 抖店) or the two files of a 淘宝/天猫 export, for the sales channel
 * chosen with the upload.
 * <p>
 * The whole run is one transaction: a validate-only run, an all-or-nothing run with a
 * failed row, a cancelled or crashed run leave the orders as they were. Re-importing is
 * idempotent on channel and order number (see {@link OrderPlacer}).
 */
@Component
class OrderImportHandler implements ImportHandler {

	private static final Logger log = LoggerFactory.getLogger(OrderImportHandler.class);

	static final String KIND = "orders";

	private final SalesChannels channels;

	private final ShopSettings shop;

	private final OrderPlacer placer;

	private final TransactionTemplate transactions;

	private final Map<List<Path>, Inspected> inspected = new ConcurrentHashMap<>();

	OrderImportHandler(SalesChannels channels, ShopSettings shop, OrderPlacer placer,
			PlatformTransactionManager transactions) {
		this.channels = channels;
		this.shop = shop;
		this.placer = placer;
		this.transactions = new TransactionTemplate(transactions);
	}

	@Override
	public String kind() {
		return KIND;
	}

	@Override
	public String titleKey() {
		return "import.orders.title";
	}

	@Override
	public List<ImportLink> links() {
		return List.of(new ImportLink("import.orders.template.en", "/imports/orders/template.csv?headers=en"),
				new ImportLink("import.orders.template.zh", "/imports/orders/template.csv?headers=zh"));
	}

	@Override
	public int maxFiles() {
		return 2;
	}

	@Override
	public List<ImportField> fields() {
		return List
			.of(ChannelImportParameter.field(this.channels, "import.orders.channel", "import.orders.channel.help"));
	}

	@Override
	public long inspect(Path file) {
		return inspect(List.of(file), Map.of());
	}

	@Override
	public long inspect(List<Path> files, Map<String, String> parameters) {
		channel(parameters);
		// forget the uploads that were refused or cancelled before they ran
		this.inspected.keySet().removeIf((stored) -> !Files.exists(stored.get(0)));
		OrderFiles.Upload upload = upload(files);
		this.inspected.put(List.copyOf(files), new Inspected(upload, fingerprint(files)));
		return upload.records();
	}

	@Override
	public ImportResult run(ImportRun run) {
		long start = System.nanoTime();
		SalesChannel channel = channel(run.parameters());
		Inspected known = this.inspected.remove(run.files());
		OrderFiles.Upload upload = (known != null && known.fingerprint().equals(fingerprint(run.files())))
				? known.upload() : upload(run.files());
		ShopSettings.ShopProfile profile = this.shop.current();
		OrderFiles.Result read;
		try {
			read = OrderFiles.read(upload, channel.code(), profile.timeZone(), profile.currency().getCurrencyCode());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		long readNanos = System.nanoTime() - start;
		for (RowIssue issue : read.issues()) {
			report(run, issue);
		}
		run.progress(0, 0, 0, 0, read.failedRows());
		ImportResult result = this.transactions.execute((status) -> {
			boolean strict = run.mode() == ImportMode.APPLY && run.policy() == ImportPolicy.ALL_OR_NOTHING;
			OrderPlacer.Counts counts = this.placer.place(channel, read, run, strict);
			long failed = read.failedRows() + counts.failedRows();
			boolean write = run.mode() == ImportMode.APPLY && !counts.poisoned()
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
		log.info("Order import job {} ({}, {}): {} rows in {} s (reading {} s)", run.jobId(), upload.layout(),
				channel.code(), result.total(), "%.2f".formatted((System.nanoTime() - start) / 1e9),
				"%.2f".formatted(readNanos / 1e9));
		return result;
	}

	static void report(ImportRun run, RowIssue issue) {
		if (issue.warning()) {
			run.warning(issue.row(), issue.column(), issue.value(), issue.code(), issue.args());
		}
		else {
			run.problem(issue.row(), issue.column(), issue.value(), issue.code(), issue.args());
		}
	}

	private SalesChannel channel(Map<String, String> parameters) {
		return ChannelImportParameter.resolve(this.channels, parameters, OrderProblems.CHANNEL_MISSING,
				OrderProblems.CHANNEL_UNKNOWN);
	}

	/**
	 * Sizes and modification times: an upload inspected when it arrived is only trusted
	 * at run time if its files are unchanged.
	 */
	private static String fingerprint(List<Path> files) {
		StringBuilder fingerprint = new StringBuilder();
		for (Path file : files) {
			try {
				fingerprint.append(Files.size(file)).append('@').append(Files.getLastModifiedTime(file).toMillis());
			}
			catch (IOException ex) {
				return "";
			}
			fingerprint.append(';');
		}
		return fingerprint.toString();
	}

	/**
	 * What the inspection of an upload found, kept so that its files are not scanned
	 * twice.
	 */
	private record Inspected(OrderFiles.Upload upload, String fingerprint) {
	}

	private static OrderFiles.Upload upload(List<Path> files) {
		try {
			return OrderFiles.inspect(files);
		}
		catch (CsvFileException ex) {
			throw new ImportRefusedException(ex.code(), ex.args());
		}
		catch (IOException ex) {
			throw new ImportRefusedException("import.refused.unreadable", List.of());
		}
	}

}
