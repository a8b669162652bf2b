-- Which local days' KPI figures changed, and in what order (io.shopops.dashboard.KpiCache):
-- every statement that writes a rollup or a fact notes the days it touched, so that a
-- range computed once is served again until one of its days changes. The catch-up
-- compacts the notes to one per day, with a new version, so that a compaction always
-- reads as a change.
CREATE SEQUENCE kpi_change_seq;
CREATE TABLE kpi_change (
    day      DATE   NOT NULL,
    version  BIGINT NOT NULL DEFAULT nextval('kpi_change_seq')
);
CREATE INDEX kpi_change_day_idx ON kpi_change (day, version);

CREATE FUNCTION kpi_note_day_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO kpi_change (day) SELECT DISTINCT day FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO kpi_change (day) SELECT DISTINCT day FROM old_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION kpi_note_first_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO kpi_change (day) SELECT DISTINCT first_day FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO kpi_change (day) SELECT DISTINCT first_day FROM old_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION kpi_note_order_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO kpi_change (day) SELECT DISTINCT pay_day FROM new_rows;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO kpi_change (day) SELECT DISTINCT pay_day FROM old_rows;
    END IF;
    RETURN NULL;
END;
$$;

CREATE FUNCTION kpi_note_line_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO kpi_change (day)
        SELECT DISTINCT f.pay_day FROM new_rows l JOIN kpi_order_fact f ON f.order_id = l.order_id;
    END IF;
    IF TG_OP IN ('DELETE', 'UPDATE') THEN
        INSERT INTO kpi_change (day)
        SELECT DISTINCT f.pay_day FROM old_rows l JOIN kpi_order_fact f ON f.order_id = l.order_id;
    END IF;
    RETURN NULL;
END;
$$;

CREATE TRIGGER kpi_day_inserted AFTER INSERT ON kpi_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_day_updated AFTER UPDATE ON kpi_day REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_day_deleted AFTER DELETE ON kpi_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();

CREATE TRIGGER kpi_buyer_day_inserted AFTER INSERT ON kpi_buyer_day REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_buyer_day_updated AFTER UPDATE ON kpi_buyer_day
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();
CREATE TRIGGER kpi_buyer_day_deleted AFTER DELETE ON kpi_buyer_day REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_day_change();

CREATE TRIGGER kpi_buyer_first_inserted AFTER INSERT ON kpi_buyer_first REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_first_change();
CREATE TRIGGER kpi_buyer_first_updated AFTER UPDATE ON kpi_buyer_first
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_first_change();
CREATE TRIGGER kpi_buyer_first_deleted AFTER DELETE ON kpi_buyer_first REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_first_change();

CREATE TRIGGER kpi_order_fact_inserted AFTER INSERT ON kpi_order_fact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_order_change();
CREATE TRIGGER kpi_order_fact_updated AFTER UPDATE ON kpi_order_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_order_change();
CREATE TRIGGER kpi_order_fact_deleted AFTER DELETE ON kpi_order_fact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_order_change();

CREATE TRIGGER kpi_order_line_fact_inserted AFTER INSERT ON kpi_order_line_fact REFERENCING NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_line_change();
CREATE TRIGGER kpi_order_line_fact_updated AFTER UPDATE ON kpi_order_line_fact
    REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_line_change();
CREATE TRIGGER kpi_order_line_fact_deleted AFTER DELETE ON kpi_order_line_fact REFERENCING OLD TABLE AS old_rows
    FOR EACH STATEMENT EXECUTE FUNCTION kpi_note_line_change();
