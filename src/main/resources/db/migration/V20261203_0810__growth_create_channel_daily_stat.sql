-- The daily numbers that the platforms' analytics export per shop (生意参谋, 京东商智, 拼多多 …),
-- imported as CSV: one row per day, sales channel and source, so that importing the same
-- export again replaces its day. A figure the export lacks stays NULL (unknown), never 0.
CREATE TABLE channel_daily_stat (
    stat_date       DATE         NOT NULL,
    channel_code    VARCHAR(32)  NOT NULL,
    source          VARCHAR(16)  NOT NULL CHECK (source IN ('SYCM', 'JD', 'PDD', 'FILE')),
    uv              BIGINT       CHECK (uv >= 0),
    pv              BIGINT       CHECK (pv >= 0),
    impressions     BIGINT       CHECK (impressions >= 0),
    clicks          BIGINT       CHECK (clicks >= 0),
    spend           NUMERIC(14, 2) CHECK (spend >= 0),
    orders          BIGINT       CHECK (orders >= 0),
    gmv             NUMERIC(14, 2) CHECK (gmv >= 0),
    job_id          BIGINT,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (stat_date, channel_code, source)
);
CREATE INDEX channel_daily_stat_channel_idx ON channel_daily_stat (channel_code, stat_date);
