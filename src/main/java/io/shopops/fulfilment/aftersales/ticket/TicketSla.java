package io.shopops.fulfilment.aftersales.ticket;

import java.time.Duration;
import java.time.Instant;

/**
 * The SLA clocks of a ticket: the first reply is due a number of hours after it opened,
 * the resolution a number of hours after it opened (or was last reopened). A clock is
 * breached when its time passed without the reply or resolution, or when the reply or
 * resolution came late; the clocks of a closed ticket no longer run.
 *
 * @param firstResponseDue when the first reply is due
 * @param resolutionDue when the resolution is due
 */
record TicketSla(Instant firstResponseDue, Instant resolutionDue) {

	/**
	 * The due times of a ticket opened (or reopened) at the given time.
	 */
	static TicketSla from(Instant openedAt, int firstResponseHours, int resolutionHours) {
		if (firstResponseHours < 1 || resolutionHours < 1) {
			throw new IllegalArgumentException("SLA hours must be at least 1");
		}
		return new TicketSla(openedAt.plus(Duration.ofHours(firstResponseHours)),
				openedAt.plus(Duration.ofHours(resolutionHours)));
	}

	/**
	 * Whether the first reply is or was late.
	 * @param firstResponseAt when the first reply was sent, {@code null} if not yet
	 * @param now the time now
	 */
	boolean firstResponseBreached(Instant firstResponseAt, Instant now) {
		Instant answered = (firstResponseAt != null) ? firstResponseAt : now;
		return answered.isAfter(this.firstResponseDue);
	}

	/**
	 * Whether the resolution is or was late.
	 * @param status the ticket's status
	 * @param resolvedAt when it was last resolved, {@code null} if never
	 * @param now the time now
	 */
	boolean resolutionBreached(TicketStatus status, Instant resolvedAt, Instant now) {
		Instant end = status.active() ? now : ((resolvedAt != null) ? resolvedAt : now);
		return end.isAfter(this.resolutionDue);
	}

	/**
	 * Whether either clock is breached while the ticket still needs work: what the queue
	 * flags red and the home card counts.
	 */
	boolean breachedNow(TicketStatus status, Instant firstResponseAt, Instant now) {
		if (!status.active()) {
			return false;
		}
		return (firstResponseAt == null && now.isAfter(this.firstResponseDue)) || now.isAfter(this.resolutionDue);
	}

	/**
	 * Whether an active ticket has a clock running out within the given time: the queue
	 * colours it amber.
	 */
	boolean dueSoon(TicketStatus status, Instant firstResponseAt, Instant now, Duration within) {
		if (!status.active() || breachedNow(status, firstResponseAt, now)) {
			return false;
		}
		Instant horizon = now.plus(within);
		return (firstResponseAt == null && horizon.isAfter(this.firstResponseDue))
				|| horizon.isAfter(this.resolutionDue);
	}

}
