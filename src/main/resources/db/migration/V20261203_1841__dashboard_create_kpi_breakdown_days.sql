-- Per-day rollups for the KPI page's breakdowns and funnel (io.shopops.dashboard.KpiRollups),
-- so that no range is answered by scanning order lines or placed orders.

-- the paid orders with the SKU, once per order, beside its units and GMV
ALTER TABLE kpi_sku_day ADD COLUMN orders BIGINT NOT NULL DEFAULT 0;
ALTER TABLE kpi_sku_day_total ADD COLUMN orders BIGINT NOT NULL DEFAULT 0;
UPDATE kpi_sku_day d SET orders = c.orders
FROM (SELECT f.pay_day, f.channel_code, l.sku, count(DISTINCT l.order_id) AS orders
      FROM kpi_order_line_fact l JOIN kpi_order_fact f ON f.order_id = l.order_id GROUP BY 1, 2, 3) c
WHERE d.day = c.pay_day AND d.channel_code = c.channel_code AND d.sku = c.sku;
UPDATE kpi_sku_day_total d SET orders = c.orders
FROM (SELECT day, sku, sum(orders) AS orders FROM kpi_sku_day GROUP BY 1, 2) c
WHERE d.day = c.day AND d.sku = c.sku AND c.orders <> 0;

-- a SKU's title on the last order line recorded with it
CREATE TABLE kpi_sku_title (
    sku   VARCHAR(64)  PRIMARY KEY,
    title VARCHAR(255) NOT NULL
);
INSERT INTO kpi_sku_title (sku, title)
SELECT DISTINCT ON (sku) sku, title FROM kpi_order_line_fact ORDER BY sku, order_id DESC, line_no DESC;

-- per payment day, channel and content piece ('content') or UTM campaign ('campaign'): paid
-- orders and their paid amounts
CREATE TABLE kpi_source_day (
    kind         VARCHAR(16)    NOT NULL CHECK (kind IN ('content', 'campaign')),
    channel_code VARCHAR(64)    NOT NULL,
    day          DATE           NOT NULL,
    code         VARCHAR(200)   NOT NULL,
    orders       INTEGER        NOT NULL,
    gmv          NUMERIC(18, 2) NOT NULL,
    PRIMARY KEY (kind, day, channel_code, code)
);
INSERT INTO kpi_source_day (kind, channel_code, day, code, orders, gmv)
SELECT 'content', channel_code, pay_day, content_code, count(*), sum(paid_amount) FROM kpi_order_fact
WHERE content_code IS NOT NULL GROUP BY 2, 3, 4;
INSERT INTO kpi_source_day (kind, channel_code, day, code, orders, gmv)
SELECT 'campaign', channel_code, pay_day, utm_campaign, count(*), sum(paid_amount) FROM kpi_order_fact
WHERE utm_campaign IS NOT NULL GROUP BY 2, 3, 4;

-- per local day: the own site's orders placed (by placing time) and paid (by payment time),
-- the funnel's last two steps
CREATE TABLE kpi_placed_day (
    day    DATE    PRIMARY KEY,
    placed INTEGER NOT NULL DEFAULT 0,
    paid   INTEGER NOT NULL DEFAULT 0
);
INSERT INTO kpi_placed_day (day, placed, paid)
SELECT day, sum(placed), sum(paid) FROM (
  SELECT (placed_at AT TIME ZONE s.time_zone)::date AS day, 1 AS placed, 0 AS paid
  FROM kpi_placed_fact, kpi_rollup_state s WHERE own_site
  UNION ALL
  SELECT (paid_at AT TIME ZONE s.time_zone)::date, 0, 1
  FROM kpi_placed_fact, kpi_rollup_state s WHERE own_site AND paid_at IS NOT NULL) parts
GROUP BY day;

CREATE TRIGGER kpi_source_day_inserted AFTER INSERT ON kpi_source_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_source_day_updated AFTER UPDATE ON kpi_source_day
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_source_day_deleted AFTER DELETE ON kpi_source_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();

CREATE TRIGGER kpi_placed_day_inserted AFTER INSERT ON kpi_placed_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_placed_day_updated AFTER UPDATE ON kpi_placed_day
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_placed_day_deleted AFTER DELETE ON kpi_placed_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
