-- Creators and distribution (达人/KOL, 分销): the creators the shop works with, their
-- cooperation records (type, dates, fixed fee, commission rate, a tracking code that shares
-- one name space with content pieces and community groups, and the content pieces they
-- published), the samples sent to them (taken from stock through the inventory API, with
-- the cost price known then), and an append-only payout ledger of payouts and
-- adjustments. What a creator earned is never stored: it is read from the attribution
-- facts (attribution_order, attribution_refund) whenever it is shown.
CREATE TABLE creator (
    id              BIGSERIAL    PRIMARY KEY,
    platform        VARCHAR(16)  NOT NULL CHECK (platform IN ('DOUYIN', 'XIAOHONGSHU', 'CHANNELS', 'BILIBILI',
                                                             'WEIBO', 'KUAISHOU', 'TAOBAO_LIVE', 'OTHER')),
    handle          VARCHAR(80)  NOT NULL,
    display_name    VARCHAR(120),
    followers       BIGINT       NOT NULL DEFAULT 0 CHECK (followers >= 0),
    category        VARCHAR(60),
    contact         VARCHAR(200),
    notes           VARCHAR(2000),
    archived        BOOLEAN      NOT NULL DEFAULT false,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX creator_handle_uk ON creator (platform, lower(handle));
CREATE INDEX creator_category_idx ON creator (lower(category));

CREATE TABLE creator_cooperation (
    id              BIGSERIAL    PRIMARY KEY,
    creator_id      BIGINT       NOT NULL REFERENCES creator (id),
    title           VARCHAR(200) NOT NULL,
    type            VARCHAR(16)  NOT NULL CHECK (type IN ('SAMPLE', 'FIXED_FEE', 'COMMISSION', 'MIXED')),
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('PLANNED', 'ACTIVE', 'COMPLETED', 'CANCELLED')),
    starts_on       DATE         NOT NULL,
    ends_on         DATE,
    fixed_fee       NUMERIC(12,2) NOT NULL DEFAULT 0 CHECK (fixed_fee >= 0),
    -- percent of the attributed GMV net of refunds, e.g. 20.00
    commission_rate NUMERIC(5,2) NOT NULL DEFAULT 0 CHECK (commission_rate >= 0 AND commission_rate <= 100),
    tracking_code   VARCHAR(16)  NOT NULL CHECK (tracking_code ~ '^[A-Z0-9_-]{3,16}$'),
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT creator_cooperation_dates_ck CHECK (ends_on IS NULL OR ends_on >= starts_on)
);
CREATE UNIQUE INDEX creator_cooperation_tracking_code_uk ON creator_cooperation (tracking_code);
CREATE INDEX creator_cooperation_creator_idx ON creator_cooperation (creator_id, starts_on DESC);

-- the content pieces a creator published for a cooperation; a piece belongs to one
-- cooperation at most, so that its orders count once
CREATE TABLE creator_cooperation_piece (
    cooperation_id  BIGINT       NOT NULL REFERENCES creator_cooperation (id) ON DELETE CASCADE,
    piece_id        BIGINT       NOT NULL REFERENCES content_piece (id),
    PRIMARY KEY (cooperation_id, piece_id)
);
CREATE UNIQUE INDEX creator_cooperation_piece_uk ON creator_cooperation_piece (piece_id);

-- samples sent: each took its units from stock with a SAMPLE movement referencing it
CREATE TABLE creator_sample (
    id              BIGSERIAL    PRIMARY KEY,
    cooperation_id  BIGINT       NOT NULL REFERENCES creator_cooperation (id),
    sku             VARCHAR(64)  NOT NULL,
    warehouse       VARCHAR(32)  NOT NULL,
    quantity        INT          NOT NULL CHECK (quantity > 0),
    -- the SKU's cost price when the sample was sent, NULL when the catalog did not know it
    unit_cost       NUMERIC(12,2) CHECK (unit_cost >= 0),
    sent_on         DATE         NOT NULL,
    note            VARCHAR(300),
    actor           VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX creator_sample_cooperation_idx ON creator_sample (cooperation_id);

-- payouts (money paid to the creator) and adjustments (signed corrections of what is
-- owed, with a reason); append-only: a mistake is corrected by a new entry
CREATE TABLE creator_payout (
    id              BIGSERIAL    PRIMARY KEY,
    creator_id      BIGINT       NOT NULL REFERENCES creator (id),
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('PAYOUT', 'ADJUSTMENT')),
    entry_date      DATE         NOT NULL,
    amount          NUMERIC(12,2) NOT NULL,
    reference       VARCHAR(100),
    note            VARCHAR(500),
    actor           VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT creator_payout_amount_ck CHECK ((kind = 'PAYOUT' AND amount > 0) OR (kind = 'ADJUSTMENT' AND amount <> 0)),
    CONSTRAINT creator_payout_reason_ck CHECK (kind = 'PAYOUT' OR note IS NOT NULL)
);
CREATE INDEX creator_payout_creator_idx ON creator_payout (creator_id, entry_date, id);
CREATE FUNCTION creator_payout_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'creator_payout is append-only';
END;
$$;
CREATE TRIGGER creator_payout_append_only
    BEFORE UPDATE OR DELETE ON creator_payout
    FOR EACH ROW EXECUTE FUNCTION creator_payout_is_append_only();

-- creators' orders are found by the order's content code or its attributed piece
CREATE INDEX attribution_order_content_code_idx ON attribution_order (content_code) WHERE content_code IS NOT NULL;
CREATE INDEX attribution_order_piece_idx ON attribution_order (piece_id) WHERE piece_id <> 0;
