-- Product performance (选品): the refunds' lines and two rollups (io.shopops.dashboard.SkuDays):
-- per channel, local day and SKU, and per local day and SKU over every channel (what the page
-- reads without a channel filter, a fraction of the rows). Units and GMV count by payment day
-- (the order lines of kpi_order_line_fact), refunded units and amounts by the day the refund
-- completed (the lines of kpi_refund_line_fact). Refunds recorded before this migration have no
-- lines and so no refunded units; the order lines already recorded are rolled up here.
CREATE TABLE kpi_refund_line_fact (
    request_id  BIGINT         NOT NULL REFERENCES kpi_refund_fact (request_id),
    line_no     INTEGER        NOT NULL,
    sku         VARCHAR(64)    NOT NULL,
    quantity    INTEGER        NOT NULL,
    amount      NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (request_id, line_no)
);

CREATE TABLE kpi_sku_day (
    day             DATE           NOT NULL,
    channel_code    VARCHAR(64)    NOT NULL,
    sku             VARCHAR(64)    NOT NULL,
    units           BIGINT         NOT NULL DEFAULT 0,
    gmv             NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refunded_units  BIGINT         NOT NULL DEFAULT 0,
    refund_amount   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (channel_code, day, sku)
);

CREATE TABLE kpi_sku_day_total (
    day             DATE           NOT NULL,
    sku             VARCHAR(64)    NOT NULL,
    units           BIGINT         NOT NULL DEFAULT 0,
    gmv             NUMERIC(18, 2) NOT NULL DEFAULT 0,
    refunded_units  BIGINT         NOT NULL DEFAULT 0,
    refund_amount   NUMERIC(18, 2) NOT NULL DEFAULT 0,
    PRIMARY KEY (day, sku)
);

INSERT INTO kpi_sku_day (day, channel_code, sku, units, gmv)
SELECT f.pay_day, f.channel_code, l.sku, sum(l.quantity), sum(l.amount)
FROM kpi_order_line_fact l JOIN kpi_order_fact f ON f.order_id = l.order_id
GROUP BY f.pay_day, f.channel_code, l.sku;

INSERT INTO kpi_sku_day_total (day, sku, units, gmv)
SELECT day, sku, sum(units), sum(gmv) FROM kpi_sku_day GROUP BY day, sku;
