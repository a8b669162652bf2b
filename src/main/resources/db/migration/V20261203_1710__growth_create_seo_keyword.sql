-- SEO keywords (io.shopops.growth.traffic.SeoKeywords): a keyword searched for on a search
-- engine, the page or product it should bring visitors to, its monthly search volume, and
-- its rank history (one rank per day, entered by hand or imported as seo-ranks).

-- keyword_key is the keyword trimmed, spaces collapsed, full-width folded and lower-cased;
-- target_key is '' (no target), 'url:<url>' or 'sku:<sku>': a keyword is unique per target
CREATE TABLE seo_keyword (
    id             BIGSERIAL     PRIMARY KEY,
    keyword        VARCHAR(200)  NOT NULL,
    keyword_key    VARCHAR(200)  NOT NULL,
    target_url     VARCHAR(1000),
    target_sku     VARCHAR(100),
    target_key     VARCHAR(1010) NOT NULL,
    search_volume  BIGINT        CHECK (search_volume >= 0),
    notes          VARCHAR(2000),
    created_by     VARCHAR(100)  NOT NULL,
    created_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at     TIMESTAMPTZ   NOT NULL DEFAULT now(),
    CONSTRAINT seo_keyword_one_target CHECK (target_url IS NULL OR target_sku IS NULL),
    CONSTRAINT seo_keyword_unique UNIQUE (keyword_key, target_key)
);

-- the rank of a keyword on a day: 1 is the top result; Search Console's average positions
-- keep one decimal. source is MANUAL or IMPORT (then job_id is the import job)
CREATE TABLE seo_rank (
    keyword_id  BIGINT        NOT NULL REFERENCES seo_keyword (id) ON DELETE CASCADE,
    rank_date   DATE          NOT NULL,
    rank        NUMERIC(5, 1) NOT NULL CHECK (rank >= 1 AND rank <= 1000),
    source      VARCHAR(10)   NOT NULL CHECK (source IN ('MANUAL', 'IMPORT')),
    job_id      BIGINT,
    entered_by  VARCHAR(100)  NOT NULL,
    updated_at  TIMESTAMPTZ   NOT NULL DEFAULT now(),
    PRIMARY KEY (keyword_id, rank_date)
);
