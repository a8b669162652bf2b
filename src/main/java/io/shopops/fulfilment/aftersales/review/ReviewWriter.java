package io.shopops.fulfilment.aftersales.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.platform.AuditLog;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Writes the reviews read from a file, inside the import's transaction, idempotently on
 * channel, source layout and external id: a new review is inserted, a known one updated
 * when the file changed it, otherwise left unchanged. A reply written in ShopOps is kept
 * when the file has none, and a review hidden in ShopOps stays hidden. Products are
 * matched by SKU, then handle, then exact title, then the order's only SKU; orders by the
 * channel's order number.
 */
@Component
class ReviewWriter {

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	private final Orders orders;

	private final AuditLog auditLog;

	ReviewWriter(JdbcClient jdbc, ProductCatalog catalog, Orders orders, AuditLog auditLog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.orders = orders;
		this.auditLog = auditLog;
	}

	/**
	 * Writes the reviews.
	 * @param channelCode the channel the file is from
	 * @param layout the file's layout
	 * @param read what the file holds
	 * @param jobId the import job
	 * @param warnings receives warnings about products and orders not found
	 * @return the counts
	 */
	Counts write(String channelCode, ReviewLayout layout, ReviewFileReader.Result read, long jobId,
			List<ReviewIssue> warnings) {
		long created = 0;
		long updated = 0;
		long unchanged = 0;
		ReviewSource source = layout.source();
		for (ReviewRecord review : read.reviews()) {
			Optional<OrderSnapshot> order = Optional.empty();
			if (review.orderNumber() != null) {
				order = this.orders.find(channelCode, review.orderNumber());
				if (order.isEmpty()) {
					warnings.add(new ReviewIssue(review.row(), "", review.orderNumber(),
							ReviewProblems.WARNING_ORDER_UNKNOWN, List.of(review.orderNumber()), true));
				}
			}
			ProductMatch product = match(review, order.orElse(null));
			if (product == null) {
				String named = (review.sku() != null) ? review.sku()
						: (review.handle() != null) ? review.handle() : review.productName();
				warnings.add(new ReviewIssue(review.row(), "", named, ReviewProblems.WARNING_PRODUCT_UNKNOWN,
						List.of(named), true));
			}
			Stored stored = find(channelCode, source, review.externalId());
			Stored wanted = wanted(review, product, order.orElse(null), stored);
			if (stored == null) {
				insert(channelCode, source, review.externalId(), wanted, jobId);
				created++;
			}
			else if (stored.equals(wanted)) {
				unchanged++;
			}
			else {
				update(stored.id(), wanted, jobId);
				updated++;
			}
		}
		for (ReviewRecord.Reply reply : read.replies()) {
			Stored stored = find(channelCode, source, reply.parentExternalId());
			if (stored == null) {
				warnings.add(new ReviewIssue(reply.row(), reply.column(), reply.parentExternalId(),
						ReviewProblems.WARNING_REPLY_ORPHAN, List.of(reply.parentExternalId()), true));
				continue;
			}
			Instant at = (reply.at() != null) ? reply.at() : stored.reviewedAt();
			Stored wanted = stored.withReply(reply.text(), at);
			if (wanted.equals(stored)) {
				unchanged++;
			}
			else {
				update(stored.id(), wanted, jobId);
				updated++;
			}
		}
		if (created + updated > 0) {
			this.auditLog.record("REVIEWS_IMPORTED", "reviews", channelCode,
					"job=" + jobId + " layout=" + layout + " created=" + created + " updated=" + updated);
		}
		return new Counts(created, updated, unchanged);
	}

	private ProductMatch match(ReviewRecord review, OrderSnapshot order) {
		if (review.sku() != null) {
			Optional<ProductMatch> bySku = this.catalog.findBySku(review.sku());
			if (bySku.isPresent()) {
				return bySku.get();
			}
		}
		if (review.handle() != null) {
			Optional<ProductMatch> byHandle = this.catalog.findByHandle(review.handle());
			if (byHandle.isPresent()) {
				return byHandle.get();
			}
		}
		if (review.productName() != null) {
			Optional<ProductMatch> byTitle = this.catalog.findByTitle(review.productName());
			if (byTitle.isPresent()) {
				return byTitle.get();
			}
		}
		if (order != null) {
			List<String> skus = order.lines()
				.stream()
				.filter((line) -> line.variantId() != null)
				.map(OrderSnapshot.Line::sku)
				.distinct()
				.toList();
			if (skus.size() == 1) {
				return this.catalog.findBySku(skus.get(0)).orElse(null);
			}
		}
		return null;
	}

