-- Every movement is written with the change of its stock row (in the same statement), so a movement belongs to a
-- stock row: one composite foreign key to stock_item replaces the two to product_variant and warehouse. The
-- integrity is the same or stronger (stock_item references both, and a movement can no longer name a SKU and a
-- warehouse without a stock row), the cascade is the same (a deleted SKU takes its stock rows, and they their
-- movements), and each new movement costs one foreign-key check instead of two: a product import opens a stock row
-- and a movement for every new SKU, and these checks were a quarter of its database time.
ALTER TABLE stock_movement
    ADD CONSTRAINT stock_movement_stock_item_fk FOREIGN KEY (variant_id, warehouse)
        REFERENCES stock_item (variant_id, warehouse) ON DELETE CASCADE,
    DROP CONSTRAINT stock_movement_variant_id_fkey,
    DROP CONSTRAINT stock_movement_warehouse_fkey;
