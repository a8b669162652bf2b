-- Paid campaigns (付费推广): a budget on an ad platform for a sales channel, and the
-- campaign's daily spend. A campaign-day holds ONE row with one source (entered by hand or
-- one import layout), so a day's spend is never counted twice: a second source replaces it.
CREATE TABLE campaign (
    id              BIGSERIAL     PRIMARY KEY,
    name            VARCHAR(120)  NOT NULL,
    platform        VARCHAR(16)   NOT NULL CHECK (platform IN ('WANXIANGTAI', 'ZHITONGCHE', 'YINLIMOFANG',
                                                              'QIANCHUAN', 'OCEANENGINE', 'CILIJINNIU',
                                                              'JINGZHUNTONG', 'DUODUO', 'GOOGLE_ADS', 'OTHER')),
    channel_code    VARCHAR(32),
    budget_total    NUMERIC(14,2) NOT NULL CHECK (budget_total > 0),
    daily_budget    NUMERIC(14,2) CHECK (daily_budget > 0),
    start_date      DATE          NOT NULL,
    end_date        DATE          NOT NULL,
    status          VARCHAR(8)    NOT NULL CHECK (status IN ('ACTIVE', 'PAUSED', 'ENDED')),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT        NOT NULL DEFAULT 0,
    CONSTRAINT campaign_dates_ck CHECK (end_date >= start_date)
);
-- import files name campaigns: names are unique whatever their case
CREATE UNIQUE INDEX campaign_name_uk ON campaign (lower(name));
CREATE INDEX campaign_updated_idx ON campaign (start_date DESC, id DESC);

CREATE TABLE campaign_spend (
    campaign_id     BIGINT        NOT NULL REFERENCES campaign (id) ON DELETE CASCADE,
    spend_date      DATE          NOT NULL,
    spend           NUMERIC(14,2) NOT NULL CHECK (spend >= 0),
    impressions     BIGINT        NOT NULL CHECK (impressions >= 0),
    clicks          BIGINT        NOT NULL CHECK (clicks >= 0),
    orders          BIGINT        NOT NULL CHECK (orders >= 0),
    gmv             NUMERIC(14,2) NOT NULL CHECK (gmv >= 0),
    source          VARCHAR(16)   NOT NULL CHECK (source IN ('MANUAL', 'WANXIANGTAI', 'QIANCHUAN', 'GOOGLE_ADS')),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (campaign_id, spend_date)
);
CREATE INDEX campaign_spend_date_idx ON campaign_spend (spend_date);
