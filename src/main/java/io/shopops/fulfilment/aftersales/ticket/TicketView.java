package io.shopops.fulfilment.aftersales.ticket;

import java.time.Instant;
import java.util.List;

/**
 * A ticket as its page shows it, with its log.
 *
 * @param row the fields the queue shows too
 * @param body what the customer asked, may be {@code null}
 * @param customerContact the customer's contact, may be {@code null}
 * @param source where it came from
 * @param sourceReference the review or request it came from, may be {@code null}
 * @param openedBy who opened it
 * @param resolvedAt when it was last resolved, may be {@code null}
 * @param closedAt when it was closed, may be {@code null}
 * @param firstResponseBreached whether the first reply is or was late
 * @param resolutionBreached whether the resolution is or was late
 * @param entries the log, oldest first
 */
record TicketView(TicketRow row, String body, String customerContact, String source, String sourceReference,
		String openedBy, Instant resolvedAt, Instant closedAt, boolean firstResponseBreached,
		boolean resolutionBreached, List<Entry> entries) {

	/**
	 * One entry of the log.
	 *
	 * @param kind {@code reply}, {@code internal_note}, {@code status_change} or
	 * {@code assignment}
	 * @param author who wrote it
	 * @param body the text
	 * @param at when
	 */
	record Entry(String kind, String author, String body, Instant at) {

		/**
		 * The statuses of a status change ({@code open → resolved}), so that the page
		 * names them in its language.
		 * @return from and to, or {@code null} if this is no status change
		 */
		public TicketStatus[] statusChange() {
			if (!"status_change".equals(this.kind)) {
				return null;
			}
			String[] parts = this.body.split(" → ");
			if (parts.length != 2) {
				return null;
			}
			var from = TicketStatus.fromCode(parts[0]);
			var to = TicketStatus.fromCode(parts[1]);
			return (from.isPresent() && to.isPresent()) ? new TicketStatus[] { from.get(), to.get() } : null;
		}

	}

}
