CREATE TABLE audit_entry (
    id           BIGSERIAL PRIMARY KEY,
    occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    actor        VARCHAR(64)  NOT NULL,
    action       VARCHAR(64)  NOT NULL,
    object_type  VARCHAR(64)  NOT NULL,
    object_id    VARCHAR(128),
    summary      TEXT,
    ip           VARCHAR(64)
);
CREATE INDEX audit_entry_occurred_at_idx ON audit_entry (occurred_at DESC);
CREATE INDEX audit_entry_actor_idx ON audit_entry (actor, id DESC);
CREATE INDEX audit_entry_action_idx ON audit_entry (action, id DESC);

-- The audit log is append-only: the database refuses updates and deletes, whoever asks.
CREATE FUNCTION audit_entry_is_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'audit_entry is append-only';
END;
$$;
CREATE TRIGGER audit_entry_append_only
    BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH ROW EXECUTE FUNCTION audit_entry_is_append_only();
