/**
 * Customer service tickets (工单): pre-sale questions and complaints, optionally linked to
 * an order, with priority, assignee, status, internal notes, a reply log and
 * first-response and resolution SLAs.
 * {@link io.shopops.fulfilment.aftersales.ticket.Tickets} is how other parts of the shop
 * (reviews, after-sales) open a ticket.
 */
package io.shopops.fulfilment.aftersales.ticket;
