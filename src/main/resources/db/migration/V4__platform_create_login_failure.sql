CREATE TABLE login_failure (
    id            BIGSERIAL PRIMARY KEY,
    username      VARCHAR(64) NOT NULL,
    ip            VARCHAR(64) NOT NULL,
    attempted_at  TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_idx ON login_failure (lower(username), attempted_at);
CREATE INDEX login_failure_ip_idx ON login_failure (ip, attempted_at);
