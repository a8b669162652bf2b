-- Attribution (归因): where each paid order's GMV came from, kept by growth from fulfilment's
-- order and refund events. One fact per paid order with the inputs it was attributed from
-- (content code, UTM, visitor), the rule that applied and what it points at; refunds per
-- after-sales request; and a rollup per shop day and dimension that the attribution page
-- reads instead of the facts or the raw traffic events.
CREATE TABLE attribution_setting (
    id              SMALLINT     PRIMARY KEY CHECK (id = 1),
    window_days     INTEGER      NOT NULL CHECK (window_days BETWEEN 1 AND 90),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO attribution_setting (id, window_days) VALUES (1, 7);

CREATE TABLE attribution_order (
    order_id        BIGINT        PRIMARY KEY,
    order_number    VARCHAR(64)   NOT NULL,
    channel_code    VARCHAR(32)   NOT NULL,
    own_site        BOOLEAN       NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE,
    paid_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    pay_day         DATE          NOT NULL,
    paid_amount     NUMERIC(14,2) NOT NULL,
    content_code    VARCHAR(64),
    utm_source      VARCHAR(100),
    utm_medium      VARCHAR(100),
    utm_campaign    VARCHAR(200),
    visitor_id      VARCHAR(64),
    rule            VARCHAR(8)    NOT NULL CHECK (rule IN ('CONTENT', 'CAMPAIGN', 'UTM', 'TOUCH', 'DIRECT')),
    traffic_source  VARCHAR(20)   NOT NULL
        CHECK (traffic_source IN ('SEARCH', 'PAID', 'SOCIAL', 'CONTENT', 'PRIVATE', 'DIRECT', 'OTHER')),
    -- 0 when the order is attributed to no campaign, piece or group (they are key columns of the rollup)
    campaign_id     BIGINT        NOT NULL DEFAULT 0,
    piece_id        BIGINT        NOT NULL DEFAULT 0,
    group_id        BIGINT        NOT NULL DEFAULT 0,
    activity_id     BIGINT,
    touch_event_id  BIGINT,
    recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX attribution_order_pay_day_idx ON attribution_order (pay_day);

CREATE TABLE attribution_refund (
    request_id      BIGINT        PRIMARY KEY,
    order_id        BIGINT        NOT NULL,
    amount          NUMERIC(14,2) NOT NULL,
    refunded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    refund_day      DATE          NOT NULL
);
CREATE INDEX attribution_refund_order_idx ON attribution_refund (order_id);

-- GMV by payment day, refunds by the day they were completed (the KPI page's definitions)
CREATE TABLE attribution_day (
    day             DATE          NOT NULL,
    channel_code    VARCHAR(32)   NOT NULL,
    rule            VARCHAR(8)    NOT NULL,
    traffic_source  VARCHAR(20)   NOT NULL,
    campaign_id     BIGINT        NOT NULL,
    piece_id        BIGINT        NOT NULL,
    group_id        BIGINT        NOT NULL,
    orders          BIGINT        NOT NULL DEFAULT 0,
    gmv             NUMERIC(16,2) NOT NULL DEFAULT 0,
    refunds         BIGINT        NOT NULL DEFAULT 0,
    refund_amount   NUMERIC(16,2) NOT NULL DEFAULT 0,
    PRIMARY KEY (day, channel_code, rule, traffic_source, campaign_id, piece_id, group_id)
);

-- the last tracked touch of a visitor: only events with a content code or UTM parameters
CREATE INDEX traffic_event_touch_idx ON traffic_event (visitor_id, occurred_at)
    WHERE content_code IS NOT NULL OR utm_source IS NOT NULL OR utm_medium IS NOT NULL OR utm_campaign IS NOT NULL;
