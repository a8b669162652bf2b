-- Sales channels: the stores orders come from.
CREATE TABLE sales_channel (
    id          BIGSERIAL    PRIMARY KEY,
    code        VARCHAR(32)  NOT NULL UNIQUE CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name        VARCHAR(120) NOT NULL,
    platform    VARCHAR(16)  NOT NULL CHECK (platform IN ('TMALL', 'TAOBAO', 'JD', 'DOUYIN', 'PINDUODUO', 'XIAOHONGSHU',
                                                          'SHOPIFY', 'WOOCOMMERCE', 'OWN_SITE', 'OTHER')),
    active      BOOLEAN      NOT NULL DEFAULT true,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);

-- Orders: one row per channel order. Amounts are in the order's currency; paid_amount is
-- goods_amount + shipping_fee - discount. Each status has its time column; history orders
-- (imported already shipped, completed or closed) never touched stock.
CREATE TABLE shop_order (
    id               BIGSERIAL     PRIMARY KEY,
    channel_id       BIGINT        NOT NULL REFERENCES sales_channel (id),
    number           VARCHAR(64)   NOT NULL,
    status           VARCHAR(20)   NOT NULL CHECK (status IN ('PENDING_PAYMENT', 'AWAITING_STOCK', 'PAID',
                                               'PARTIALLY_SHIPPED', 'SHIPPED', 'DELIVERED', 'COMPLETED',
                                               'CANCELLED', 'CLOSED')),
    source           VARCHAR(8)    NOT NULL CHECK (source IN ('MANUAL', 'API', 'IMPORT', 'DEMO')),
    history          BOOLEAN       NOT NULL DEFAULT false,
    warehouse        VARCHAR(32)   NOT NULL DEFAULT 'MAIN' REFERENCES warehouse (code),
    currency         CHAR(3)       NOT NULL,
    goods_amount     NUMERIC(14,2) NOT NULL,
    shipping_fee     NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (shipping_fee >= 0),
    discount         NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    paid_amount      NUMERIC(14,2) NOT NULL CHECK (paid_amount >= 0),
    customer_name    VARCHAR(120),
    customer_phone   VARCHAR(40),
    customer_email   VARCHAR(254),
    buyer_id         VARCHAR(128),
    ship_name        VARCHAR(120),
    ship_phone       VARCHAR(40),
    ship_province    VARCHAR(64),
    ship_city        VARCHAR(64),
    ship_district    VARCHAR(64),
    ship_line1       VARCHAR(300),
    ship_postcode    VARCHAR(20),
    coupon_code      VARCHAR(64),
    utm_source       VARCHAR(128),
    utm_medium       VARCHAR(128),
    utm_campaign     VARCHAR(128),
    utm_content      VARCHAR(128),
    content_code     VARCHAR(64),
    visitor_id       VARCHAR(64),
    note             VARCHAR(1000),
    placed_at        TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at          TIMESTAMP WITH TIME ZONE,
    shipped_at       TIMESTAMP WITH TIME ZONE,
    delivered_at     TIMESTAMP WITH TIME ZONE,
    completed_at     TIMESTAMP WITH TIME ZONE,
    cancelled_at     TIMESTAMP WITH TIME ZONE,
    closed_at        TIMESTAMP WITH TIME ZONE,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version          BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT shop_order_channel_number_uk UNIQUE (channel_id, number)
);
-- The order list seeks by (placed_at, id) newest first, alone or within a status or channel.
CREATE INDEX shop_order_placed_idx ON shop_order (placed_at DESC, id DESC);
CREATE INDEX shop_order_status_placed_idx ON shop_order (status, placed_at DESC, id DESC);
CREATE INDEX shop_order_channel_placed_idx ON shop_order (channel_id, placed_at DESC, id DESC);

-- Order lines. variant_id is null only for a history line whose SKU is unknown; the SKU
-- and title are kept as the channel sent them.
CREATE TABLE order_line (
    id                BIGSERIAL     PRIMARY KEY,
    order_id          BIGINT        NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
    line_no           INT           NOT NULL,
    variant_id        BIGINT        REFERENCES product_variant (id) ON DELETE SET NULL,
    sku               VARCHAR(64)   NOT NULL,
    title             VARCHAR(255)  NOT NULL,
    quantity          INT           NOT NULL CHECK (quantity > 0),
    unit_price        NUMERIC(12,2) NOT NULL CHECK (unit_price >= 0),
    discount          NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (discount >= 0),
    amount            NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    shipped_quantity  INT           NOT NULL DEFAULT 0 CHECK (shipped_quantity >= 0 AND shipped_quantity <= quantity),
    CONSTRAINT order_line_order_no_uk UNIQUE (order_id, line_no)
);
CREATE INDEX order_line_sku_idx ON order_line (sku, order_id);
CREATE INDEX order_line_variant_idx ON order_line (variant_id) WHERE variant_id IS NOT NULL;

-- Shipments: carrier and tracking number per parcel, with the lines and units it held.
CREATE TABLE shipment (
    id               BIGSERIAL    PRIMARY KEY,
    order_id         BIGINT       NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
    carrier          VARCHAR(64),
    tracking_number  VARCHAR(64),
    shipped_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    actor            VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX shipment_order_idx ON shipment (order_id, id);
CREATE INDEX shipment_tracking_idx ON shipment (tracking_number) WHERE tracking_number IS NOT NULL;

CREATE TABLE shipment_line (
    shipment_id    BIGINT NOT NULL REFERENCES shipment (id) ON DELETE CASCADE,
    order_line_id  BIGINT NOT NULL REFERENCES order_line (id) ON DELETE CASCADE,
    quantity       INT    NOT NULL CHECK (quantity > 0),
    PRIMARY KEY (shipment_id, order_line_id)
);

-- The order's timeline: one row per change of status (and per tracking update or note).
CREATE TABLE order_status_change (
    id           BIGSERIAL    PRIMARY KEY,
    order_id     BIGINT       NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)  NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    note         VARCHAR(300),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX order_status_change_order_idx ON order_status_change (order_id, id);