	private static Stored wanted(ReviewRecord review, ProductMatch product, OrderSnapshot order, Stored stored) {
		String reply = review.reply();
		Instant repliedAt = review.repliedAt();
		String replyBy = null;
		if (reply == null && stored != null) {
			reply = stored.reply();
			repliedAt = stored.repliedAt();
			replyBy = stored.replyBy();
		}
		else if (stored != null && Objects.equals(reply, stored.reply())) {
			replyBy = stored.replyBy();
		}
		boolean hidden = review.hidden() || (stored != null && stored.hidden());
		String sku = (product != null && product.sku() != null) ? product.sku() : review.sku();
		String handle = (product != null) ? product.handle() : review.handle();
		return new Stored((stored != null) ? stored.id() : 0, (product != null) ? product.productId() : null,
				(product != null) ? product.variantId() : null, sku, handle, review.productName(),
				(order != null) ? order.id() : null, review.orderNumber(), review.rating(), review.title(),
				review.body(), review.author(), review.email(), micros(review.reviewedAt()), reply, replyBy,
				micros(repliedAt), hidden);
	}

	private Stored find(String channelCode, ReviewSource source, String externalId) {
		return this.jdbc.sql("""
				SELECT id, product_id, variant_id, sku, product_handle, product_name, order_id, order_number, rating,
				       title, body, author, author_email, reviewed_at, reply, reply_by, replied_at, hidden
				FROM review WHERE coalesce(channel_code, '') = :channel AND source = :source
				AND external_id = :external FOR UPDATE""")
			.param("channel", channelCode)
			.param("source", source.name())
			.param("external", externalId)
			.query((rs, row) -> new Stored(rs.getLong(1), (Long) rs.getObject(2), (Long) rs.getObject(3),
					rs.getString(4), rs.getString(5), rs.getString(6), (Long) rs.getObject(7), rs.getString(8),
					rs.getInt(9), rs.getString(10), rs.getString(11), rs.getString(12), rs.getString(13),
					instant(rs.getTimestamp(14)), rs.getString(15), rs.getString(16), instant(rs.getTimestamp(17)),
					rs.getBoolean(18)))
			.optional()
			.orElse(null);
	}

	private void insert(String channelCode, ReviewSource source, String externalId, Stored review, long jobId) {
		this.jdbc.sql("""
				INSERT INTO review (channel_code, source, external_id, product_id, variant_id, sku, product_handle,
				    product_name, order_id, order_number, rating, title, body, author, author_email, reviewed_at,
				    reply, reply_by, replied_at, hidden, import_job_id)
				VALUES (:channel, :source, :external, :product, :variant, :sku, :handle, :name, :order, :number,
				    :rating, :title, :body, :author, :email, :reviewed, :reply, :replyBy, :replied, :hidden, :job)""")
			.param("channel", channelCode)
			.param("source", source.name())
			.param("external", externalId)
			.params(params(review))
			.param("job", jobId)
			.update();
	}

	private void update(long id, Stored review, long jobId) {
		this.jdbc.sql("""
				UPDATE review SET product_id = :product, variant_id = :variant, sku = :sku, product_handle = :handle,
				    product_name = :name, order_id = :order, order_number = :number, rating = :rating, title = :title,
				    body = :body, author = :author, author_email = :email, reviewed_at = :reviewed, reply = :reply,
				    reply_by = :replyBy, replied_at = :replied, hidden = :hidden, import_job_id = :job,
				    updated_at = now(), version = version + 1
				WHERE id = :id""").params(params(review)).param("job", jobId).param("id", id).update();
	}

	private static java.util.Map<String, Object> params(Stored review) {
		java.util.Map<String, Object> params = new java.util.HashMap<>();
		params.put("product", review.productId());
		params.put("variant", review.variantId());
		params.put("sku", review.sku());
		params.put("handle", review.handle());
		params.put("name", review.productName());
		params.put("order", review.orderId());
		params.put("number", review.orderNumber());
		params.put("rating", review.rating());
		params.put("title", review.title());
		params.put("body", review.body());
		params.put("author", review.author());
		params.put("email", review.email());
		params.put("reviewed", Timestamp.from(review.reviewedAt()));
		params.put("reply", review.reply());
		params.put("replyBy", review.replyBy());
		params.put("replied", (review.repliedAt() != null) ? Timestamp.from(review.repliedAt()) : null);
		params.put("hidden", review.hidden());
		return params;
	}

	private static Instant micros(Instant instant) {
		return (instant != null) ? instant.truncatedTo(java.time.temporal.ChronoUnit.MICROS) : null;
	}

	private static Instant instant(Timestamp timestamp) {
		return (timestamp != null) ? timestamp.toInstant() : null;
	}

	/**
	 * What a review row holds, for comparing the file with the database.
	 */
	record Stored(long id, Long productId, Long variantId, String sku, String handle, String productName, Long orderId,
			String orderNumber, int rating, String title, String body, String author, String email, Instant reviewedAt,
			String reply, String replyBy, Instant repliedAt, boolean hidden) {

		Stored withReply(String text, Instant at) {
			return new Stored(this.id, this.productId, this.variantId, this.sku, this.handle, this.productName,
					this.orderId, this.orderNumber, this.rating, this.title, this.body, this.author, this.email,
					this.reviewedAt, text, Objects.equals(text, this.reply) ? this.replyBy : null,
					Objects.equals(text, this.reply) ? this.repliedAt : at, this.hidden);
		}

	}

	/**
	 * The counts of a write.
	 */
	record Counts(long created, long updated, long unchanged) {
	}

}
