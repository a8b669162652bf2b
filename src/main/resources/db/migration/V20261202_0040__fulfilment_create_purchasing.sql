-- Suppliers the shop buys from; lead_time_days is how long an order takes to arrive.
CREATE TABLE supplier (
    id              BIGSERIAL    PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    contact         VARCHAR(120),
    phone           VARCHAR(40),
    email           VARCHAR(254),
    lead_time_days  INT          NOT NULL DEFAULT 7 CHECK (lead_time_days BETWEEN 0 AND 365),
    note            VARCHAR(500),
    active          BOOLEAN      NOT NULL DEFAULT true,
    version         BIGINT       NOT NULL DEFAULT 0,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT supplier_name_uk UNIQUE (name)
);

-- The stock policy of a SKU (over all warehouses): its safety stock, at or below which it is
-- low, and the supplier it is usually bought from (whose lead time the reorder list uses).
-- Only SKUs with a safety stock are watched by the low-stock list.
CREATE TABLE stock_policy (
    variant_id    BIGINT  PRIMARY KEY REFERENCES product_variant (id) ON DELETE CASCADE,
    safety_stock  INT     CHECK (safety_stock BETWEEN 0 AND 1000000),
    supplier_id   BIGINT  REFERENCES supplier (id),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT stock_policy_not_empty CHECK (safety_stock IS NOT NULL OR supplier_id IS NOT NULL)
);
CREATE INDEX stock_policy_supplier_idx ON stock_policy (supplier_id) WHERE supplier_id IS NOT NULL;

-- Days of cover and reorder suggestions read the units shipped per SKU in the last 14 days.
CREATE INDEX stock_movement_shipment_idx ON stock_movement (variant_id, created_at) WHERE kind = 'SHIPMENT';

CREATE TABLE purchase_order (
    id            BIGSERIAL    PRIMARY KEY,
    supplier_id   BIGINT       NOT NULL REFERENCES supplier (id),
    warehouse     VARCHAR(32)  NOT NULL REFERENCES warehouse (code),
    expected_on   DATE,
    status        VARCHAR(24)  NOT NULL DEFAULT 'DRAFT'
                  CHECK (status IN ('DRAFT', 'ORDERED', 'PARTIALLY_RECEIVED', 'RECEIVED', 'CANCELLED')),
    note          VARCHAR(500),
    version       BIGINT       NOT NULL DEFAULT 0,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_status_idx ON purchase_order (status, id DESC);
CREATE INDEX purchase_order_supplier_idx ON purchase_order (supplier_id);

-- One line per SKU; received never exceeds the ordered quantity (over-receipt is refused).
-- The SKU is kept as text too, so that a line outlives its SKU being deleted from the catalog
-- (variant_id becomes NULL, and such a line can no longer be received).
CREATE TABLE purchase_order_line (
    id                 BIGSERIAL      PRIMARY KEY,
    purchase_order_id  BIGINT         NOT NULL REFERENCES purchase_order (id) ON DELETE CASCADE,
    variant_id         BIGINT         REFERENCES product_variant (id) ON DELETE SET NULL,
    sku                VARCHAR(64)    NOT NULL,
    quantity           INT            NOT NULL CHECK (quantity BETWEEN 1 AND 1000000),
    unit_cost          NUMERIC(12, 2) NOT NULL CHECK (unit_cost >= 0),
    received           INT            NOT NULL DEFAULT 0 CHECK (received >= 0 AND received <= quantity),
    CONSTRAINT purchase_order_line_variant_uk UNIQUE (purchase_order_id, variant_id)
);
CREATE INDEX purchase_order_line_variant_idx ON purchase_order_line (variant_id);

-- The history of a purchase order: what happened to it, by whom, when.
CREATE TABLE purchase_order_event (
    id                 BIGSERIAL    PRIMARY KEY,
    purchase_order_id  BIGINT       NOT NULL REFERENCES purchase_order (id) ON DELETE CASCADE,
    action             VARCHAR(24)  NOT NULL,
    status             VARCHAR(24)  NOT NULL,
    detail             VARCHAR(500),
    actor              VARCHAR(64)  NOT NULL,
    created_at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX purchase_order_event_order_idx ON purchase_order_event (purchase_order_id, id);
