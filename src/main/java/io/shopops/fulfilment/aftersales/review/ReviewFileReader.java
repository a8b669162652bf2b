package io.shopops.fulfilment.aftersales.review;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shopops.platform.csv.CsvFile;
import io.shopops.platform.csv.CsvFileException;
import io.shopops.platform.csv.CsvProblems;
import io.shopops.platform.csv.CsvRow;
import io.shopops.platform.csv.CsvRowHandler;
import io.shopops.platform.csv.Header;
import io.shopops.platform.csv.Parsed;

/**
 * Reads a review file of any {@link ReviewLayout} into reviews and row issues, mapping
 * columns by name. A row with a problem is left out whole; texts longer than their column
 * are cut with a warning.
 */
final class ReviewFileReader {

	static final int MAX_TITLE = 200;

	static final int MAX_BODY = 5000;

	static final int MAX_REPLY = 2000;

	static final int MAX_AUTHOR = 120;

	static final int MAX_EMAIL = 254;

	static final int MAX_SKU = 64;

	static final int MAX_HANDLE = 255;

	static final int MAX_ORDER = 64;

	static final int MAX_EXTERNAL_ID = 128;

	private static final Pattern CHINESE_DATE = Pattern
		.compile("(\\d{4})\\s*年\\s*(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*日?\\s*(.*)");

	private static final Pattern COMPACT_DATE = Pattern.compile("(\\d{4})(\\d{2})(\\d{2})");

	private static final Pattern EPOCH = Pattern.compile("\\d{10}|\\d{13}");

	private ReviewFileReader() {
	}

	/**
	 * Recognises a file.
	 * @param file the opened file
	 * @return its layout
	 * @throws CsvFileException if the header matches no layout
	 */
	static ReviewLayout layout(CsvFile file) throws CsvFileException {
		ReviewLayout layout = ReviewLayout.detect(file.header());
		if (layout == null) {
			throw new CsvFileException(ReviewProblems.HEADER_UNKNOWN,
					List.of(String.join(", ", file.header().names().stream().limit(12).toList())));
		}
		return layout;
	}

	/**
	 * Reads every review of a file.
	 * @param file the opened file
	 * @param layout its layout
	 * @param zone the zone of times without an offset
	 * @return the reviews, orphan replies, issues and counts
	 * @throws IOException if the file cannot be read
	 */
	static Result read(CsvFile file, ReviewLayout layout, ZoneId zone) throws IOException {
		Columns columns = Columns.of(layout, file.header());
		List<ReviewIssue> issues = new ArrayList<>();
		Map<String, ReviewRecord> reviews = new LinkedHashMap<>();
		List<ReviewRecord.Reply> replies = new ArrayList<>();
		Set<Long> failed = new HashSet<>();
		long records = file.read(new CsvRowHandler() {

			@Override
			public void row(CsvRow row) {
				Cells cells = new Cells(file.header(), row, zone, layout, issues);
				if (columns.parent >= 0 && cells.text(columns.parent) != null
						&& !"0".equals(cells.text(columns.parent))) {
					ReviewRecord.Reply reply = reply(cells, columns);
					if (reply != null) {
						replies.add(reply);
					}
				}
				else {
					ReviewRecord review = review(cells, columns, layout);
					if (review != null) {
						ReviewRecord earlier = reviews.get(review.externalId());
						if (earlier != null) {
							cells.problem(columns.externalId, review.externalId(), ReviewProblems.DUPLICATE,
									List.of(earlier.row()));
						}
						else {
							reviews.put(review.externalId(), review);
						}
					}
				}
				if (cells.failed) {
					failed.add(row.number());
				}
			}

			@Override
			public void problem(long row, String code, List<Object> args) {
				issues.add(new ReviewIssue(row, "", null, code, args, false));
				failed.add(row);
			}

		});
		List<ReviewRecord.Reply> orphans = new ArrayList<>();
		for (ReviewRecord.Reply reply : replies) {
			ReviewRecord review = reviews.get(reply.parentExternalId());
			if (review != null) {
				reviews.put(review.externalId(), review.withReply(reply.text(), reply.at()));
			}
			else {
				orphans.add(reply);
			}
		}
		issues.sort(Comparator.comparingLong(ReviewIssue::row));
		return new Result(List.copyOf(reviews.values()), orphans, issues, records, failed.size());
	}

