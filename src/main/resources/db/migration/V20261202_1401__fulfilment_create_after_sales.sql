-- After-sales settings, one row: the SLA a request may wait in an open status, the refund
-- amount above which an operator needs a manager, and the reason codes, one per line.
CREATE TABLE after_sales_setting (
    id                SMALLINT      PRIMARY KEY CHECK (id = 1),
    sla_hours         INT           NOT NULL DEFAULT 48 CHECK (sla_hours BETWEEN 1 AND 720),
    refund_threshold  NUMERIC(14,2) NOT NULL DEFAULT 1000.00 CHECK (refund_threshold >= 0),
    reasons           VARCHAR(2000) NOT NULL
                      DEFAULT E'quality\nwrong_size\nnot_as_described\ndamaged_in_transit\nchanged_mind',
    version           BIGINT        NOT NULL DEFAULT 0,
    updated_at        TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO after_sales_setting (id) VALUES (1);

-- After-sales requests (售后): refund only, return and refund, exchange, on one order.
-- requested_amount is the sum of the lines; refunded_amount what was refunded in the end.
CREATE TABLE after_sales_request (
    id                   BIGSERIAL     PRIMARY KEY,
    order_id             BIGINT        NOT NULL REFERENCES shop_order (id) ON DELETE CASCADE,
    type                 VARCHAR(16)   NOT NULL CHECK (type IN ('REFUND_ONLY', 'RETURN_REFUND', 'EXCHANGE')),
    status               VARCHAR(20)   NOT NULL CHECK (status IN ('REQUESTED', 'APPROVED', 'REJECTED', 'RECEIVED',
                                                   'INSPECTED', 'REFUNDED', 'EXCHANGE_SHIPPED', 'CLOSED')),
    source               VARCHAR(8)    NOT NULL CHECK (source IN ('OPERATOR', 'API', 'IMPORT')),
    reason_code          VARCHAR(64)   NOT NULL,
    reason_text          VARCHAR(1000),
    photo_urls           VARCHAR(4000),
    note                 VARCHAR(1000),
    reject_reason        VARCHAR(300),
    requested_amount     NUMERIC(14,2) NOT NULL CHECK (requested_amount >= 0),
    refunded_amount      NUMERIC(14,2) CHECK (refunded_amount >= 0),
    requested_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    approved_at          TIMESTAMP WITH TIME ZONE,
    rejected_at          TIMESTAMP WITH TIME ZONE,
    received_at          TIMESTAMP WITH TIME ZONE,
    inspected_at         TIMESTAMP WITH TIME ZONE,
    refunded_at          TIMESTAMP WITH TIME ZONE,
    exchange_shipped_at  TIMESTAMP WITH TIME ZONE,
    closed_at            TIMESTAMP WITH TIME ZONE,
    status_since         TIMESTAMP WITH TIME ZONE NOT NULL,
    created_by           VARCHAR(64)   NOT NULL,
    created_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at           TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version              BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX after_sales_request_order_idx ON after_sales_request (order_id);
CREATE INDEX after_sales_request_queue_idx ON after_sales_request (status, status_since, id);
CREATE INDEX after_sales_request_list_idx ON after_sales_request (requested_at DESC, id DESC);

-- The lines of a request: units and amount of one order line; outcome is set when returned
-- units are inspected (restocked or written off through the stock ledger).
CREATE TABLE after_sales_line (
    id              BIGSERIAL     PRIMARY KEY,
    request_id      BIGINT        NOT NULL REFERENCES after_sales_request (id) ON DELETE CASCADE,
    order_line_id   BIGINT        NOT NULL REFERENCES order_line (id) ON DELETE CASCADE,
    sku             VARCHAR(64)   NOT NULL,
    quantity        INT           NOT NULL CHECK (quantity > 0),
    amount          NUMERIC(14,2) NOT NULL CHECK (amount >= 0),
    refunded_amount NUMERIC(14,2) CHECK (refunded_amount >= 0),
    outcome         VARCHAR(12)   CHECK (outcome IN ('RESTOCKED', 'WRITTEN_OFF')),
    outcome_at      TIMESTAMP WITH TIME ZONE,
    CONSTRAINT after_sales_line_uk UNIQUE (request_id, order_line_id)
);
CREATE INDEX after_sales_line_order_line_idx ON after_sales_line (order_line_id);
CREATE INDEX after_sales_line_sku_idx ON after_sales_line (sku);

-- The refund guard: per order line what was paid and what is committed (reserved by approved,
-- not yet refunded requests plus refunded). Every approval and refund locks the row, and the
-- CHECK refuses any commitment above what was paid, whatever the code does.
CREATE TABLE after_sales_line_balance (
    order_line_id  BIGINT        PRIMARY KEY REFERENCES order_line (id) ON DELETE CASCADE,
    paid           NUMERIC(14,2) NOT NULL CHECK (paid >= 0),
    committed      NUMERIC(14,2) NOT NULL DEFAULT 0,
    CONSTRAINT after_sales_line_balance_within_paid CHECK (committed >= 0 AND committed <= paid)
);

-- The timeline of a request: one row per change of status, outcome or note.
CREATE TABLE after_sales_timeline (
    id           BIGSERIAL    PRIMARY KEY,
    request_id   BIGINT       NOT NULL REFERENCES after_sales_request (id) ON DELETE CASCADE,
    from_status  VARCHAR(20),
    to_status    VARCHAR(20)  NOT NULL,
    at           TIMESTAMP WITH TIME ZONE NOT NULL,
    actor        VARCHAR(64)  NOT NULL,
    note         VARCHAR(300),
    created_at   TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX after_sales_timeline_request_idx ON after_sales_timeline (request_id, id);
