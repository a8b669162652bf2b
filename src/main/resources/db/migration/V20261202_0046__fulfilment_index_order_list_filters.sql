-- The order list's filters: a customer is found by exact phone, e-mail (any case), buyer
-- id or name, an order by its number; orders still to ship or deliver (the SLA queues and
-- the "overdue" filter) are a small part of all orders and get their own seek index.
CREATE INDEX shop_order_customer_phone_idx ON shop_order (customer_phone) WHERE customer_phone IS NOT NULL;
CREATE INDEX shop_order_customer_email_idx ON shop_order (lower(customer_email)) WHERE customer_email IS NOT NULL;
CREATE INDEX shop_order_buyer_idx ON shop_order (buyer_id) WHERE buyer_id IS NOT NULL;
CREATE INDEX shop_order_customer_name_idx ON shop_order (customer_name) WHERE customer_name IS NOT NULL;
CREATE INDEX shop_order_number_idx ON shop_order (number);
CREATE INDEX shop_order_open_placed_idx ON shop_order (placed_at DESC, id DESC)
    WHERE status IN ('PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED', 'SHIPPED');
-- The SLA queues and their operator-home counts: oldest payment or shipment first.
CREATE INDEX shop_order_to_ship_idx ON shop_order ((coalesce(paid_at, placed_at)), id)
    WHERE status IN ('PAID', 'AWAITING_STOCK', 'PARTIALLY_SHIPPED');
CREATE INDEX shop_order_to_deliver_idx ON shop_order (shipped_at, id) WHERE status = 'SHIPPED';
