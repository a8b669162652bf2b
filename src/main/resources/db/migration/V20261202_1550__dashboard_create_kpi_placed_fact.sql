-- One row per placed order, paid or not, as its latest event described it: the placed and
-- paid orders steps of the KPI page's funnel, which count the own site's orders (those the
-- collected traffic can lead to) (io.shopops.dashboard.KpiRollups). Orders whose
-- last event came before this table existed are missing until their next event.
CREATE TABLE kpi_placed_fact (
    order_id     BIGINT       PRIMARY KEY,
    own_site     BOOLEAN      NOT NULL,
    placed_at    TIMESTAMPTZ  NOT NULL,
    paid_at      TIMESTAMPTZ,
    recorded_at  TIMESTAMPTZ  NOT NULL DEFAULT now()
);
CREATE INDEX kpi_placed_fact_placed_idx ON kpi_placed_fact (placed_at) WHERE own_site;
CREATE INDEX kpi_placed_fact_paid_idx ON kpi_placed_fact (paid_at) WHERE own_site;
