-- Rollups of the collected traffic for closed local days (io.shopops.growth.traffic.VisitRollup),
-- so that a range's UV — distinct visitors over the whole range — is a sum over at most
-- days x days rows instead of a distinct count over every event of the range. Today is
-- always counted from the events themselves.

-- "is there any event before / after this instant" and "today's events" must not scan the table: the BRIN index
-- cannot answer an EXISTS whose matching rows all lie at the table's end (the planner then reads every row), a
-- btree on the time answers it with one probe, and it grows at its right edge as events arrive in time order
CREATE INDEX traffic_event_occurred_at_idx ON traffic_event (occurred_at);

-- per closed local day: events of any type, page and product views, distinct viewing
-- visitors, and the highest event id rolled up (to tell late events from rolled ones)
CREATE TABLE traffic_day (
    day           DATE    PRIMARY KEY,
    events        BIGINT  NOT NULL,
    views         BIGINT  NOT NULL,
    visitors      BIGINT  NOT NULL,
    max_event_id  BIGINT  NOT NULL
);

-- each visitor's closed days with at least one event of a kind: V a page or product view
-- (UV), A any event, P a product view, C an add to cart, K a checkout (the funnel's steps)
CREATE TABLE traffic_visitor_day (
    visitor_id  VARCHAR(64) NOT NULL,
    kind        CHAR(1)     NOT NULL CHECK (kind IN ('V', 'A', 'P', 'C', 'K')),
    day         DATE        NOT NULL,
    PRIMARY KEY (visitor_id, kind, day)
);
CREATE INDEX traffic_visitor_day_day_idx ON traffic_visitor_day (day);

-- per kind, closed day and the same visitors' previous day of that kind (0001-01-01 for
-- none): how many visitors. A range's distinct visitors of a kind are the visitor-days
-- in it whose previous day of the kind lies before the range.
CREATE TABLE traffic_visit_gap (
    kind      CHAR(1) NOT NULL,
    day       DATE    NOT NULL,
    prev_day  DATE    NOT NULL,
    visitors  BIGINT  NOT NULL CHECK (visitors > 0),
    PRIMARY KEY (kind, day, prev_day)
);

-- the time zone of the days above, the last closed day rolled up, and the event id up to
-- which new events were looked at
CREATE TABLE traffic_rollup_state (
    id             SMALLINT    PRIMARY KEY CHECK (id = 1),
    time_zone      VARCHAR(64),
    closed_through DATE,
    mark           BIGINT      NOT NULL DEFAULT 0,
    rebuilt_at     TIMESTAMPTZ
);
INSERT INTO traffic_rollup_state (id) VALUES (1);
