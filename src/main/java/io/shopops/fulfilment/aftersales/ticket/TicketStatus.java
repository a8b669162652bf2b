package io.shopops.fulfilment.aftersales.ticket;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Where a ticket is. Open tickets wait for the shop, pending ones for the customer; a
 * resolved ticket can be reopened (the customer writes again) or closed; a closed ticket
 * is final, so that the reports on it never change and a new question opens a new ticket.
 * A ticket waiting for the customer may be resolved directly (the customer answered on
 * the phone, or never answered).
 */
enum TicketStatus {

	OPEN, PENDING_CUSTOMER, RESOLVED, CLOSED;

	/**
	 * The value stored and shown in URLs: {@code open}, {@code pending_customer} …
	 */
	String code() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Optional<TicketStatus> fromCode(String code) {
		return Arrays.stream(values()).filter((status) -> status.code().equals(code)).findFirst();
	}

	/**
	 * The statuses this one may move to.
	 */
	Set<TicketStatus> next() {
		return switch (this) {
			case OPEN -> EnumSet.of(PENDING_CUSTOMER, RESOLVED);
			case PENDING_CUSTOMER -> EnumSet.of(OPEN, RESOLVED);
			case RESOLVED -> EnumSet.of(OPEN, CLOSED);
			case CLOSED -> EnumSet.noneOf(TicketStatus.class);
		};
	}

	boolean canMoveTo(TicketStatus target) {
		return next().contains(target);
	}

	/**
	 * Whether the ticket still needs work, so its SLA clocks run and it counts in the
	 * queue.
	 */
	boolean active() {
		return this == OPEN || this == PENDING_CUSTOMER;
	}

	/**
	 * Whether replies, notes, assignment and priority may still change.
	 */
	boolean editable() {
		return this != CLOSED;
	}

}
