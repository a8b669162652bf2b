/**
 * The operator's order pages: the list with its filters and export, the order page with
 * its actions, manual entry, bulk tracking upload, packing lists and the SLA queues.
 */
package io.shopops.fulfilment.order.web;
