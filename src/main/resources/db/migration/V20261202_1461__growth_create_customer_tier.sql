-- Member tiers (会员等级): a customer is in the highest tier (by position) whose rule it
-- meets over the last 12 months: net spend (paid − refunded) at least min_net_spend OR
-- paid orders at least min_orders (a null threshold is not used). Every change of a
-- customer's tier is kept in customer_tier_change.
CREATE TABLE customer_tier (
    code            VARCHAR(32)  PRIMARY KEY,
    name            VARCHAR(60)  NOT NULL,
    position        INTEGER      NOT NULL UNIQUE,
    min_net_spend   NUMERIC(14, 2) CHECK (min_net_spend >= 0),
    min_orders      INTEGER      CHECK (min_orders >= 0),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CHECK (min_net_spend IS NOT NULL OR min_orders IS NOT NULL)
);

CREATE TABLE customer_tier_change (
    id              BIGSERIAL    PRIMARY KEY,
    customer_id     BIGINT       NOT NULL REFERENCES customer (id),
    from_tier       VARCHAR(32),
    to_tier         VARCHAR(32),
    net_spend_12m   NUMERIC(14, 2) NOT NULL,
    orders_12m      INTEGER      NOT NULL,
    changed_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX customer_tier_change_customer_idx ON customer_tier_change (customer_id, changed_at DESC, id DESC);
