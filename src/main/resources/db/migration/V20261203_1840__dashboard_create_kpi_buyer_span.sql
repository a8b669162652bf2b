-- Exact distinct buyer counts of any range of up to 366 days (io.shopops.dashboard.BuyerSpans):
-- one row per scope ('*' for every channel, or a channel's code) and local day s, with three
-- arrays indexed by i = s - a + 1 (a being a range's first day): payers[i] = buyers whose first
-- paying day on or after a is s; repeaters[i] = buyers whose second paid order on or after a
-- was paid on s; newcomers[i] = buyers whose first-ever paid order is on or after a and whose
-- first paid order in the scope is on s. Over [a, b], paying buyers = sum of payers[s - a + 1]
-- for s in [a, b], and likewise for the buyers with two or more paid orders and the new buyers.
CREATE TABLE kpi_buyer_span (
    channel_code VARCHAR(64) NOT NULL,
    day          DATE        NOT NULL,
    payers       INTEGER[]   NOT NULL,
    repeaters    INTEGER[]   NOT NULL,
    newcomers    INTEGER[]   NOT NULL,
    PRIMARY KEY (channel_code, day)
);
-- small arrays of small numbers: kept in the row, compressed, not moved out of line
ALTER TABLE kpi_buyer_span ALTER COLUMN payers SET STORAGE MAIN;
ALTER TABLE kpi_buyer_span ALTER COLUMN repeaters SET STORAGE MAIN;
ALTER TABLE kpi_buyer_span ALTER COLUMN newcomers SET STORAGE MAIN;

-- element-wise sum of two count arrays of the same length
CREATE FUNCTION kpi_add_counts(a INTEGER[], b INTEGER[]) RETURNS INTEGER[]
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT array_agg(coalesce(x, 0) + coalesce(y, 0) ORDER BY i) FROM unnest(a, b) WITH ORDINALITY AS u(x, y, i)
$$;

CREATE TRIGGER kpi_buyer_span_inserted AFTER INSERT ON kpi_buyer_span REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_buyer_span_updated AFTER UPDATE ON kpi_buyer_span
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_buyer_span_deleted AFTER DELETE ON kpi_buyer_span REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();

-- the rows are built by a rebuild of the rollups: the catch-up runs one when there are facts
-- and the rows were never built
ALTER TABLE kpi_rollup_state ADD COLUMN spans_built BOOLEAN NOT NULL DEFAULT false;
UPDATE kpi_rollup_state SET spans_built = NOT EXISTS (SELECT 1 FROM kpi_order_fact);
