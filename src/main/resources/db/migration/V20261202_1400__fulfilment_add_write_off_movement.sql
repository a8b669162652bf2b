-- Returned goods that cannot be sold again are written off: a WRITE_OFF movement takes them
-- off hand again after their RETURN, so the ledger shows both what came back and what was lost.
ALTER TABLE stock_movement DROP CONSTRAINT stock_movement_kind_check;
ALTER TABLE stock_movement ADD CONSTRAINT stock_movement_kind_check
    CHECK (kind IN ('RECEIPT', 'RESERVATION', 'RELEASE', 'SHIPMENT', 'RETURN', 'ADJUSTMENT', 'STOCK_TAKE',
                    'INITIAL', 'WRITE_OFF'));
