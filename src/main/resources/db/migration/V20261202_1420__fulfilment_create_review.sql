-- Product reviews (评价): imported from channels' review exports or entered by operators.
-- An imported review is identified by its channel, source layout and external id, so that
-- importing the same file again updates it instead of adding it twice. The product, SKU,
-- handle and order are kept as matched (product_id / variant_id / order_id null when the
-- catalog or the channel's orders do not know them).
CREATE TABLE review (
    id              BIGSERIAL    PRIMARY KEY,
    channel_code    VARCHAR(32),
    source          VARCHAR(16)  NOT NULL CHECK (source IN ('MANUAL', 'DEMO', 'TEMPLATE', 'JUDGEME', 'OKENDO',
                                                          'WOOCOMMERCE', 'SHOPIFY', 'LOOX', 'YOTPO', 'TAOBAO')),
    external_id     VARCHAR(128),
    product_id      BIGINT       REFERENCES product (id) ON DELETE SET NULL,
    variant_id      BIGINT       REFERENCES product_variant (id) ON DELETE SET NULL,
    sku             VARCHAR(64),
    product_handle  VARCHAR(255),
    product_name    VARCHAR(255),
    order_id        BIGINT       REFERENCES shop_order (id) ON DELETE SET NULL,
    order_number    VARCHAR(64),
    rating          SMALLINT     NOT NULL CHECK (rating BETWEEN 1 AND 5),
    title           VARCHAR(200),
    body            VARCHAR(5000),
    author          VARCHAR(120),
    author_email    VARCHAR(254),
    reviewed_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    reply           VARCHAR(2000),
    reply_by        VARCHAR(64),
    replied_at      TIMESTAMP WITH TIME ZONE,
    hidden          BOOLEAN      NOT NULL DEFAULT false,
    ticket_id       BIGINT,
    import_job_id   BIGINT,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX review_external_uk ON review (coalesce(channel_code, ''), source, external_id)
    WHERE external_id IS NOT NULL;
CREATE INDEX review_reviewed_idx ON review (reviewed_at DESC, id DESC);
CREATE INDEX review_product_idx ON review (product_id, reviewed_at DESC) WHERE product_id IS NOT NULL;
-- the home card: bad reviews nobody answered yet
CREATE INDEX review_unanswered_bad_idx ON review (reviewed_at DESC)
    WHERE rating <= 2 AND reply IS NULL AND ticket_id IS NULL AND NOT hidden;
