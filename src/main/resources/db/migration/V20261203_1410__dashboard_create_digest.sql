-- The daily KPI digest and the anomaly alerts: the channels they go to (group robots of
-- WeCom, DingTalk and Feishu, or e-mail), the alert rules, and one row per message to send.
CREATE TABLE digest_channel (
    id              BIGSERIAL     PRIMARY KEY,
    name            VARCHAR(80)   NOT NULL,
    kind            VARCHAR(8)    NOT NULL CHECK (kind IN ('WECOM', 'DINGTALK', 'FEISHU', 'EMAIL')),
    -- the robot's webhook URL, or the e-mail recipients separated by commas
    target          VARCHAR(1000) NOT NULL,
    -- the robot's signing secret (DingTalk, Feishu), never shown again
    secret          VARCHAR(200),
    language        VARCHAR(8)    NOT NULL CHECK (language IN ('zh_CN', 'en')),
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    daily_digest    BOOLEAN       NOT NULL DEFAULT TRUE,
    alerts          BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX digest_channel_name_uk ON digest_channel (lower(name));

-- An alert rule: a KPI against its recent baseline, or a count against a limit.
CREATE TABLE digest_alert_rule (
    id              BIGSERIAL     PRIMARY KEY,
    kind            VARCHAR(24)   NOT NULL CHECK (kind IN ('CONVERSION_DROP', 'REFUND_SPIKE', 'SLA_BACKLOG',
                                                           'PROMOTED_STOCK_OUT')),
    threshold       NUMERIC(12,2) NOT NULL CHECK (threshold >= 0),
    -- SLA_BACKLOG: the message key of the work queue counted
    queue_key       VARCHAR(64),
    enabled         BOOLEAN       NOT NULL DEFAULT TRUE,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT digest_alert_rule_queue_ck CHECK ((kind = 'SLA_BACKLOG') = (queue_key IS NOT NULL))
);

-- One message to one channel. The dedup key (channel, day, kind) is unique, so that two
-- instances of the application that both compose the digest send it once; a sender claims
-- a due row with SELECT ... FOR UPDATE SKIP LOCKED and holds it for a lease.
CREATE TABLE digest_delivery (
    id              BIGSERIAL     PRIMARY KEY,
    channel_id      BIGINT        NOT NULL REFERENCES digest_channel (id) ON DELETE CASCADE,
    dedup_key       VARCHAR(120)  NOT NULL,
    kind            VARCHAR(8)    NOT NULL CHECK (kind IN ('DIGEST', 'ALERT', 'TEST')),
    day             DATE          NOT NULL,
    title           VARCHAR(200)  NOT NULL,
    -- Markdown (headings, bold, list items): robots show it as is, e-mail as plain text
    body            TEXT          NOT NULL,
    status          VARCHAR(8)    NOT NULL CHECK (status IN ('PENDING', 'SENDING', 'SENT', 'FAILED')),
    attempts        INT           NOT NULL DEFAULT 0 CHECK (attempts >= 0),
    next_attempt_at TIMESTAMP WITH TIME ZONE,
    last_error      VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    sent_at         TIMESTAMP WITH TIME ZONE
);
CREATE UNIQUE INDEX digest_delivery_dedup_uk ON digest_delivery (dedup_key);
CREATE INDEX digest_delivery_due_idx ON digest_delivery (next_attempt_at) WHERE status IN ('PENDING', 'SENDING');
CREATE INDEX digest_delivery_created_idx ON digest_delivery (created_at DESC, id DESC);
CREATE INDEX digest_delivery_channel_idx ON digest_delivery (channel_id);
