-- Tracked links made with the UTM link builder (/traffic/links): the landing page and
-- the campaign parameters a visit through the link carries to /collect.
CREATE TABLE utm_link (
    id            BIGSERIAL     PRIMARY KEY,
    name          VARCHAR(120)  NOT NULL,
    base_url      VARCHAR(1000) NOT NULL,
    utm_source    VARCHAR(100)  NOT NULL,
    utm_medium    VARCHAR(100)  NOT NULL,
    utm_campaign  VARCHAR(200)  NOT NULL,
    utm_content   VARCHAR(200),
    content_code  VARCHAR(64),
    url           VARCHAR(2048) NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX utm_link_created_idx ON utm_link (created_at DESC, id DESC);
