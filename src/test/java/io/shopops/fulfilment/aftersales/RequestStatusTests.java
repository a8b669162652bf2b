package io.shopops.fulfilment.aftersales;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import io.shopops.fulfilment.aftersales.api.RequestStatus;
import io.shopops.fulfilment.aftersales.api.RequestType;
import org.junit.jupiter.api.Test;

import static io.shopops.fulfilment.aftersales.api.RequestStatus.APPROVED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.CLOSED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.EXCHANGE_SHIPPED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.INSPECTED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.RECEIVED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.REFUNDED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.REJECTED;
import static io.shopops.fulfilment.aftersales.api.RequestStatus.REQUESTED;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Every transition of every type, legal and illegal, against the table of the issue.
 */
class RequestStatusTests {

	private static final Map<RequestType, Map<RequestStatus, Set<RequestStatus>>> LEGAL = Map.of(
			RequestType.REFUND_ONLY,
			Map.of(REQUESTED, EnumSet.of(APPROVED, REJECTED), APPROVED, EnumSet.of(REFUNDED), REFUNDED,
					EnumSet.of(CLOSED)),
			RequestType.RETURN_REFUND,
			Map.of(REQUESTED, EnumSet.of(APPROVED, REJECTED), APPROVED, EnumSet.of(RECEIVED), RECEIVED,
					EnumSet.of(INSPECTED, REFUNDED), INSPECTED, EnumSet.of(REFUNDED), REFUNDED, EnumSet.of(CLOSED)),
			RequestType.EXCHANGE,
			Map.of(REQUESTED, EnumSet.of(APPROVED, REJECTED), APPROVED, EnumSet.of(RECEIVED), RECEIVED,
					EnumSet.of(INSPECTED, EXCHANGE_SHIPPED), INSPECTED, EnumSet.of(EXCHANGE_SHIPPED), EXCHANGE_SHIPPED,
					EnumSet.of(CLOSED)));

	@Test
	void everyTransitionOfEveryTypeIsLegalExactlyWhenTheTableSaysSo() {
		int legal = 0;
		int illegal = 0;
		for (RequestType type : RequestType.values()) {
			for (RequestStatus from : RequestStatus.values()) {
				for (RequestStatus to : RequestStatus.values()) {
					boolean expected = LEGAL.get(type).getOrDefault(from, Set.of()).contains(to);
					assertThat(from.canMoveTo(type, to)).as("%s: %s -> %s", type, from, to).isEqualTo(expected);
					if (expected) {
						legal++;
					}
					else {
						illegal++;
					}
				}
			}
		}
		assertThat(legal).isEqualTo(4 + 7 + 7);
		assertThat(illegal).isEqualTo(3 * 64 - legal);
	}

	@Test
	void refundOnlyNeverWaitsForGoodsAndExchangesNeverRefund() {
		assertThat(APPROVED.canMoveTo(RequestType.REFUND_ONLY, RECEIVED)).isFalse();
		assertThat(RECEIVED.canMoveTo(RequestType.EXCHANGE, REFUNDED)).isFalse();
		assertThat(INSPECTED.canMoveTo(RequestType.RETURN_REFUND, EXCHANGE_SHIPPED)).isFalse();
		assertThat(APPROVED.canMoveTo(RequestType.RETURN_REFUND, REFUNDED)).isFalse();
	}

	@Test
	void rejectedAndClosedAreFinalAndNotOpen() {
		for (RequestType type : RequestType.values()) {
			assertThat(REJECTED.next(type)).isEmpty();
			assertThat(CLOSED.next(type)).isEmpty();
		}
		assertThat(REJECTED.open()).isFalse();
		assertThat(CLOSED.open()).isFalse();
		assertThat(REQUESTED.open()).isTrue();
		assertThat(REFUNDED.open()).isTrue();
	}

	@Test
	void apiNamesRoundTrip() {
		for (RequestStatus status : RequestStatus.values()) {
			assertThat(RequestStatus.fromApiName(" " + status.apiName() + " ")).isEqualTo(status);
		}
		for (RequestType type : RequestType.values()) {
			assertThat(RequestType.fromApiName(type.apiName())).isEqualTo(type);
		}
		assertThatIllegalArgumentException().isThrownBy(() -> RequestStatus.fromApiName("lost"));
	}

}
