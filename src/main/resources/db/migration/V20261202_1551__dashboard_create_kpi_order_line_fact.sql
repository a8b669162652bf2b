-- The paid orders' content piece, UTM campaign and lines, for the KPI page's breakdowns by
-- product, content and campaign (io.shopops.dashboard.KpiRollups). Facts of orders whose last
-- event came before this migration lack them until their next event.
ALTER TABLE kpi_order_fact ADD COLUMN content_code VARCHAR(64);
ALTER TABLE kpi_order_fact ADD COLUMN utm_campaign VARCHAR(200);

CREATE TABLE kpi_order_line_fact (
    order_id  BIGINT         NOT NULL REFERENCES kpi_order_fact (order_id),
    line_no   INTEGER        NOT NULL,
    sku       VARCHAR(64)    NOT NULL,
    title     VARCHAR(255)   NOT NULL,
    quantity  INTEGER        NOT NULL,
    amount    NUMERIC(16, 2) NOT NULL,
    PRIMARY KEY (order_id, line_no)
);
