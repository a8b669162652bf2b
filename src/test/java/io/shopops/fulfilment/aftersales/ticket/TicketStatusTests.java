package io.shopops.fulfilment.aftersales.ticket;

import java.util.EnumSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import static io.shopops.fulfilment.aftersales.ticket.TicketStatus.CLOSED;
import static io.shopops.fulfilment.aftersales.ticket.TicketStatus.OPEN;
import static io.shopops.fulfilment.aftersales.ticket.TicketStatus.PENDING_CUSTOMER;
import static io.shopops.fulfilment.aftersales.ticket.TicketStatus.RESOLVED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every transition of the ticket status machine, allowed or not.
 */
class TicketStatusTests {

	@Test
	void anOpenTicketWaitsForTheCustomerOrIsResolved() {
		assertThat(OPEN.next()).containsExactlyInAnyOrder(PENDING_CUSTOMER, RESOLVED);
		assertThat(OPEN.canMoveTo(PENDING_CUSTOMER)).isTrue();
		assertThat(OPEN.canMoveTo(RESOLVED)).isTrue();
		assertThat(OPEN.canMoveTo(OPEN)).isFalse();
		assertThat(OPEN.canMoveTo(CLOSED)).isFalse();
	}

	@Test
	void aPendingTicketGoesBackToOpenOrIsResolved() {
		assertThat(PENDING_CUSTOMER.canMoveTo(OPEN)).isTrue();
		assertThat(PENDING_CUSTOMER.canMoveTo(RESOLVED)).isTrue();
		assertThat(PENDING_CUSTOMER.canMoveTo(PENDING_CUSTOMER)).isFalse();
		assertThat(PENDING_CUSTOMER.canMoveTo(CLOSED)).isFalse();
	}

	@Test
	void aResolvedTicketIsReopenedOrClosed() {
		assertThat(RESOLVED.canMoveTo(OPEN)).isTrue();
		assertThat(RESOLVED.canMoveTo(CLOSED)).isTrue();
		assertThat(RESOLVED.canMoveTo(RESOLVED)).isFalse();
		assertThat(RESOLVED.canMoveTo(PENDING_CUSTOMER)).isFalse();
	}

	@ParameterizedTest
	@EnumSource(TicketStatus.class)
	void aClosedTicketIsFinal(TicketStatus target) {
		assertThat(CLOSED.canMoveTo(target)).isFalse();
		assertThat(CLOSED.editable()).isFalse();
	}

	@Test
	void onlyOpenAndPendingTicketsAreActive() {
		assertThat(EnumSet.allOf(TicketStatus.class)).filteredOn(TicketStatus::active)
			.containsExactlyInAnyOrder(OPEN, PENDING_CUSTOMER);
		assertThat(EnumSet.allOf(TicketStatus.class)).filteredOn(TicketStatus::editable)
			.containsExactlyInAnyOrder(OPEN, PENDING_CUSTOMER, RESOLVED);
	}

	@ParameterizedTest
	@EnumSource(TicketStatus.class)
	void codesRoundTrip(TicketStatus status) {
		assertThat(TicketStatus.fromCode(status.code())).contains(status);
		assertThat(TicketStatus.fromCode(status.name())).isEmpty();
	}

	@Test
	void pendingCustomerHasItsStoredCode() {
		assertThat(PENDING_CUSTOMER.code()).isEqualTo("pending_customer");
		assertThat(TicketStatus.fromCode(null)).isEmpty();
		assertThat(TicketStatus.fromCode("bogus")).isEmpty();
	}

}
