-- Outreach (触达): message templates with variables, outreach campaigns that send a
-- template to a saved segment (kept apart from the paid ad campaigns of growth.campaign),
-- the outbox with one row per message, opt-outs per customer and channel, and the
-- settings of the frequency cap and of order attribution. Segments and coupons are
-- growth's own (ids); customers are CRM's (FK inside the module).
CREATE TABLE outreach_template (
    id          BIGSERIAL    PRIMARY KEY,
    name        VARCHAR(120) NOT NULL,
    channel     VARCHAR(8)   NOT NULL CHECK (channel IN ('sms', 'email', 'wechat')),
    subject     VARCHAR(200),
    body        VARCHAR(2000) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT true,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version     BIGINT       NOT NULL DEFAULT 0,
    CHECK (channel <> 'email' OR subject IS NOT NULL)
);
CREATE UNIQUE INDEX outreach_template_name_uk ON outreach_template (lower(name));

-- A campaign goes DRAFT → SCHEDULED (send_at) or straight to SENDING (queued now) → DONE
-- when no message of it is queued any more; DRAFT, SCHEDULED and SENDING can be CANCELLED.
CREATE TABLE outreach_campaign (
    id            BIGSERIAL    PRIMARY KEY,
    name          VARCHAR(120) NOT NULL,
    template_id   BIGINT       NOT NULL REFERENCES outreach_template (id),
    segment_id    BIGINT       NOT NULL,
    segment_name  VARCHAR(120) NOT NULL,
    coupon_id     BIGINT       REFERENCES coupon (id),
    status        VARCHAR(10)  NOT NULL DEFAULT 'DRAFT'
                               CHECK (status IN ('DRAFT', 'SCHEDULED', 'SENDING', 'DONE', 'CANCELLED')),
    send_at       TIMESTAMP WITH TIME ZONE,
    targeted      INTEGER      NOT NULL DEFAULT 0,
    queued_at     TIMESTAMP WITH TIME ZONE,
    finished_at   TIMESTAMP WITH TIME ZONE,
    created_by    VARCHAR(64),
    created_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at    TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version       BIGINT       NOT NULL DEFAULT 0,
    CHECK (status <> 'SCHEDULED' OR send_at IS NOT NULL)
);
CREATE INDEX outreach_campaign_list_idx ON outreach_campaign (created_at DESC, id DESC);
CREATE INDEX outreach_campaign_due_idx ON outreach_campaign (send_at) WHERE status = 'SCHEDULED';

-- The outbox: one row per message. QUEUED rows are claimed by the dispatcher when
-- next_attempt_at has come (FOR UPDATE SKIP LOCKED) and end SENT, FAILED (after the last
-- attempt), OPTED_OUT or CAPPED (checked again at send time) or CANCELLED (with their
-- campaign). Rows written OPTED_OUT, CAPPED or NO_CONTACT at queue time were never sent.
-- origin: who asked, e.g. campaign:12 or lifecycle:3.
CREATE TABLE outreach_message (
    id               BIGSERIAL    PRIMARY KEY,
    campaign_id      BIGINT       REFERENCES outreach_campaign (id),
    template_id      BIGINT       NOT NULL REFERENCES outreach_template (id),
    customer_id      BIGINT       NOT NULL REFERENCES customer (id),
    channel          VARCHAR(8)   NOT NULL CHECK (channel IN ('sms', 'email', 'wechat')),
    address          VARCHAR(254),
    subject          VARCHAR(200),
    body             VARCHAR(4000) NOT NULL,
    status           VARCHAR(10)  NOT NULL CHECK (status IN ('QUEUED', 'SENT', 'FAILED', 'OPTED_OUT', 'CAPPED',
                                                             'NO_CONTACT', 'CANCELLED')),
    attempts         INTEGER      NOT NULL DEFAULT 0,
    next_attempt_at  TIMESTAMP WITH TIME ZONE,
    last_error       VARCHAR(500),
    origin           VARCHAR(64)  NOT NULL,
    created_at       TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    sent_at          TIMESTAMP WITH TIME ZONE,
    CONSTRAINT outreach_message_campaign_uk UNIQUE (campaign_id, customer_id)
);
CREATE INDEX outreach_message_due_idx ON outreach_message (next_attempt_at, id) WHERE status = 'QUEUED';
CREATE INDEX outreach_message_campaign_idx ON outreach_message (campaign_id, status, id);
CREATE INDEX outreach_message_customer_idx ON outreach_message (customer_id, created_at DESC);

-- Customers who asked not to get messages on a channel.
CREATE TABLE outreach_opt_out (
    customer_id  BIGINT       NOT NULL REFERENCES customer (id),
    channel      VARCHAR(8)   NOT NULL CHECK (channel IN ('sms', 'email', 'wechat')),
    reason       VARCHAR(200),
    created_by   VARCHAR(64),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (customer_id, channel)
);

-- The frequency cap (at most cap_messages marketing messages per customer within
-- cap_days) and the attribution window (orders placed within attribution_days of a send).
CREATE TABLE outreach_setting (
    id                SMALLINT  PRIMARY KEY CHECK (id = 1),
    cap_messages      INTEGER   NOT NULL DEFAULT 2 CHECK (cap_messages BETWEEN 1 AND 100),
    cap_days          INTEGER   NOT NULL DEFAULT 7 CHECK (cap_days BETWEEN 1 AND 365),
    attribution_days  INTEGER   NOT NULL DEFAULT 7 CHECK (attribution_days BETWEEN 1 AND 90),
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO outreach_setting (id) VALUES (1);
