-- API tokens of channel integrations: each belongs to one sales channel. Only the SHA-256 hash
-- of a token is kept (the token is shown once, when it is created), with its first characters
-- so that admins can tell tokens apart. A revoked token is kept, refused, for the record.
CREATE TABLE api_token (
    id            BIGSERIAL    PRIMARY KEY,
    channel_id    BIGINT       NOT NULL REFERENCES sales_channel (id),
    name          VARCHAR(120) NOT NULL,
    token_hash    CHAR(64)     NOT NULL UNIQUE,
    token_prefix  VARCHAR(16)  NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    revoked_by    VARCHAR(64),
    revoked_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX api_token_channel_idx ON api_token (channel_id, id);
