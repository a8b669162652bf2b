package io.shopops.fulfilment.aftersales.api;

/**
 * How a request arrived: entered by an operator, sent by the channel through the JSON
 * API, or imported with channel orders.
 */
public enum RequestSource {

	OPERATOR, API, IMPORT

}
