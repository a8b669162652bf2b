package io.shopops.fulfilment.aftersales.api;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Where an after-sales request is: requested → approved or rejected → (returns and
 * exchanges) received → inspected → refunded (refund types) or exchange shipped → closed.
 * Returned goods may be refunded or the exchange shipped straight after receipt, when the
 * channel reports it so.
 */
public enum RequestStatus {

	REQUESTED, APPROVED, REJECTED, RECEIVED, INSPECTED, REFUNDED, EXCHANGE_SHIPPED, CLOSED;

	/**
	 * The statuses a request of the given type may move to from this one.
	 * @param type the request's type
	 * @return the allowed targets, empty for a final status
	 */
	public Set<RequestStatus> next(RequestType type) {
		return switch (this) {
			case REQUESTED -> EnumSet.of(APPROVED, REJECTED);
			case APPROVED -> type.returnsGoods() ? EnumSet.of(RECEIVED) : EnumSet.of(REFUNDED);
			case RECEIVED -> switch (type) {
				case REFUND_ONLY -> EnumSet.noneOf(RequestStatus.class);
				case RETURN_REFUND -> EnumSet.of(INSPECTED, REFUNDED);
				case EXCHANGE -> EnumSet.of(INSPECTED, EXCHANGE_SHIPPED);
			};
			case INSPECTED -> switch (type) {
				case REFUND_ONLY -> EnumSet.noneOf(RequestStatus.class);
				case RETURN_REFUND -> EnumSet.of(REFUNDED);
				case EXCHANGE -> EnumSet.of(EXCHANGE_SHIPPED);
			};
			case REFUNDED -> type.refunds() ? EnumSet.of(CLOSED) : EnumSet.noneOf(RequestStatus.class);
			case EXCHANGE_SHIPPED -> type.refunds() ? EnumSet.noneOf(RequestStatus.class) : EnumSet.of(CLOSED);
			case REJECTED, CLOSED -> EnumSet.noneOf(RequestStatus.class);
		};
	}

	/**
	 * Whether a request of the given type may move from this status to {@code target}.
	 * @param type the request's type
	 * @param target the status asked for
	 * @return {@code true} if the transition is allowed
	 */
	public boolean canMoveTo(RequestType type, RequestStatus target) {
		return next(type).contains(target);
	}

	/**
	 * Whether the request still needs work (and so counts against its SLA).
	 * @return {@code false} for rejected and closed requests
	 */
	public boolean open() {
		return this != REJECTED && this != CLOSED;
	}

	/**
	 * The status as written in the JSON API, e.g. {@code exchange_shipped}.
	 * @return the lower-case name
	 */
	public String apiName() {
		return name().toLowerCase(Locale.ROOT);
	}

	/**
	 * Reads a status as written in the JSON API.
	 * @param value e.g. {@code approved}
	 * @return the status
	 * @throws IllegalArgumentException if the value names no status
	 */
	public static RequestStatus fromApiName(String value) {
		return valueOf(value.strip().toUpperCase(Locale.ROOT));
	}

}
