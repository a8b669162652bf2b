-- Catalog: category tree, brands, products (SPU) and their variants (SKU).
CREATE EXTENSION IF NOT EXISTS pg_trgm;

CREATE TABLE category (
    id          BIGSERIAL PRIMARY KEY,
    parent_id   BIGINT REFERENCES category (id),
    name        VARCHAR(100)  NOT NULL,
    path        VARCHAR(1000) NOT NULL,
    version     BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX category_path_uk ON category (path);
CREATE INDEX category_parent_idx ON category (parent_id);

CREATE TABLE brand (
    id          BIGSERIAL PRIMARY KEY,
    name        VARCHAR(100) NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX brand_name_uk ON brand (lower(name));

CREATE TABLE product (
    id               BIGSERIAL PRIMARY KEY,
    handle           VARCHAR(255)  NOT NULL,
    title            VARCHAR(255)  NOT NULL,
    description      TEXT,
    category_id      BIGINT REFERENCES category (id),
    brand_id         BIGINT REFERENCES brand (id),
    tags             TEXT[]        NOT NULL DEFAULT '{}',
    status           VARCHAR(16)   NOT NULL DEFAULT 'DRAFT' CHECK (status IN ('DRAFT', 'ACTIVE', 'ARCHIVED')),
    seo_title        VARCHAR(255),
    seo_description  VARCHAR(1000),
    option1_name     VARCHAR(100),
    option2_name     VARCHAR(100),
    option3_name     VARCHAR(100),
    images           JSONB         NOT NULL DEFAULT '[]',
    min_price        NUMERIC(12, 2) NOT NULL DEFAULT 0,
    max_price        NUMERIC(12, 2) NOT NULL DEFAULT 0,
    variant_count    INT           NOT NULL DEFAULT 0,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version          BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX product_handle_uk ON product (handle);
CREATE INDEX product_updated_idx ON product (updated_at DESC, id DESC);
CREATE INDEX product_status_updated_idx ON product (status, updated_at DESC, id DESC);
CREATE INDEX product_title_idx ON product (title, id);
CREATE INDEX product_min_price_idx ON product (min_price, id);
CREATE INDEX product_category_idx ON product (category_id, updated_at DESC, id DESC);
CREATE INDEX product_brand_idx ON product (brand_id, updated_at DESC, id DESC);
CREATE INDEX product_tags_idx ON product USING gin (tags);
CREATE INDEX product_title_trgm_idx ON product USING gin (title gin_trgm_ops);

CREATE TABLE product_variant (
    id                BIGSERIAL PRIMARY KEY,
    product_id        BIGINT         NOT NULL REFERENCES product (id) ON DELETE CASCADE,
    sku               VARCHAR(64)    NOT NULL,
    option1_value     VARCHAR(100),
    option2_value     VARCHAR(100),
    option3_value     VARCHAR(100),
    price             NUMERIC(12, 2) NOT NULL CHECK (price >= 0),
    compare_at_price  NUMERIC(12, 2) CHECK (compare_at_price >= 0),
    cost              NUMERIC(12, 2) CHECK (cost >= 0),
    barcode           VARCHAR(64),
    weight_grams      INT CHECK (weight_grams >= 0),
    position          INT            NOT NULL DEFAULT 1,
    created_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
-- text_pattern_ops serves equality, ON CONFLICT (sku) and SKU prefix search (LIKE 'abc%') in any collation
CREATE UNIQUE INDEX product_variant_sku_uk ON product_variant (sku text_pattern_ops);
CREATE INDEX product_variant_barcode_idx ON product_variant (barcode) WHERE barcode IS NOT NULL;
CREATE INDEX product_variant_product_idx ON product_variant (product_id, position);
