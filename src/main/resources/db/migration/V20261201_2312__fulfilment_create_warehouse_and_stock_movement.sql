-- Warehouses: stock lives per SKU and warehouse; MAIN is the default every new SKU starts in.
CREATE TABLE warehouse (
    code        VARCHAR(32)  PRIMARY KEY CHECK (code ~ '^[A-Z0-9][A-Z0-9_-]*$'),
    name        VARCHAR(120) NOT NULL,
    active      BOOLEAN      NOT NULL DEFAULT true,
    created_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO warehouse (code, name) VALUES ('MAIN', 'Main warehouse');

ALTER TABLE stock_item
    ADD CONSTRAINT stock_item_warehouse_fk FOREIGN KEY (warehouse) REFERENCES warehouse (code),
    ADD CONSTRAINT stock_item_reserved_within_on_hand CHECK (reserved <= on_hand);

-- The movement ledger is the record of truth for stock: every change of stock_item is one
-- row here, written in the same transaction, so that on_hand and reserved always equal the
-- sums of their deltas. reference_type/reference_id name what caused it (order, PO, return).
CREATE TABLE stock_movement (
    id              BIGSERIAL    PRIMARY KEY,
    variant_id      BIGINT       NOT NULL REFERENCES product_variant (id) ON DELETE CASCADE,
    warehouse       VARCHAR(32)  NOT NULL REFERENCES warehouse (code),
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('RECEIPT', 'RESERVATION', 'RELEASE', 'SHIPMENT',
                                                         'RETURN', 'ADJUSTMENT', 'STOCK_TAKE', 'INITIAL')),
    on_hand_delta   INT          NOT NULL,
    reserved_delta  INT          NOT NULL,
    reference_type  VARCHAR(32),
    reference_id    VARCHAR(128),
    reason          VARCHAR(300),
    actor           VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX stock_movement_variant_idx ON stock_movement (variant_id, warehouse, id DESC);
CREATE INDEX stock_movement_reference_idx ON stock_movement (reference_type, reference_id)
    WHERE reference_type IS NOT NULL;

-- The ledger is append-only: the database refuses updates and deletes, whoever asks. (A
-- product deleted with its SKUs takes their rows along through the cascade of its SKUs,
-- which a row trigger would refuse; that cascade is the one delete allowed.)
CREATE FUNCTION stock_movement_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND NOT EXISTS (SELECT 1 FROM product_variant WHERE id = OLD.variant_id) THEN
        RETURN OLD;
    END IF;
    RAISE EXCEPTION 'stock_movement is append-only';
END;
$$;
CREATE TRIGGER stock_movement_append_only
    BEFORE UPDATE OR DELETE ON stock_movement
    FOR EACH ROW EXECUTE FUNCTION stock_movement_is_append_only();

-- Stock equals the ledger from day one: one INITIAL movement per existing stock row.
INSERT INTO stock_movement (variant_id, warehouse, kind, on_hand_delta, reserved_delta, reason, actor, created_at)
SELECT variant_id, warehouse, 'INITIAL', on_hand, reserved, 'opening balance', 'system', updated_at
FROM stock_item;
