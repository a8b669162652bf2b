package io.shopops.fulfilment.aftersales.review;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;

import io.shopops.fulfilment.aftersales.ticket.TicketDraft;
import io.shopops.fulfilment.aftersales.ticket.TicketPriority;
import io.shopops.fulfilment.aftersales.ticket.Tickets;
import io.shopops.fulfilment.catalog.ProductCatalog;
import io.shopops.fulfilment.catalog.ProductMatch;
import io.shopops.fulfilment.order.OrderSnapshot;
import io.shopops.fulfilment.order.Orders;
import io.shopops.fulfilment.order.SalesChannels;
import io.shopops.platform.AuditLog;

import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The changes operators make to reviews: entering one, replying (and editing the reply),
 * hiding and showing, and turning one into a service ticket. Each is one transaction with
 * its audit entry.
 */
@Service
class ReviewService {

	private final JdbcClient jdbc;

	private final ProductCatalog catalog;

	private final Orders orders;

	private final SalesChannels channels;

	private final Tickets tickets;

	private final AuditLog auditLog;

	ReviewService(JdbcClient jdbc, ProductCatalog catalog, Orders orders, SalesChannels channels, Tickets tickets,
			AuditLog auditLog) {
		this.jdbc = jdbc;
		this.catalog = catalog;
		this.orders = orders;
		this.channels = channels;
		this.tickets = tickets;
		this.auditLog = auditLog;
	}

	/**
	 * Enters a review.
	 * @param form the validated form
	 * @param zone the shop's zone, for the review's date
	 * @return the review's id
	 * @throws ReviewFormException naming the field the catalog or orders refuse
	 */
	@Transactional
	long create(ReviewForm form, ZoneId zone) {
		String channel = blankToNull(form.getChannel());
		if (channel != null && this.channels.find(channel).isEmpty()) {
			throw new ReviewFormException("channel", "reviews.form.channel.unknown");
		}
		ProductMatch product = this.catalog.findBySku(form.getSku().strip())
			.orElseThrow(() -> new ReviewFormException("sku", "reviews.form.sku.unknown"));
		String number = blankToNull(form.getOrderNumber());
		Long orderId = null;
		if (number != null) {
			if (channel == null) {
				throw new ReviewFormException("channel", "reviews.form.channel.forOrder");
			}
			orderId = this.orders.find(channel, number)
				.map(OrderSnapshot::id)
				.orElseThrow(() -> new ReviewFormException("orderNumber", "reviews.form.orderNumber.unknown"));
		}
		Instant reviewedAt = form.getReviewedOn().atStartOfDay(zone).toInstant();
		long id = this.jdbc.sql("""
				INSERT INTO review (channel_code, source, product_id, variant_id, sku, product_handle, order_id,
				    order_number, rating, title, body, author, reviewed_at)
				VALUES (:channel, 'MANUAL', :product, :variant, :sku, :handle, :order, :number, :rating, :title,
				    :body, :author, :reviewed) RETURNING id""")
			.param("channel", channel)
			.param("product", product.productId())
			.param("variant", product.variantId())
			.param("sku", product.sku())
			.param("handle", product.handle())
			.param("order", orderId)
			.param("number", number)
			.param("rating", form.getRating())
			.param("title", blankToNull(form.getTitle()))
			.param("body", form.getBody().strip())
			.param("author", blankToNull(form.getAuthor()))
			.param("reviewed", Timestamp.from(reviewedAt))
			.query(Long.class)
			.single();
		this.auditLog.record("REVIEW_CREATED", "review", Long.toString(id),
				"sku=" + product.sku() + " rating=" + form.getRating());
		return id;
	}

	/**
	 * Replies to a review, or changes the reply.
	 * @param id the review
	 * @param text the reply
	 * @param version the version the operator saw
	 * @param user who replies
	 * @throws OptimisticLockingFailureException if someone changed the review meanwhile
	 */
	@Transactional
	void reply(long id, String text, long version, String user) {
		Locked review = lock(id);
		if (review.version() != version) {
			throw new OptimisticLockingFailureException("review " + id + " changed");
		}
		this.jdbc.sql("""
				UPDATE review SET reply = :reply, reply_by = :user, replied_at = now(), updated_at = now(),
				    version = version + 1 WHERE id = :id""")
			.param("reply", text.strip())
			.param("user", user)
			.param("id", id)
			.update();
		if (review.reply() == null) {
			this.auditLog.record("REVIEW_REPLIED", "review", Long.toString(id), "rating=" + review.rating());
		}
		else {
			this.auditLog.record("REVIEW_REPLY_EDITED", "review", Long.toString(id),
					"before=" + shorten(review.reply()));
		}
	}

