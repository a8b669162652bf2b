package io.shopops.fulfilment.order.importing;

import io.shopops.fulfilment.order.OrderStatus;
import org.junit.jupiter.api.Test;

import static io.shopops.fulfilment.order.OrderStatus.CANCELLED;
import static io.shopops.fulfilment.order.OrderStatus.CLOSED;
import static io.shopops.fulfilment.order.OrderStatus.COMPLETED;
import static io.shopops.fulfilment.order.OrderStatus.DELIVERED;
import static io.shopops.fulfilment.order.OrderStatus.PAID;
import static io.shopops.fulfilment.order.OrderStatus.PARTIALLY_SHIPPED;
import static io.shopops.fulfilment.order.OrderStatus.PENDING_PAYMENT;
import static io.shopops.fulfilment.order.OrderStatus.SHIPPED;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * How a re-import moves an existing order to the status its file shows: forward along the
 * status machine, step by step, never backwards.
 */
class OrderPlacerPathTests {

	@Test
	void movesForwardStepByStepAlongTheNormalPath() {
		assertThat(OrderPlacer.path(PAID, SHIPPED)).containsExactly(SHIPPED);
		assertThat(OrderPlacer.path(PAID, COMPLETED)).containsExactly(SHIPPED, COMPLETED);
		assertThat(OrderPlacer.path(PENDING_PAYMENT, DELIVERED)).containsExactly(PAID, SHIPPED, DELIVERED);
		assertThat(OrderPlacer.path(PENDING_PAYMENT, CANCELLED)).containsExactly(CANCELLED);
		assertThat(OrderPlacer.path(SHIPPED, CLOSED)).containsExactly(CLOSED);
		assertThat(OrderPlacer.path(PARTIALLY_SHIPPED, SHIPPED)).containsExactly(SHIPPED);
	}

	@Test
	void neverMovesBackwardsOrOutOfAFinalStatus() {
		assertThat(OrderPlacer.path(COMPLETED, PAID)).isEmpty();
		assertThat(OrderPlacer.path(SHIPPED, CANCELLED)).isEmpty();
		assertThat(OrderPlacer.path(CLOSED, COMPLETED)).isEmpty();
		assertThat(OrderPlacer.path(CANCELLED, PAID)).isEmpty();
		for (OrderStatus status : OrderStatus.values()) {
			assertThat(OrderPlacer.path(status, status)).isEmpty();
		}
	}

}
