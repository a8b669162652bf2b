package io.shopops.fulfilment.aftersales.ticket;

/**
 * What the queue shows.
 *
 * @param status {@code active} (open and pending, the default), {@code all}, or one
 * status code
 * @param priority one priority, or {@code null} for all
 * @param assignee {@code mine}, {@code unassigned}, a username, or {@code null} for
 * everyone
 * @param breached only tickets whose SLA ran out
 * @param orderId only the tickets of this order, or {@code null}
 * @param page the page, from 0
 */
record TicketFilter(String status, TicketPriority priority, String assignee, boolean breached, Long orderId, int page) {

	static final String ACTIVE = "active";

	static final String ALL = "all";

	static TicketFilter defaults() {
		return new TicketFilter(ACTIVE, null, null, false, null, 0);
	}

	public boolean isFiltered() {
		return !ACTIVE.equals(this.status) || this.priority != null || this.assignee != null || this.breached
				|| this.orderId != null;
	}

	public String priorityParam() {
		return (this.priority != null) ? this.priority.name() : null;
	}

	public String breachedParam() {
		return this.breached ? "true" : null;
	}

	public String statusParam() {
		return ACTIVE.equals(this.status) ? null : this.status;
	}

	TicketFilter withPage(int page) {
		return new TicketFilter(this.status, this.priority, this.assignee, this.breached, this.orderId, page);
	}

}