	private static ReviewRecord review(Cells cells, Columns columns, ReviewLayout layout) {
		Integer rating = cells.rating(columns.rating, layout == ReviewLayout.TAOBAO);
		Instant reviewedAt = cells.requiredTime(columns.date);
		String sku = cells.text(columns.sku, MAX_SKU);
		String handle = cells.text(columns.handle, MAX_HANDLE);
		String productName = cells.cut(columns.productName, MAX_HANDLE);
		String orderNumber = cells.orderNumber(columns.order);
		String title = cells.cut(columns.title, MAX_TITLE);
		String body = cells.cut(columns.body, MAX_BODY);
		String author = cells.cut(columns.author, MAX_AUTHOR);
		String email = cells.cut(columns.email, MAX_EMAIL);
		String reply = cells.cut(columns.reply, MAX_REPLY);
		Instant repliedAt = cells.time(columns.replyDate);
		boolean hidden = cells.hidden(columns.state, layout);
		String externalId = cells.text(columns.externalId, MAX_EXTERNAL_ID);
		if (sku == null && handle == null && productName == null && !cells.failed) {
			cells.problem(-1, null, ReviewProblems.NO_PRODUCT, List.of());
		}
		if (cells.failed) {
			return null;
		}
		if (externalId == null) {
			externalId = derivedId(layout, sku, handle, productName, orderNumber, author, reviewedAt, body);
		}
		if (reply != null && repliedAt == null) {
			repliedAt = reviewedAt;
		}
		return new ReviewRecord(cells.number(), externalId, sku, handle, productName, orderNumber, rating, title, body,
				author, email, reviewedAt, reply, repliedAt, hidden);
	}

	private static ReviewRecord.Reply reply(Cells cells, Columns columns) {
		String text = cells.cut(columns.body, MAX_REPLY);
		Instant at = cells.time(columns.date);
		if (cells.failed || text == null) {
			return null;
		}
		return new ReviewRecord.Reply(cells.number(), cells.column(columns.parent), cells.text(columns.parent), text,
				at);
	}

