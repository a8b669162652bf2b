-- A stock-take: a CSV of counted units per SKU and warehouse, kept as a preview (on hand at
-- the time of the preview next to the count, and each row's problem) until an operator
-- applies or discards it. The preview survives a restart; applying checks that no counted
-- row's stock changed since.
CREATE TABLE stock_take (
    id           BIGSERIAL     PRIMARY KEY,
    file_name    VARCHAR(255)  NOT NULL,
    status       VARCHAR(16)   NOT NULL DEFAULT 'PREVIEWED' CHECK (status IN ('PREVIEWED', 'APPLIED', 'DISCARDED')),
    created_by   VARCHAR(64)   NOT NULL,
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    previewed_at TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    decided_by   VARCHAR(64),
    decided_at   TIMESTAMP WITH TIME ZONE
);
CREATE INDEX stock_take_created_idx ON stock_take (id DESC);

-- One row of the file: what it says (sku, warehouse, counted as read), what it matched
-- (variant, stock at preview time) or its problem (a message key with arguments).
CREATE TABLE stock_take_line (
    id             BIGSERIAL     PRIMARY KEY,
    stock_take_id  BIGINT        NOT NULL REFERENCES stock_take (id) ON DELETE CASCADE,
    row_number     BIGINT        NOT NULL,
    sku            VARCHAR(200)  NOT NULL,
    warehouse      VARCHAR(64)   NOT NULL,
    counted        INT           CHECK (counted >= 0),
    variant_id     BIGINT        REFERENCES product_variant (id) ON DELETE SET NULL,
    on_hand        INT,
    reserved       INT,
    problem        VARCHAR(64),
    problem_args   TEXT[]
);
CREATE INDEX stock_take_line_take_idx ON stock_take_line (stock_take_id, row_number);
