-- Content (内容): pieces on the content calendar, livestream sessions, the pieces' daily
-- metrics, and the orders that carry a content code (kept from fulfilment's order events,
-- never read from its tables). An order is attributed to the piece whose tracking code
-- equals its content code; a livestream session also needs the payment inside its window.
CREATE TABLE content_piece (
    id              BIGSERIAL    PRIMARY KEY,
    type            VARCHAR(16)  NOT NULL CHECK (type IN ('SHORT_VIDEO', 'LIVESTREAM', 'NOTE', 'POST')),
    platform        VARCHAR(16)  NOT NULL CHECK (platform IN ('DOUYIN', 'XIAOHONGSHU', 'CHANNELS', 'BILIBILI',
                                                             'WEIBO', 'KUAISHOU', 'TAOBAO_LIVE', 'OTHER')),
    title           VARCHAR(200) NOT NULL,
    owner           VARCHAR(64),
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('IDEA', 'SCRIPTING', 'SCHEDULED', 'PUBLISHED',
                                                           'ARCHIVED')),
    publish_at      TIMESTAMP WITH TIME ZONE,
    tracking_code   VARCHAR(16)  NOT NULL CHECK (tracking_code ~ '^[A-Z0-9_-]{3,16}$'),
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT content_piece_publish_at_ck CHECK (status IN ('IDEA', 'SCRIPTING', 'ARCHIVED') OR publish_at IS NOT NULL)
);
CREATE UNIQUE INDEX content_piece_tracking_code_uk ON content_piece (tracking_code);
CREATE INDEX content_piece_publish_idx ON content_piece (publish_at, id);
CREATE INDEX content_piece_updated_idx ON content_piece (updated_at DESC, id DESC);

-- the catalog's SKUs a piece promotes (no foreign key: the catalog belongs to fulfilment)
CREATE TABLE content_piece_product (
    piece_id        BIGINT       NOT NULL REFERENCES content_piece (id) ON DELETE CASCADE,
    sku             VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    PRIMARY KEY (piece_id, sku)
);

CREATE TABLE livestream_session (
    id              BIGSERIAL    PRIMARY KEY,
    piece_id        BIGINT       NOT NULL REFERENCES content_piece (id),
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    host            VARCHAR(64),
    peak_viewers    INT          CHECK (peak_viewers >= 0),
    total_viewers   INT          CHECK (total_viewers >= 0),
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT livestream_session_window_ck CHECK (ends_at > starts_at)
);
CREATE INDEX livestream_session_starts_idx ON livestream_session (starts_at DESC, id DESC);
CREATE INDEX livestream_session_piece_idx ON livestream_session (piece_id);

CREATE TABLE livestream_session_product (
    session_id      BIGINT       NOT NULL REFERENCES livestream_session (id) ON DELETE CASCADE,
    sku             VARCHAR(64)  NOT NULL,
    position        INT          NOT NULL,
    PRIMARY KEY (session_id, sku)
);

-- one row per piece and day, entered or imported; importing again replaces the day
CREATE TABLE content_metric (
    piece_id        BIGINT       NOT NULL REFERENCES content_piece (id) ON DELETE CASCADE,
    metric_date     DATE         NOT NULL,
    views           BIGINT       NOT NULL DEFAULT 0 CHECK (views >= 0),
    likes           BIGINT       NOT NULL DEFAULT 0 CHECK (likes >= 0),
    comments        BIGINT       NOT NULL DEFAULT 0 CHECK (comments >= 0),
    shares          BIGINT       NOT NULL DEFAULT 0 CHECK (shares >= 0),
    clicks          BIGINT       NOT NULL DEFAULT 0 CHECK (clicks >= 0),
    source          VARCHAR(16)  NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'DEMO')),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (piece_id, metric_date)
);

-- the order facts of attribution, one row per order that carries a content code
CREATE TABLE content_order (
    order_id        BIGINT       PRIMARY KEY,
    order_number    VARCHAR(64)  NOT NULL,
    channel_code    VARCHAR(32)  NOT NULL,
    content_code    VARCHAR(64)  NOT NULL,
    paid_amount     NUMERIC(12, 2) NOT NULL,
    currency        VARCHAR(3)   NOT NULL,
    placed_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    paid_at         TIMESTAMP WITH TIME ZONE,
    cancelled       BOOLEAN      NOT NULL DEFAULT false,
    refunded        NUMERIC(12, 2) NOT NULL DEFAULT 0,
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX content_order_code_idx ON content_order (content_code, paid_at);
CREATE INDEX content_order_paid_idx ON content_order (paid_at);

-- refunds already counted, so that a redelivered RefundCompleted counts once
CREATE TABLE content_refund (
    request_id      BIGINT       NOT NULL,
    refunded_at     TIMESTAMP WITH TIME ZONE NOT NULL,
    order_id        BIGINT       NOT NULL REFERENCES content_order (order_id),
    amount          NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (request_id, refunded_at)
);
CREATE INDEX content_refund_order_idx ON content_refund (order_id);
