package io.shopops.fulfilment.aftersales.api;

/**
 * What inspection decided for returned units: back into stock, or written off.
 */
public enum LineOutcome {

	RESTOCKED, WRITTEN_OFF

}
