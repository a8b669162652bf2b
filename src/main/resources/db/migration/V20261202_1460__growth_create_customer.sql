-- Customers (会员) built by CRM from fulfilment's order events; fulfilment's tables are
-- never read. A customer is found by its identities: the channel's buyer id (per
-- channel), then the normalised phone, then the lower-cased e-mail. A customer merged
-- into another keeps its row with merged_into set, so that old links lead to the survivor.
CREATE TABLE customer (
    id              BIGSERIAL    PRIMARY KEY,
    name            VARCHAR(120),
    phone           VARCHAR(40),
    email           VARCHAR(254),
    first_channel   VARCHAR(32),
    first_order_at  TIMESTAMP WITH TIME ZONE,
    last_order_at   TIMESTAMP WITH TIME ZONE,
    order_count     INTEGER       NOT NULL DEFAULT 0,
    paid_total      NUMERIC(14, 2) NOT NULL DEFAULT 0,
    refunded_total  NUMERIC(14, 2) NOT NULL DEFAULT 0,
    net_spend       NUMERIC(14, 2) NOT NULL DEFAULT 0,
    tier_code       VARCHAR(32),
    merged_into     BIGINT        REFERENCES customer (id),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX customer_list_idx ON customer (last_order_at DESC NULLS LAST, id DESC) WHERE merged_into IS NULL;
CREATE INDEX customer_name_idx ON customer (lower(name));

-- One way to recognise a customer. channel_code is the channel of a buyer id and '' for
-- phones and e-mails; each identity belongs to one customer.
CREATE TABLE customer_identity (
    id              BIGSERIAL    PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    kind            VARCHAR(8)   NOT NULL CHECK (kind IN ('BUYER', 'PHONE', 'EMAIL')),
    channel_code    VARCHAR(32)  NOT NULL DEFAULT '',
    value           VARCHAR(254) NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT customer_identity_uk UNIQUE (kind, channel_code, value)
);
CREATE INDEX customer_identity_customer_idx ON customer_identity (customer_id);

-- Where a customer's orders shipped to, one row per distinct address.
CREATE TABLE customer_address (
    id              BIGSERIAL    PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    fingerprint     VARCHAR(600) NOT NULL,
    name            VARCHAR(120),
    phone           VARCHAR(40),
    province        VARCHAR(64),
    city            VARCHAR(64),
    district        VARCHAR(64),
    line1           VARCHAR(255),
    postcode        VARCHAR(16),
    last_used_at    TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT customer_address_uk UNIQUE (customer_id, fingerprint)
);

-- The order facts CRM keeps of its own, one row per order (fulfilment's order id, no FK).
-- status_rank only grows, so a late re-delivered event never moves an order back.
CREATE TABLE customer_order (
    order_id        BIGINT       PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    channel_code    VARCHAR(32)  NOT NULL,
    order_number    VARCHAR(64)  NOT NULL,
    status          VARCHAR(20)  NOT NULL,
    status_rank     SMALLINT     NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_amount     NUMERIC(14, 2) NOT NULL DEFAULT 0,
    paid_at         TIMESTAMP WITH TIME ZONE,
    completed_at    TIMESTAMP WITH TIME ZONE,
    refunded_amount NUMERIC(14, 2) NOT NULL DEFAULT 0,
    currency        VARCHAR(3)
);
CREATE INDEX customer_order_customer_idx ON customer_order (customer_id, placed_at DESC);
CREATE INDEX customer_order_channel_idx ON customer_order (channel_code, customer_id);

-- Refunds seen, once per after-sales request.
CREATE TABLE customer_refund (
    request_id      BIGINT       PRIMARY KEY,
    order_id        BIGINT       NOT NULL,
    amount          NUMERIC(14, 2) NOT NULL,
    refunded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX customer_refund_order_idx ON customer_refund (order_id);

CREATE TABLE customer_tag (
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    tag             VARCHAR(40)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, tag)
);
