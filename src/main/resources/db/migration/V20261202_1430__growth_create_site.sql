-- The shop's own websites that send traffic events to /collect. A site is identified by its
-- public key (it is pasted into the site's pages, so it is not a secret: it only names the
-- site) and browsers may send from its origin only (scheme://host[:port]).
CREATE TABLE site (
    id          BIGSERIAL    PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    origin      VARCHAR(255) NOT NULL UNIQUE,
    public_key  VARCHAR(64)  NOT NULL UNIQUE,
    enabled     BOOLEAN      NOT NULL DEFAULT TRUE,
    created_by  VARCHAR(64)  NOT NULL,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    key_rotated_at TIMESTAMP WITH TIME ZONE
);
