package io.shopops.fulfilment.aftersales.api;

/**
 * Who decides a change with money: an operator (refunds above the threshold are refused),
 * a manager (any refund), or the channel, whose refunds are recorded as the channel made
 * them.
 */
public enum Authority {

	OPERATOR, MANAGER, CHANNEL

}
