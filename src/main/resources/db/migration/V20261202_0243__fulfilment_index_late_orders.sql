-- The SLA queues and the "overdue" filter at a million orders. Orders late to ship are
-- counted from the index alone (an expression index serves an index-only scan only when
-- it also holds the columns of the expression), and listed newest first by their own
-- placing-time index, so a page stops after its rows instead of sorting every late order.
CREATE INDEX shop_order_late_to_ship_idx ON shop_order ((coalesce(paid_at, placed_at)), id)
    INCLUDE (paid_at, placed_at)
    WHERE status IN ('PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED');
DROP INDEX shop_order_to_ship_idx;
CREATE INDEX shop_order_to_ship_placed_idx ON shop_order (placed_at DESC, id DESC)
    WHERE status IN ('PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED');
