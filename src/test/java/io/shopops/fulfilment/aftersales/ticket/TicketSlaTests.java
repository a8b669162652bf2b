package io.shopops.fulfilment.aftersales.ticket;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The first-response and resolution clocks of a ticket.
 */
class TicketSlaTests {

	static final Instant OPENED = Instant.parse("2026-12-01T08:00:00Z");

	final TicketSla sla = TicketSla.from(OPENED, 4, 48);

	@Test
	void dueTimesCountFromOpening() {
		assertThat(this.sla.firstResponseDue()).isEqualTo(Instant.parse("2026-12-01T12:00:00Z"));
		assertThat(this.sla.resolutionDue()).isEqualTo(Instant.parse("2026-12-03T08:00:00Z"));
	}

	@Test
	void hoursBelowOneAreRefused() {
		assertThatIllegalArgumentException().isThrownBy(() -> TicketSla.from(OPENED, 0, 48));
		assertThatIllegalArgumentException().isThrownBy(() -> TicketSla.from(OPENED, 4, 0));
	}

	@Test
	void firstResponseIsBreachedWhenUnansweredPastItsDueTime() {
		assertThat(this.sla.firstResponseBreached(null, at("2026-12-01T11:59:59Z"))).isFalse();
		assertThat(this.sla.firstResponseBreached(null, at("2026-12-01T12:00:00Z"))).isFalse();
		assertThat(this.sla.firstResponseBreached(null, at("2026-12-01T12:00:01Z"))).isTrue();
	}

	@Test
	void aLateFirstReplyStaysBreachedAndAnEarlyOneNever() {
		assertThat(this.sla.firstResponseBreached(at("2026-12-01T13:00:00Z"), at("2026-12-01T14:00:00Z"))).isTrue();
		assertThat(this.sla.firstResponseBreached(at("2026-12-01T09:00:00Z"), at("2026-12-05T00:00:00Z"))).isFalse();
	}

	@Test
	void resolutionIsBreachedWhileActivePastItsDueTime() {
		assertThat(this.sla.resolutionBreached(TicketStatus.OPEN, null, at("2026-12-03T07:00:00Z"))).isFalse();
		assertThat(this.sla.resolutionBreached(TicketStatus.OPEN, null, at("2026-12-03T09:00:00Z"))).isTrue();
		assertThat(this.sla.resolutionBreached(TicketStatus.PENDING_CUSTOMER, null, at("2026-12-03T09:00:00Z")))
			.isTrue();
	}

	@Test
	void aResolvedTicketIsJudgedByWhenItWasResolved() {
		assertThat(this.sla.resolutionBreached(TicketStatus.RESOLVED, at("2026-12-02T08:00:00Z"),
				at("2026-12-09T00:00:00Z")))
			.isFalse();
		assertThat(this.sla.resolutionBreached(TicketStatus.CLOSED, at("2026-12-04T08:00:00Z"),
				at("2026-12-09T00:00:00Z")))
			.isTrue();
	}

	@Test
	void breachedNowCountsOnlyActiveTickets() {
		Instant late = at("2026-12-01T13:00:00Z");
		assertThat(this.sla.breachedNow(TicketStatus.OPEN, null, late)).isTrue();
		assertThat(this.sla.breachedNow(TicketStatus.OPEN, at("2026-12-01T09:00:00Z"), late)).isFalse();
		assertThat(this.sla.breachedNow(TicketStatus.PENDING_CUSTOMER, null, late)).isTrue();
		assertThat(this.sla.breachedNow(TicketStatus.RESOLVED, null, late)).isFalse();
		assertThat(this.sla.breachedNow(TicketStatus.CLOSED, null, late)).isFalse();
		// answered in time, but not resolved in time
		assertThat(this.sla.breachedNow(TicketStatus.OPEN, at("2026-12-01T09:00:00Z"), at("2026-12-03T08:00:01Z")))
			.isTrue();
	}

	@Test
	void dueSoonWarnsBeforeAClockRunsOut() {
		Duration hour = Duration.ofHours(1);
		assertThat(this.sla.dueSoon(TicketStatus.OPEN, null, at("2026-12-01T11:30:00Z"), hour)).isTrue();
		assertThat(this.sla.dueSoon(TicketStatus.OPEN, null, at("2026-12-01T10:30:00Z"), hour)).isFalse();
		assertThat(this.sla.dueSoon(TicketStatus.OPEN, null, at("2026-12-01T12:30:00Z"), hour))
			.as("already breached, not due soon")
			.isFalse();
		assertThat(this.sla.dueSoon(TicketStatus.OPEN, at("2026-12-01T09:00:00Z"), at("2026-12-03T07:30:00Z"), hour))
			.isTrue();
		assertThat(this.sla.dueSoon(TicketStatus.RESOLVED, null, at("2026-12-01T11:30:00Z"), hour)).isFalse();
	}

	private static Instant at(String instant) {
		return Instant.parse(instant);
	}

}
