-- Loyalty points (积分): an append-only ledger; a customer's balance is the sum of its
-- entries and is kept on the customer row, changed only while that row is locked, and
-- never below zero. Earned (and positively adjusted) points expire expires_at; expiry
-- consumes the oldest points first.
CREATE TABLE points_entry (
    id              BIGSERIAL    PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    kind            VARCHAR(8)   NOT NULL CHECK (kind IN ('EARN', 'REVERSE', 'ADJUST', 'REDEEM', 'EXPIRE')),
    points          BIGINT       NOT NULL CHECK (points <> 0),
    order_id        BIGINT,
    request_id      BIGINT,
    reason          VARCHAR(200),
    actor           VARCHAR(64)  NOT NULL,
    expires_at      TIMESTAMP WITH TIME ZONE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX points_entry_customer_idx ON points_entry (customer_id, created_at DESC, id DESC);
CREATE UNIQUE INDEX points_entry_earn_uk ON points_entry (order_id) WHERE kind = 'EARN';
CREATE UNIQUE INDEX points_entry_reverse_uk ON points_entry (request_id) WHERE kind = 'REVERSE';

ALTER TABLE customer ADD COLUMN points_balance BIGINT NOT NULL DEFAULT 0 CHECK (points_balance >= 0);

-- The points rules: points per yuan paid on completed orders, months until expiry.
CREATE TABLE points_setting (
    id              SMALLINT     PRIMARY KEY CHECK (id = 1),
    points_per_yuan NUMERIC(8, 2) NOT NULL DEFAULT 1 CHECK (points_per_yuan >= 0),
    expiry_months   INTEGER      NOT NULL DEFAULT 24 CHECK (expiry_months BETWEEN 1 AND 120),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO points_setting (id) VALUES (1);
