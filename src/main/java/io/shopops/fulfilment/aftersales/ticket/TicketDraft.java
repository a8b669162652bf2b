package io.shopops.fulfilment.aftersales.ticket;

/**
 * A ticket to open.
 *
 * @param subject a one-line subject, required
 * @param body what the customer asked or complained about, may be {@code null}
 * @param priority how urgent it is, required
 * @param orderId the order it is about, may be {@code null}
 * @param customerName the customer's name, may be {@code null}
 * @param customerContact the customer's phone, e-mail or channel buyer id, may be
 * {@code null}
 * @param source where the ticket came from: {@code manual}, {@code review},
 * {@code after_sales}
 * @param sourceReference the id of the review or request it came from, may be
 * {@code null}
 */
public record TicketDraft(String subject, String body, TicketPriority priority, Long orderId, String customerName,
		String customerContact, String source, String sourceReference) {

}
