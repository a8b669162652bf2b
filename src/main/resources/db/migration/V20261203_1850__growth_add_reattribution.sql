-- Re-attribution (重新归因): orders are attributed when their events are recorded; when the
-- touch window changes, or when tracked touches arrive late (collected after the order with a
-- time before it), the own-site orders they can change are attributed again by a queued job,
-- set-based, which moves their GMV and refunds between rollup rows.

-- The queue: one row per window change (all touch-attributable orders) and per late-touch pass.
CREATE TABLE attribution_rework (
    id              BIGSERIAL    PRIMARY KEY,
    reason          VARCHAR(12)  NOT NULL CHECK (reason IN ('WINDOW', 'LATE_TOUCH')),
    window_days     INTEGER      NOT NULL,
    requested_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    requested_by    VARCHAR(100) NOT NULL,
    -- keyset cursor: orders up to this id are done (a window change goes through them in id order)
    done_until      BIGINT       NOT NULL DEFAULT 0,
    checked         BIGINT       NOT NULL DEFAULT 0,
    changed         BIGINT       NOT NULL DEFAULT 0,
    finished_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX attribution_rework_pending_idx ON attribution_rework (id) WHERE finished_at IS NULL;

-- Events received up to this time have been looked at for late touches; it starts now, so
-- the events already stored count as seen (the orders recorded so far looked them up).
ALTER TABLE attribution_setting ADD COLUMN touches_seen_until TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now();

-- The orders a touch can change: own-site orders with a visitor, attributed by touch or direct.
CREATE INDEX attribution_order_touchable_idx ON attribution_order (visitor_id, placed_at)
    WHERE own_site AND visitor_id IS NOT NULL AND placed_at IS NOT NULL AND rule IN ('TOUCH', 'DIRECT');

-- Which shop days of the attribution rollup changed, and in what order (AttributionReport's
-- cache): every statement that writes attribution_day notes the days it touched, so a range
-- read once is served again until one of its days changes. Re-attribution compacts the notes
-- to one per day, with a new version, so a compaction reads as a change.
CREATE SEQUENCE attribution_change_seq;
CREATE TABLE attribution_change (
    day      DATE   NOT NULL,
    version  BIGINT NOT NULL DEFAULT nextval('attribution_change_seq')
);
CREATE INDEX attribution_change_day_idx ON attribution_change (day, version);

CREATE FUNCTION attribution_note_day_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO attribution_change (day) SELECT DISTINCT day FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO attribution_change (day) SELECT DISTINCT day FROM old_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER attribution_day_inserted AFTER INSERT ON attribution_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION attribution_note_day_change();
CREATE TRIGGER attribution_day_updated AFTER UPDATE ON attribution_day
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION attribution_note_day_change();
CREATE TRIGGER attribution_day_deleted AFTER DELETE ON attribution_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION attribution_note_day_change();

-- the days already rolled up count as changed once
INSERT INTO attribution_change (day) SELECT DISTINCT day FROM attribution_day;
