-- Coupons (优惠券): what a coupon takes off and when, its limits, scope and rules; its codes
-- (one shared code, or unique codes issued to customers); the redemptions recorded from
-- orders that carry a code; the refunds seen. Orders are fulfilment's (ids, no FK).
CREATE TABLE coupon (
    id                  BIGSERIAL     PRIMARY KEY,
    name                VARCHAR(120)  NOT NULL,
    type                VARCHAR(16)   NOT NULL CHECK (type IN ('SPEND_SAVE', 'PERCENT', 'NO_THRESHOLD')),
    threshold           NUMERIC(12, 2),
    amount              NUMERIC(12, 2),
    percent_off         NUMERIC(5, 2),
    cap                 NUMERIC(12, 2),
    valid_from          TIMESTAMP WITH TIME ZONE NOT NULL,
    valid_until         TIMESTAMP WITH TIME ZONE NOT NULL,
    -- NULL: no limit
    total_limit         INTEGER       CHECK (total_limit > 0),
    per_customer_limit  INTEGER       CHECK (per_customer_limit > 0),
    scope               VARCHAR(16)   NOT NULL DEFAULT 'ALL' CHECK (scope IN ('ALL', 'PRODUCTS', 'CATEGORIES')),
    stacking            VARCHAR(16)   NOT NULL DEFAULT 'STACKABLE' CHECK (stacking IN ('STACKABLE', 'EXCLUSIVE')),
    refund_rule         VARCHAR(16)   NOT NULL DEFAULT 'FULL_REFUND'
                                      CHECK (refund_rule IN ('NEVER', 'FULL_REFUND', 'ANY_REFUND')),
    status              VARCHAR(16)   NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'DISABLED')),
    -- redemptions that count against total_limit; changed only by one conditional UPDATE
    redeemed_count      INTEGER       NOT NULL DEFAULT 0 CHECK (redeemed_count >= 0),
    created_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version             BIGINT        NOT NULL DEFAULT 0,
    CHECK (valid_until > valid_from)
);
CREATE INDEX coupon_list_idx ON coupon (created_at DESC, id DESC);
CREATE INDEX coupon_expiring_idx ON coupon (valid_until) WHERE status = 'ACTIVE';

-- The products (ref_id = product id) or categories (ref_id = category id, with every
-- subcategory) a scoped coupon applies to; label is the handle or path when chosen.
CREATE TABLE coupon_scope (
    coupon_id   BIGINT        NOT NULL REFERENCES coupon (id) ON DELETE CASCADE,
    kind        VARCHAR(8)    NOT NULL CHECK (kind IN ('PRODUCT', 'CATEGORY')),
    ref_id      BIGINT        NOT NULL,
    label       VARCHAR(1000) NOT NULL,
    PRIMARY KEY (coupon_id, kind, ref_id)
);

-- One issuing run: a shared code published, or unique codes issued to an audience.
CREATE TABLE coupon_issue (
    id            BIGSERIAL    PRIMARY KEY,
    coupon_id     BIGINT       NOT NULL REFERENCES coupon (id),
    audience      VARCHAR(32)  NOT NULL,
    description   VARCHAR(255) NOT NULL,
    issued_count  INTEGER      NOT NULL,
    skipped_count INTEGER      NOT NULL DEFAULT 0,
    issued_by     VARCHAR(100),
    issued_at     TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX coupon_issue_coupon_idx ON coupon_issue (coupon_id, issued_at DESC);

-- A code: SHARED (anyone, any number of times within the limits) or UNIQUE (issued to
-- one customer, used once; used_order_id is cleared again when a redemption is restored).
-- Codes are stored upper-case.
CREATE TABLE coupon_code (
    id             BIGSERIAL    PRIMARY KEY,
    coupon_id      BIGINT       NOT NULL REFERENCES coupon (id),
    code           VARCHAR(64)  NOT NULL,
    kind           VARCHAR(8)   NOT NULL CHECK (kind IN ('SHARED', 'UNIQUE')),
    customer_id    BIGINT       REFERENCES customer (id),
    issue_id       BIGINT       REFERENCES coupon_issue (id),
    issued_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    used_order_id  BIGINT,
    used_at        TIMESTAMP WITH TIME ZONE,
    CONSTRAINT coupon_code_uk UNIQUE (code),
    CHECK (kind = 'SHARED' OR customer_id IS NOT NULL)
);
CREATE UNIQUE INDEX coupon_code_shared_uk ON coupon_code (coupon_id) WHERE kind = 'SHARED';
CREATE INDEX coupon_code_coupon_idx ON coupon_code (coupon_id, customer_id);

-- How often each customer has used a coupon; changed only by one conditional upsert.
CREATE TABLE coupon_usage (
    coupon_id    BIGINT   NOT NULL REFERENCES coupon (id),
    customer_id  BIGINT   NOT NULL,
    used         INTEGER  NOT NULL CHECK (used >= 0),
    PRIMARY KEY (coupon_id, customer_id)
);

-- One row per order that carried a known code: REDEEMED (counts), REJECTED (with the
-- reason) or RESTORED (cancelled or refunded per the coupon's rule; no longer counts).
CREATE TABLE coupon_redemption (
    order_id         BIGINT        PRIMARY KEY,
    coupon_id        BIGINT        NOT NULL REFERENCES coupon (id),
    code_id          BIGINT        NOT NULL REFERENCES coupon_code (id),
    customer_id      BIGINT,
    order_number     VARCHAR(64)   NOT NULL,
    channel_code     VARCHAR(32)   NOT NULL,
    status           VARCHAR(10)   NOT NULL CHECK (status IN ('REDEEMED', 'REJECTED', 'RESTORED')),
    reason           VARCHAR(24),
    goods_amount     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    discount         NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid_amount      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    refunded_amount  NUMERIC(14, 2) NOT NULL DEFAULT 0,
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    recorded_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    restored_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX coupon_redemption_coupon_idx ON coupon_redemption (coupon_id, status);

-- Refunds seen by coupons, once per after-sales request.
CREATE TABLE coupon_refund (
    request_id   BIGINT         PRIMARY KEY,
    order_id     BIGINT         NOT NULL,
    amount       NUMERIC(14, 2) NOT NULL,
    refunded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
