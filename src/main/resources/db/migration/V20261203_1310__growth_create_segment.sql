-- RFM scores (io.shopops.growth.segment.RfmScoring): one row per scored customer (not
-- merged, at least one paid order), rewritten by each recompute; a merge deletes the
-- duplicate's row at once, so that counts by RFM alone need not read customer. No
-- foreign key: the recompute writes up to every customer in one statement.
CREATE TABLE customer_rfm (
    customer_id     BIGINT        PRIMARY KEY,
    recency_days    INTEGER       NOT NULL,
    frequency       INTEGER       NOT NULL,
    monetary        NUMERIC(14, 2) NOT NULL,
    r_score         SMALLINT      NOT NULL CHECK (r_score BETWEEN 1 AND 5),
    f_score         SMALLINT      NOT NULL CHECK (f_score BETWEEN 1 AND 5),
    m_score         SMALLINT      NOT NULL CHECK (m_score BETWEEN 1 AND 5),
    rfm_group       VARCHAR(24)   NOT NULL
);
CREATE INDEX customer_rfm_group_idx ON customer_rfm (rfm_group, customer_id);

-- The last recompute: when, by whom, how many customers, how long.
CREATE TABLE rfm_run (
    id              SMALLINT      PRIMARY KEY CHECK (id = 1),
    computed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    scored          INTEGER       NOT NULL,
    millis          BIGINT        NOT NULL,
    actor           VARCHAR(64)   NOT NULL
);

-- Saved segments: a name and a filter over customers; a null column does not narrow.
-- tags matches customers with any of them; last_order_after is inclusive and
-- last_order_before exclusive (shop days).
CREATE TABLE customer_segment (
    id                BIGSERIAL     PRIMARY KEY,
    name              VARCHAR(80)   NOT NULL,
    tier_code         VARCHAR(32),
    tags              VARCHAR(400),
    rfm_group         VARCHAR(24),
    r_min             SMALLINT,
    r_max             SMALLINT,
    f_min             SMALLINT,
    f_max             SMALLINT,
    m_min             SMALLINT,
    m_max             SMALLINT,
    last_order_after  DATE,
    last_order_before DATE,
    spend_min         NUMERIC(14, 2),
    spend_max         NUMERIC(14, 2),
    first_channel     VARCHAR(32),
    sku               VARCHAR(64),
    member_count      BIGINT,
    counted_at        TIMESTAMP WITH TIME ZONE,
    created_by        VARCHAR(64)   NOT NULL,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX customer_segment_name_uk ON customer_segment (lower(name));

-- The SKUs customers bought, for "bought product X": one row per SKU of each order that
-- counts (paid, not cancelled), written in the transaction that records the order in CRM
-- and moved to the survivor when customers merge.
CREATE TABLE customer_sku (
    order_id        BIGINT        NOT NULL,
    sku             VARCHAR(64)   NOT NULL,
    customer_id     BIGINT        NOT NULL,
    PRIMARY KEY (order_id, sku)
);
CREATE INDEX customer_sku_sku_idx ON customer_sku (sku, customer_id);
CREATE INDEX customer_sku_customer_idx ON customer_sku (customer_id);

-- Segment filters by tag, tier, net spend and first channel (last order uses
-- customer_list_idx); counts of such filters can be index-only scans.
CREATE INDEX customer_tag_tag_idx ON customer_tag (tag, customer_id);
CREATE INDEX customer_segment_tier_idx ON customer (tier_code) WHERE merged_into IS NULL;
CREATE INDEX customer_segment_spend_idx ON customer (net_spend) WHERE merged_into IS NULL;
CREATE INDEX customer_segment_channel_idx ON customer (first_channel) WHERE merged_into IS NULL;
