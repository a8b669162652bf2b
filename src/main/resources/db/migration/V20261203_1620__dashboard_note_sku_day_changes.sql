-- The SKU rollups note the days they change too (see V20261203_1610), so that product
-- performance can keep a range's sales until one of its days changes.
CREATE TRIGGER kpi_sku_day_inserted AFTER INSERT ON kpi_sku_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_sku_day_updated AFTER UPDATE ON kpi_sku_day REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_sku_day_deleted AFTER DELETE ON kpi_sku_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();

CREATE TRIGGER kpi_sku_day_total_inserted AFTER INSERT ON kpi_sku_day_total REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_sku_day_total_updated AFTER UPDATE ON kpi_sku_day_total
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_sku_day_total_deleted AFTER DELETE ON kpi_sku_day_total REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
