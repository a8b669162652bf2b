-- The dashboard's own read model of the daily KPIs, written only by its event listeners
-- (io.shopops.dashboard.KpiRollups). The facts keep what the events said per order and per
-- refund; the rollups are derived from them and can be rebuilt from them at any time.

-- one row per paid order, as its latest event described it
CREATE TABLE kpi_order_fact (
    order_id     BIGINT        PRIMARY KEY,
    channel_code VARCHAR(64)   NOT NULL,
    buyer_key    VARCHAR(320)  NOT NULL,
    paid_at      TIMESTAMPTZ   NOT NULL,
    pay_day      DATE          NOT NULL,
    paid_amount  NUMERIC(16, 2) NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX kpi_order_fact_buyer_idx ON kpi_order_fact (buyer_key, paid_at, order_id);
CREATE INDEX kpi_order_fact_paid_idx ON kpi_order_fact (paid_at);

-- one row per completed refund (after-sales request)
CREATE TABLE kpi_refund_fact (
    request_id   BIGINT        PRIMARY KEY,
    order_id     BIGINT        NOT NULL,
    channel_code VARCHAR(64)   NOT NULL,
    amount       NUMERIC(16, 2) NOT NULL,
    refunded_at  TIMESTAMPTZ   NOT NULL,
    refund_day   DATE          NOT NULL,
    recorded_at  TIMESTAMPTZ   NOT NULL DEFAULT now()
);
CREATE INDEX kpi_refund_fact_refunded_idx ON kpi_refund_fact (refunded_at);

-- per local day and channel: paid orders and GMV by payment day, refunds by completion day
CREATE TABLE kpi_day (
    day           DATE          NOT NULL,
    channel_code  VARCHAR(64)   NOT NULL,
    paid_orders   INTEGER       NOT NULL DEFAULT 0,
    gmv           NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refunds       INTEGER       NOT NULL DEFAULT 0,
    refund_amount NUMERIC(18, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel_code)
);

-- per local day, channel and buyer: the paid orders, for distinct counts over any range
CREATE TABLE kpi_buyer_day (
    day          DATE         NOT NULL,
    channel_code VARCHAR(64)  NOT NULL,
    buyer_key    VARCHAR(320) NOT NULL,
    paid_orders  INTEGER      NOT NULL CHECK (paid_orders > 0),
    PRIMARY KEY (day, channel_code, buyer_key)
);

-- each buyer's first-ever paid order (by payment time), for new and returning buyers
CREATE TABLE kpi_buyer_first (
    buyer_key      VARCHAR(320) PRIMARY KEY,
    first_paid_at  TIMESTAMPTZ  NOT NULL,
    first_order_id BIGINT       NOT NULL,
    first_day      DATE         NOT NULL
);
CREATE INDEX kpi_buyer_first_day_idx ON kpi_buyer_first (first_day);

-- the time zone the local days above are in, and when the rollups were last rebuilt
CREATE TABLE kpi_rollup_state (
    id           SMALLINT    PRIMARY KEY CHECK (id = 1),
    time_zone    VARCHAR(64) NOT NULL,
    rebuilt_at   TIMESTAMPTZ
);
INSERT INTO kpi_rollup_state (id, time_zone) VALUES (1, 'Asia/Shanghai');
