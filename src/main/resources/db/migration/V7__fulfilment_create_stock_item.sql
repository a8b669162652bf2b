-- Stock per SKU and warehouse. A new SKU's initial stock lands in the default warehouse MAIN.
CREATE TABLE stock_item (
    id            BIGSERIAL PRIMARY KEY,
    variant_id    BIGINT      NOT NULL REFERENCES product_variant (id) ON DELETE CASCADE,
    warehouse     VARCHAR(32) NOT NULL DEFAULT 'MAIN',
    on_hand       INT         NOT NULL DEFAULT 0 CHECK (on_hand >= 0),
    reserved      INT         NOT NULL DEFAULT 0 CHECK (reserved >= 0),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version       BIGINT      NOT NULL DEFAULT 0,
    CONSTRAINT stock_item_variant_warehouse_uk UNIQUE (variant_id, warehouse)
);
