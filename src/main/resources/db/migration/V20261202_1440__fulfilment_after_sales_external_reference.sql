-- What a channel refunded on an imported order is recorded as after-sales requests with source
-- IMPORT; external_reference ('import:<total refunded so far>') makes re-importing the same file
-- idempotent: one request per order and amount, a higher amount adds only the difference.
ALTER TABLE after_sales_request ADD COLUMN external_reference VARCHAR(64);
CREATE UNIQUE INDEX after_sales_request_reference_uk ON after_sales_request (order_id, external_reference)
    WHERE external_reference IS NOT NULL;