	/**
	 * An id for a review whose layout has none: the same review in the same file layout
	 * always gets the same id, so that importing the file again updates it.
	 */
	static String derivedId(ReviewLayout layout, String sku, String handle, String productName, String orderNumber,
			String author, Instant reviewedAt, String body) {
		String key = String.join("\u0001", layout.name(), String.valueOf(sku), String.valueOf(handle),
				String.valueOf(productName), String.valueOf(orderNumber), String.valueOf(author),
				String.valueOf(reviewedAt), String.valueOf(body));
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
			return "sha256:" + HexFormat.of().formatHex(digest, 0, 20);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/**
	 * What a review file holds.
	 *
	 * @param reviews the reviews without problems, in file order (a WooCommerce reply
	 * merged into its review)
	 * @param replies replies whose review is not in the file
	 * @param issues every problem and warning, by row
	 * @param records the data records read
	 * @param failedRows the rows with a problem
	 */
	record Result(List<ReviewRecord> reviews, List<ReviewRecord.Reply> replies, List<ReviewIssue> issues, long records,
			long failedRows) {
	}

	/**
	 * The columns of a file, by field; {@code -1} for a field the file does not have.
	 */
	private record Columns(int externalId, int sku, int handle, int productName, int order, int rating, int title,
			int body, int author, int email, int date, int reply, int replyDate, int state, int parent) {

		static Columns of(ReviewLayout layout, Header h) {
			return switch (layout) {
				case TEMPLATE ->
					new Columns(h.index(TemplateColumn.EXTERNAL_ID.aliases()), h.index(TemplateColumn.SKU.aliases()),
							h.index(TemplateColumn.HANDLE.aliases()), h.index(TemplateColumn.PRODUCT_NAME.aliases()),
							h.index(TemplateColumn.ORDER_NUMBER.aliases()), h.index(TemplateColumn.RATING.aliases()),
							h.index(TemplateColumn.TITLE.aliases()), h.index(TemplateColumn.BODY.aliases()),
							h.index(TemplateColumn.AUTHOR.aliases()), h.index(TemplateColumn.EMAIL.aliases()),
							h.index(TemplateColumn.REVIEWED_AT.aliases()), h.index(TemplateColumn.REPLY.aliases()),
							h.index(TemplateColumn.REPLIED_AT.aliases()), h.index(TemplateColumn.HIDDEN.aliases()), -1);
				case JUDGEME -> new Columns(-1, -1, h.index("product_handle"), -1, -1, h.index("rating"),
						h.index("title"), h.index("body"), h.index("reviewer_name"), h.index("reviewer_email"),
						h.index("review_date"), h.index("reply"), h.index("reply_date"), h.index("curated"), -1);
				case OKENDO -> new Columns(h.index("reviewId", "id"), h.index("sku", "productSku"), h.index("handle"),
						-1, h.index("orderId", "orderNumber"), h.index("rating"), h.index("title"), h.index("body"),
						h.index("name"), h.index("email"), h.index("dateCreated"), h.index("reply", "replyBody"),
						h.index("replyDate", "replyDateCreated"), -1, -1);
				case WOOCOMMERCE ->
					new Columns(h.index("comment_ID"), h.index("product_SKU"), -1, -1, -1, h.index("rating"), -1,
							h.index("comment_content"), h.index("comment_author"), h.index("comment_author_email"),
							h.index("comment_date"), -1, -1, h.index("comment_approved"), h.index("comment_parent"));
				case SHOPIFY -> new Columns(-1, -1, h.index("product_handle"), -1, -1, h.index("rating"),
						h.index("title"), h.index("body"), h.index("author"), h.index("email"), h.index("created_at"),
						h.index("reply"), h.index("replied_at"), h.index("state"), -1);
				case LOOX -> new Columns(h.index("id", "review_id"), h.index("sku", "product_sku"),
						h.index("product_handle"), -1, h.index("order_id", "order_number"), h.index("rating"),
						h.index("title"), h.index("body"), h.index("author"), h.index("email"), h.index("created_at"),
						h.index("reply"), h.index("replied_at"), -1, -1);
				case YOTPO -> new Columns(h.index("Review ID"), h.index("Product SKU", "SKU", "Product ID"),
						h.index("Product Handle", "Product URL"), h.index("Product Title", "Product Name"),
						h.index("Order ID", "Order Number"), h.index("Review Score"), h.index("Review Title"),
						h.index("Review Content"), h.index("Display Name", "Reviewer Name", "Name"), h.index("Email"),
						h.index("Date", "Review Creation Date"), h.index("Comment Content", "Public Comment"),
						h.index("Comment Date", "Comment Created At"), h.index("Published"), -1);
				case TAOBAO ->
					new Columns(h.index("评价ID", "评价编号"), h.index("商家编码", "商品编码", "SKU"), -1, h.index("商品名称", "宝贝名称"),
							h.index("订单编号", "订单号"), h.index("评分"), -1, h.index("评价内容"), h.index("买家昵称", "评价人", "买家"),
							-1, h.index("时间", "评价时间"), h.index("商家回复", "回复内容", "解释内容"), h.index("回复时间"), -1, -1);
			};
		}

	}

	/**
	 * Reads the cells of one row, recording each bad cell as a problem of the row with
	 * its column name. Empty cells and {@code -} read as {@code null}.
	 */
	private static final class Cells {

		private final Header header;

		private final CsvRow row;

		private final ZoneId zone;

		private final ReviewLayout layout;

		private final List<ReviewIssue> issues;

		boolean failed;

		Cells(Header header, CsvRow row, ZoneId zone, ReviewLayout layout, List<ReviewIssue> issues) {
			this.header = header;
			this.row = row;
			this.zone = zone;
			this.layout = layout;
			this.issues = issues;
		}

		long number() {
			return this.row.number();
		}

		String column(int index) {
			return this.header.name(index);
		}

		String text(int index) {
			String text = io.shopops.platform.csv.Cells.id(this.row.raw(index));
			if (this.layout == ReviewLayout.WOOCOMMERCE && text.length() > 1 && text.charAt(0) == '\''
					&& "=+-@".indexOf(text.charAt(1)) >= 0) {
				// the plugin guards formula-like cells with an apostrophe
				text = text.substring(1);
			}
			return (text.isEmpty() || text.equals("-")) ? null : text;
		}

		String text(int index, int max) {
			String text = text(index);
			if (text != null && text.length() > max) {
				problem(index, text, CsvProblems.VALUE_TOO_LONG, List.of(max));
				return null;
			}
			return text;
		}

		String cut(int index, int max) {
			String text = text(index);
			if (text != null && text.length() > max) {
				warning(index, text.substring(0, 50) + "…", ReviewProblems.WARNING_TRUNCATED, List.of(max));
				return text.substring(0, max);
			}
			return text;
		}

		String orderNumber(int index) {
			String text = text(index);
			if (text == null) {
				return null;
			}
			for (String prefix : new String[] { "订单编号：", "订单编号:", "订单号：", "订单号:" }) {
				if (text.startsWith(prefix)) {
					text = text.substring(prefix.length()).strip();
				}
			}
			if (text.length() > MAX_ORDER) {
				problem(index, text, CsvProblems.VALUE_TOO_LONG, List.of(MAX_ORDER));
				return null;
			}
			return text.isEmpty() ? null : text;
		}

		Integer rating(int index, boolean emotionCodes) {
			String text = text(index);
			if (text == null) {
				problem(index, null, CsvProblems.VALUE_REQUIRED, List.of());
				return null;
			}
			Integer rating = Ratings.parse(text, emotionCodes);
			if (rating == null) {
				problem(index, text, ReviewProblems.RATING_INVALID, List.of());
			}
			return rating;
		}

		Instant requiredTime(int index) {
			if (text(index) == null) {
				problem(index, null, CsvProblems.VALUE_REQUIRED, List.of());
				return null;
			}
			return time(index);
		}

		Instant time(int index) {
			String text = text(index);
			if (text == null || text.startsWith("0000-00-00")) {
				return null;
			}
			Instant time = parseTime(text, this.zone);
			if (time == null) {
				problem(index, text, CsvProblems.DATE_INVALID, List.of());
			}
			return time;
		}

		boolean hidden(int index, ReviewLayout layout) {
			String text = text(index);
			if (text == null) {
				return false;
			}
			String value = text.toLowerCase(Locale.ROOT);
			return switch (layout) {
				case JUDGEME -> value.equals("spam");
				case SHOPIFY -> value.equals("unpublished");
				case WOOCOMMERCE -> !(value.equals("1") || value.equals("approved"));
				case YOTPO -> value.equals("false") || value.equals("no") || value.equals("0");
				case TEMPLATE -> {
					Parsed<Boolean> parsed = io.shopops.platform.csv.Cells.bool(text);
					if (!parsed.ok()) {
						problem(index, text, parsed.problem(), List.of());
						yield false;
					}
					yield parsed.value();
				}
				default -> false;
			};
		}

		void problem(int index, String value, String code, List<Object> args) {
			this.failed = true;
			this.issues.add(new ReviewIssue(this.row.number(), column(index), value, code, args, false));
		}

		void warning(int index, String value, String code, List<Object> args) {
			this.issues.add(new ReviewIssue(this.row.number(), column(index), value, code, args, true));
		}

	}

	/**
	 * A time as review exports write it: what
	 * {@link io.shopops.platform.csv.Cells#dateTime} reads, {@code 2026年4月17日 10:00},
	 * {@code 20260417}, or seconds or milliseconds since 1970 (淘宝, 拼多多).
	 * @return the time, or {@code null} if unreadable
	 */
	static Instant parseTime(String text, ZoneId zone) {
		String value = text.strip();
		if (EPOCH.matcher(value).matches()) {
			long epoch = Long.parseLong(value);
			return (value.length() == 13) ? Instant.ofEpochMilli(epoch) : Instant.ofEpochSecond(epoch);
		}
		Matcher chinese = CHINESE_DATE.matcher(value);
		if (chinese.matches()) {
			value = (chinese.group(1) + "-" + chinese.group(2) + "-" + chinese.group(3) + " " + chinese.group(4))
				.strip();
		}
		Matcher compact = COMPACT_DATE.matcher(value);
		if (compact.matches()) {
			value = compact.group(1) + "-" + compact.group(2) + "-" + compact.group(3);
		}
		Parsed<OffsetDateTime> parsed = io.shopops.platform.csv.Cells.dateTime(value, zone);
		return parsed.ok() ? parsed.value().toInstant() : null;
	}

}
