-- Traffic events sent by the shop's sites to /collect, append-only and built for tens of
-- millions of rows: no foreign key checks on insert beyond the site, BRIN indexes on the
-- times (rows arrive in time order, so the ranges stay tight) for the overview's date ranges.
CREATE TABLE traffic_event (
    id             BIGSERIAL    PRIMARY KEY,
    site_id        BIGINT       NOT NULL REFERENCES site (id),
    type           VARCHAR(16)  NOT NULL
        CHECK (type IN ('page_view', 'product_view', 'add_to_cart', 'checkout')),
    visitor_id     VARCHAR(64)  NOT NULL,
    session_id     VARCHAR(64),
    url            VARCHAR(2048),
    referrer       VARCHAR(2048),
    utm_source     VARCHAR(100),
    utm_medium     VARCHAR(100),
    utm_campaign   VARCHAR(200),
    utm_content    VARCHAR(200),
    content_code   VARCHAR(64),
    sku            VARCHAR(64),
    occurred_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    received_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    traffic_source VARCHAR(20)  NOT NULL
        CHECK (traffic_source IN ('SEARCH', 'PAID', 'SOCIAL', 'CONTENT', 'PRIVATE', 'DIRECT', 'OTHER'))
);
CREATE INDEX traffic_event_occurred_at_brin ON traffic_event USING brin (occurred_at) WITH (pages_per_range = 32);
CREATE INDEX traffic_event_received_at_brin ON traffic_event USING brin (received_at) WITH (pages_per_range = 32);

-- Events are facts: the database refuses updates and deletes, whoever asks.
CREATE FUNCTION traffic_event_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'traffic_event is append-only';
END;
$$;
CREATE TRIGGER traffic_event_append_only
    BEFORE UPDATE OR DELETE ON traffic_event
    FOR EACH ROW EXECUTE FUNCTION traffic_event_is_append_only();
