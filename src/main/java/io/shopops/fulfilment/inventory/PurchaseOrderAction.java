package io.shopops.fulfilment.inventory;

/**
 * What happened to a purchase order: the entries of its history, each also audited as
 * {@code PURCHASE_ORDER_<action>}.
 */
enum PurchaseOrderAction {

	CREATED, UPDATED, LINE_SET, LINE_REMOVED, PLACED, RECEIVED, CANCELLED

}
