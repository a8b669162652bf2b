package io.shopops.fulfilment.aftersales.api;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/**
 * After-sales requests (售后): the one way to create them and move them through their
 * statuses. Every change is one transaction that also writes the request's timeline, the
 * stock ledger (restock, write-off), the audit log and, for a refund,
 * {@link RefundCompleted}. The total committed to refunds of an order line (approved and
 * not yet refunded, plus refunded) never exceeds what was paid for it: each approval and
 * refund locks the line's balance, so this holds under concurrent calls.
 */
public interface AfterSales {

	/**
	 * Creates a request in {@link RequestStatus#REQUESTED}.
	 * @param draft the request
	 * @return the request
	 * @throws AfterSalesException.Invalid listing every problem of the draft
	 * @throws AfterSalesException.OverRefund if an amount is above what is refundable
	 */
	AfterSalesRequest create(AfterSalesDraft draft);

	/**
	 * Approves a request; for the refund types its amount is committed against the lines'
	 * balances.
	 * @param id the request
	 * @param at when, {@code null} for now
	 * @param by who decides
	 * @return the request after the change
	 * @throws AfterSalesException.OverRefund if the amount is above what remains
	 * refundable
	 * @throws AfterSalesException.ManagerRequired if an operator approves above the
	 * threshold
	 */
	AfterSalesRequest approve(long id, Instant at, Authority by);

	/**
	 * Rejects a requested request.
	 * @param id the request
	 * @param reason why, required
	 * @param at when, {@code null} for now
	 * @return the request after the change
	 */
	AfterSalesRequest reject(long id, String reason, Instant at);

	/**
	 * Records that the returned goods arrived.
	 * @param id the request
	 * @param at when, {@code null} for now
	 * @return the request after the change
	 */
	AfterSalesRequest receive(long id, Instant at);

	/**
	 * Records the inspection of one returned line: restocked (back on hand) or written
	 * off, through the stock ledger. When every line is inspected the request becomes
	 * {@link RequestStatus#INSPECTED}.
	 * @param id the request
	 * @param lineId the request's line
	 * @param outcome restocked or written off
	 * @param note why, may be {@code null}
	 * @return the request after the change
	 */
	AfterSalesRequest inspect(long id, long lineId, LineOutcome outcome, String note);

	/**
	 * Refunds a request: the amount (partial refunds allowed) replaces what the approval
	 * committed, and {@link RefundCompleted} is published.
	 * @param id the request
	 * @param amount the money refunded, {@code null} for the approved amount
	 * @param at when, {@code null} for now
	 * @param by who decides; a channel's refund is recorded as the channel made it
	 * @return the request after the change
	 * @throws AfterSalesException.OverRefund if the amount is above what remains
	 * refundable
	 */
	AfterSalesRequest refund(long id, BigDecimal amount, Instant at, Authority by);

	/**
	 * Records that the exchange goods were sent.
	 * @param id the request
	 * @param at when, {@code null} for now
	 * @return the request after the change
	 */
	AfterSalesRequest shipExchange(long id, Instant at);

	/**
	 * Closes a refunded request or a shipped exchange.
	 * @param id the request
	 * @param at when, {@code null} for now
	 * @return the request after the change
	 */
	AfterSalesRequest close(long id, Instant at);

	/**
	 * Records what a channel refunded on an imported order, as the channel made it: a
	 * refund-only request with source {@link RequestSource#IMPORT}, approved, refunded
	 * (publishing {@link RefundCompleted}) and closed by {@link Authority#CHANNEL} at the
	 * channel's time. Idempotent: only what the channel refunded beyond what earlier
	 * imports recorded is recorded, spread over the lines within what each can still
	 * refund; the rest is reported, never thrown, so that an import's transaction stays
	 * usable.
	 * @param refund what the channel reports
	 * @return what was recorded
	 */
	ChannelRefund.Outcome recordChannelRefund(ChannelRefund refund);

	/**
	 * Finds a request.
	 * @param id the id
	 * @return the request, or empty
	 */
	Optional<AfterSalesRequest> find(long id);

}
