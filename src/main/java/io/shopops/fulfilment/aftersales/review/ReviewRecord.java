package io.shopops.fulfilment.aftersales.review;

import java.time.Instant;

/**
 * One review as read from a file, before it is matched to the catalog and the orders.
 *
 * @param row the 1-based row it came from
 * @param externalId the review's id in its source, or one derived from its content when
 * the layout has none
 * @param sku the SKU as written, may be {@code null}
 * @param handle the product handle as written, may be {@code null}
 * @param productName the product's name as written, may be {@code null}
 * @param orderNumber the channel order number, may be {@code null}
 * @param rating 1 to 5
 * @param title the title, may be {@code null}
 * @param body the text, may be {@code null}
 * @param author the reviewer's name, may be {@code null}
 * @param email the reviewer's e-mail, may be {@code null}
 * @param reviewedAt when it was written
 * @param reply the shop's reply, may be {@code null}
 * @param repliedAt when the shop replied, may be {@code null}
 * @param hidden whether the source has it unpublished or marked as spam
 */
record ReviewRecord(long row, String externalId, String sku, String handle, String productName, String orderNumber,
		int rating, String title, String body, String author, String email, Instant reviewedAt, String reply,
		Instant repliedAt, boolean hidden) {

	ReviewRecord withReply(String text, Instant at) {
		return new ReviewRecord(this.row, this.externalId, this.sku, this.handle, this.productName, this.orderNumber,
				this.rating, this.title, this.body, this.author, this.email, this.reviewedAt, text, at, this.hidden);
	}

	/**
	 * A reply row whose review is not in the same file (WooCommerce exports replies as
	 * comments of their own).
	 *
	 * @param row the row
	 * @param column the column naming the parent
	 * @param parentExternalId the external id of the review replied to
	 * @param text the reply
	 * @param at when
	 */
	record Reply(long row, String column, String parentExternalId, String text, Instant at) {
	}

}
