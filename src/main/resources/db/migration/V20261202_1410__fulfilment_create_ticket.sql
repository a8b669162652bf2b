-- Customer service tickets (工单): a question or complaint, optionally about an order, with
-- a priority, an assignee (a username), a status and the SLA due times fixed when it opens
-- (the resolution due time again when it is reopened). A ticket that came from a review or
-- an after-sales request names it (source, source_reference); while such a ticket is not
-- closed a second one from the same source and reference is not opened.
CREATE TABLE ticket (
    id                     BIGSERIAL    PRIMARY KEY,
    subject                VARCHAR(200) NOT NULL CHECK (btrim(subject) <> ''),
    body                   TEXT,
    priority               VARCHAR(8)   NOT NULL DEFAULT 'NORMAL' CHECK (priority IN ('LOW', 'NORMAL', 'HIGH', 'URGENT')),
    status                 VARCHAR(16)  NOT NULL DEFAULT 'open'
                                        CHECK (status IN ('open', 'pending_customer', 'resolved', 'closed')),
    assignee               VARCHAR(64),
    order_id               BIGINT       REFERENCES shop_order (id),
    customer_name          TEXT,
    customer_contact       TEXT,
    source                 VARCHAR(16)  NOT NULL DEFAULT 'manual' CHECK (source IN ('manual', 'review', 'after_sales')),
    source_reference       VARCHAR(64),
    opened_by              VARCHAR(64)  NOT NULL,
    opened_at              TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    first_response_at      TIMESTAMP WITH TIME ZONE,
    resolved_at            TIMESTAMP WITH TIME ZONE,
    closed_at              TIMESTAMP WITH TIME ZONE,
    first_response_due_at  TIMESTAMP WITH TIME ZONE NOT NULL,
    resolution_due_at      TIMESTAMP WITH TIME ZONE NOT NULL,
    version                BIGINT       NOT NULL DEFAULT 0,
    updated_at             TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
-- one ticket that is not closed per source and reference: Tickets.open is idempotent
CREATE UNIQUE INDEX ticket_source_reference_uq ON ticket (source, source_reference)
    WHERE source_reference IS NOT NULL AND status <> 'closed';
CREATE INDEX ticket_queue_idx ON ticket (status, priority, opened_at);
CREATE INDEX ticket_order_idx ON ticket (order_id) WHERE order_id IS NOT NULL;
CREATE INDEX ticket_assignee_idx ON ticket (assignee) WHERE assignee IS NOT NULL;

-- The log of a ticket, append-only: replies to the customer, internal notes, status changes
-- and assignments, each with its author and time.
CREATE TABLE ticket_entry (
    id         BIGSERIAL    PRIMARY KEY,
    ticket_id  BIGINT       NOT NULL REFERENCES ticket (id) ON DELETE CASCADE,
    kind       VARCHAR(16)  NOT NULL CHECK (kind IN ('reply', 'internal_note', 'status_change', 'assignment')),
    author     VARCHAR(64)  NOT NULL,
    body       TEXT         NOT NULL,
    at         TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX ticket_entry_ticket_idx ON ticket_entry (ticket_id, at, id);

-- The ticket rules, one row: the first-response and resolution SLAs in hours.
CREATE TABLE ticket_setting (
    id                         SMALLINT PRIMARY KEY CHECK (id = 1),
    first_response_sla_hours   INT      NOT NULL DEFAULT 4 CHECK (first_response_sla_hours BETWEEN 1 AND 720),
    resolution_sla_hours       INT      NOT NULL DEFAULT 48 CHECK (resolution_sla_hours BETWEEN 1 AND 2160),
    version                    BIGINT   NOT NULL DEFAULT 0,
    updated_at                 TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO ticket_setting (id) VALUES (1);

-- Canned replies operators pick from when they answer a ticket.
CREATE TABLE ticket_canned_reply (
    id          BIGSERIAL     PRIMARY KEY,
    title       VARCHAR(100)  NOT NULL UNIQUE CHECK (btrim(title) <> ''),
    body        TEXT          NOT NULL CHECK (btrim(body) <> ''),
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
