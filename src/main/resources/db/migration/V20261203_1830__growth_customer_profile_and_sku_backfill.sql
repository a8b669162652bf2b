-- The customer profile lists a customer's coupon codes and redemptions: find them by
-- customer instead of reading every code.
CREATE INDEX coupon_code_customer_idx ON coupon_code (customer_id, coupon_id) WHERE customer_id IS NOT NULL;
CREATE INDEX coupon_redemption_customer_idx ON coupon_redemption (customer_id, placed_at DESC)
    WHERE customer_id IS NOT NULL;

-- The backfill of customer_sku (io.shopops.growth.segment.CustomerSkuBackfill) for the
-- orders CRM recorded before the "product bought" criterion existed: when it last ran,
-- by whom, how many orders it read and SKU rows it added. No row: it never ran.
CREATE TABLE customer_sku_backfill (
    id            SMALLINT      PRIMARY KEY CHECK (id = 1),
    started_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    finished_at   TIMESTAMP WITH TIME ZONE,
    orders_read   BIGINT        NOT NULL DEFAULT 0,
    skus_added    BIGINT        NOT NULL DEFAULT 0,
    actor         VARCHAR(64)   NOT NULL
);
