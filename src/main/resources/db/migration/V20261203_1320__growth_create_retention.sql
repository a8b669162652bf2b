-- Repurchase and LTV (io.shopops.growth.retention): the paid orders and refunds of CRM's
-- customers as the order and refund events described them, kept by retention itself, and
-- rollups derived from them that the retention pages read. The rollups can be rebuilt from
-- the facts at any time (their months are local months of retention_state.time_zone).

-- one row per paid order of a customer (fulfilment's order id, no FK)
CREATE TABLE retention_order (
    order_id     BIGINT        PRIMARY KEY,
    customer_id  BIGINT        NOT NULL,
    paid_at      TIMESTAMPTZ   NOT NULL,
    paid_amount  NUMERIC(14, 2) NOT NULL,
    status       VARCHAR(20)   NOT NULL,
    status_rank  SMALLINT      NOT NULL DEFAULT 0,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX retention_order_customer_idx ON retention_order (customer_id, paid_at);

-- one row per completed refund (after-sales request) of such an order
CREATE TABLE retention_refund (
    request_id   BIGINT        PRIMARY KEY,
    order_id     BIGINT        NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    refunded_at  TIMESTAMPTZ   NOT NULL
);
CREATE INDEX retention_refund_order_idx ON retention_refund (order_id);

-- the catalog products a paid order bought (found by the lines' SKUs)
CREATE TABLE retention_purchase (
    order_id     BIGINT        NOT NULL,
    product_id   BIGINT        NOT NULL,
    title        VARCHAR(255),
    PRIMARY KEY (order_id, product_id)
);
CREATE INDEX retention_purchase_product_idx ON retention_purchase (product_id, order_id);

-- per first-order month (cohort) and month since it (0 = the first month, up to 12):
-- the cohort's customers with a paid order in that month, what they paid and were refunded
CREATE TABLE retention_cohort_month (
    cohort        DATE          NOT NULL,
    month_offset  SMALLINT      NOT NULL CHECK (month_offset BETWEEN 0 AND 12),
    customers     INTEGER       NOT NULL DEFAULT 0,
    paid_amount   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refund_amount NUMERIC(18, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (cohort, month_offset)
);

-- per period (M month, Q quarter, Y year; start = its first day): customers with at least
-- one and with at least two paid orders in it, for the repurchase rate
CREATE TABLE retention_period (
    kind          CHAR(1)       NOT NULL CHECK (kind IN ('M', 'Q', 'Y')),
    period_start  DATE          NOT NULL,
    buyers        INTEGER       NOT NULL DEFAULT 0,
    repeat_buyers INTEGER       NOT NULL DEFAULT 0,
    PRIMARY KEY (kind, period_start)
);

-- the days between consecutive paid orders of a customer, counted per bucket
CREATE TABLE retention_gap (
    bucket        SMALLINT      PRIMARY KEY,
    gaps          BIGINT        NOT NULL DEFAULT 0
);

-- the time zone of the rollups' months, and when they were last rebuilt or caught up
CREATE TABLE retention_state (
    id            SMALLINT      PRIMARY KEY CHECK (id = 1),
    time_zone     VARCHAR(64)   NOT NULL,
    rebuilt_at    TIMESTAMPTZ,
    caught_up_at  TIMESTAMPTZ
);
INSERT INTO retention_state (id, time_zone)
SELECT 1, coalesce((SELECT time_zone FROM shop_setting WHERE id = 1), 'Asia/Shanghai');

-- how many days after buying a product a customer is due to buy it again (MANAGER+)
CREATE TABLE retention_cycle (
    product_id    BIGINT        PRIMARY KEY,
    title         VARCHAR(255)  NOT NULL,
    cycle_days    INTEGER       NOT NULL CHECK (cycle_days BETWEEN 1 AND 730),
    updated_by    VARCHAR(64)   NOT NULL,
    updated_at    TIMESTAMPTZ   NOT NULL DEFAULT now()
);
