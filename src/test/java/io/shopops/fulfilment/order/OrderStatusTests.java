package io.shopops.fulfilment.order;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * The status machine: pending payment → paid → shipped → delivered → completed, cancelled
 * before shipping, closed after.
 */
class OrderStatusTests {

	@Test
	void followsTheNormalPath() {
		assertThat(OrderStatus.PENDING_PAYMENT.canMoveTo(OrderStatus.PAID)).isTrue();
		assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.PARTIALLY_SHIPPED)).isTrue();
		assertThat(OrderStatus.PARTIALLY_SHIPPED.canMoveTo(OrderStatus.SHIPPED)).isTrue();
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.DELIVERED)).isTrue();
		assertThat(OrderStatus.DELIVERED.canMoveTo(OrderStatus.COMPLETED)).isTrue();
	}

	@Test
	void cancelsOnlyBeforeShipping() {
		assertThat(OrderStatus.PENDING_PAYMENT.canMoveTo(OrderStatus.CANCELLED)).isTrue();
		assertThat(OrderStatus.AWAITING_STOCK.canMoveTo(OrderStatus.CANCELLED)).isTrue();
		assertThat(OrderStatus.PAID.canMoveTo(OrderStatus.CANCELLED)).isTrue();
		assertThat(OrderStatus.PARTIALLY_SHIPPED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.CANCELLED)).isFalse();
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.CLOSED)).isTrue();
	}

	@Test
	void neverGoesBackAndFinalStatusesGoNowhere() {
		assertThat(OrderStatus.SHIPPED.canMoveTo(OrderStatus.PAID)).isFalse();
		assertThat(OrderStatus.PENDING_PAYMENT.canMoveTo(OrderStatus.SHIPPED)).isFalse();
		assertThat(OrderStatus.COMPLETED.canMoveTo(OrderStatus.DELIVERED)).isFalse();
		assertThat(OrderStatus.CANCELLED.next()).isEmpty();
		assertThat(OrderStatus.CLOSED.next()).isEmpty();
	}

	@Test
	void readsAndWritesApiNames() {
		assertThat(OrderStatus.PENDING_PAYMENT.apiName()).isEqualTo("pending_payment");
		assertThat(OrderStatus.fromApiName(" Paid ")).isEqualTo(OrderStatus.PAID);
		assertThatIllegalArgumentException().isThrownBy(() -> OrderStatus.fromApiName("sent"));
	}

}
