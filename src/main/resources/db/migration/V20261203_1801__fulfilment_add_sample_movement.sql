-- Samples sent to creators leave the stock with a SAMPLE movement that references the
-- sample record (growth takes them through the inventory API).
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check
    CHECK (kind IN ('RECEIPT', 'RESERVATION', 'RELEASE', 'SHIPMENT', 'RETURN', 'ADJUSTMENT', 'STOCK_TAKE',
                    'INITIAL', 'WRITE_OFF', 'SAMPLE'));