	/**
	 * Hides a review from the list and the ratings, or shows it again.
	 * @param id the review
	 * @param hidden whether to hide it
	 * @return whether anything changed
	 */
	@Transactional
	boolean hide(long id, boolean hidden) {
		Locked review = lock(id);
		if (review.hidden() == hidden) {
			return false;
		}
		this.jdbc.sql("UPDATE review SET hidden = :hidden, updated_at = now(), version = version + 1 WHERE id = :id")
			.param("hidden", hidden)
			.param("id", id)
			.update();
		if (hidden) {
			this.auditLog.record("REVIEW_HIDDEN", "review", Long.toString(id), null);
		}
		else {
			this.auditLog.record("REVIEW_UNHIDDEN", "review", Long.toString(id), null);
		}
		return true;
	}

	/**
	 * Opens a service ticket for a review, once: a second call answers the same ticket. A
	 * one-star review is urgent, a two-star one high, any other normal.
	 * @param id the review
	 * @return the ticket's id
	 */
	@Transactional
	long openTicket(long id) {
		Locked review = lock(id);
		if (review.ticketId() != null) {
			return review.ticketId();
		}
		TicketSource view = this.jdbc.sql("""
				SELECT coalesce(p.title, r.product_name, r.product_handle, r.sku), r.title, r.body, r.author,
				       r.author_email, r.order_id, r.rating FROM review r
				LEFT JOIN product p ON p.id = r.product_id WHERE r.id = :id""")
			.param("id", id)
			.query((rs, row) -> new TicketSource(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), (Long) rs.getObject(6), rs.getInt(7)))
			.single();
		TicketPriority priority = (view.rating() <= 1) ? TicketPriority.URGENT
				: Ratings.bad(view.rating()) ? TicketPriority.HIGH : TicketPriority.NORMAL;
		String subject = shorten("%d★ %s".formatted(view.rating(), Optional.ofNullable(view.product()).orElse("")),
				200);
		String body = (view.title() != null) ? view.title() + "\n\n" + Optional.ofNullable(view.body()).orElse("")
				: view.body();
		long ticketId = this.tickets.open(new TicketDraft(subject.strip(), body, priority, view.orderId(),
				view.author(), view.email(), "review", Long.toString(id)));
		this.jdbc.sql("UPDATE review SET ticket_id = :ticket, updated_at = now(), version = version + 1 WHERE id = :id")
			.param("ticket", ticketId)
			.param("id", id)
			.update();
		this.auditLog.record("REVIEW_TICKET_OPENED", "review", Long.toString(id),
				"ticket=" + ticketId + " priority=" + priority);
		return ticketId;
	}

	private Locked lock(long id) {
		return this.jdbc.sql("SELECT reply, hidden, ticket_id, rating, version FROM review WHERE id = :id FOR UPDATE")
			.param("id", id)
			.query((rs, row) -> new Locked(rs.getString(1), rs.getBoolean(2), (Long) rs.getObject(3), rs.getInt(4),
					rs.getLong(5)))
			.optional()
			.orElseThrow(() -> new ReviewNotFoundException(id));
	}

	private static String blankToNull(String text) {
		return (text == null || text.isBlank()) ? null : text.strip();
	}

	private static String shorten(String text) {
		return shorten(text, 80);
	}

	private static String shorten(String text, int max) {
		return (text.length() > max) ? text.substring(0, max - 1) + "…" : text;
	}

	/**
	 * What a ticket opened for a review says.
	 */
	private record TicketSource(String product, String title, String body, String author, String email, Long orderId,
			int rating) {
	}

	private record Locked(String reply, boolean hidden, Long ticketId, int rating, long version) {
	}

	/**
	 * A field of the review form that the catalog, channels or orders refuse.
	 */
	static class ReviewFormException extends RuntimeException {

		private final String field;

		private final String code;

		ReviewFormException(String field, String code) {
			super(code);
			this.field = field;
			this.code = code;
		}

		String field() {
			return this.field;
		}

		String code() {
			return this.code;
		}

	}

}
