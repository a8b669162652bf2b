-- Asynchronous import jobs (any module's kind) and their per-row problems.
CREATE TABLE import_job (
    id              BIGSERIAL PRIMARY KEY,
    kind            VARCHAR(32)  NOT NULL,
    file_name       VARCHAR(255) NOT NULL,
    stored_file     VARCHAR(1000) NOT NULL,
    file_size       BIGINT       NOT NULL,
    mode            VARCHAR(16)  NOT NULL CHECK (mode IN ('VALIDATE', 'APPLY')),
    policy          VARCHAR(16)  NOT NULL CHECK (policy IN ('ALL_OR_NOTHING', 'SKIP_INVALID')),
    status          VARCHAR(16)  NOT NULL CHECK (status IN ('QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    outcome         VARCHAR(64),
    total           BIGINT       NOT NULL DEFAULT 0,
    processed       BIGINT       NOT NULL DEFAULT 0,
    created         BIGINT       NOT NULL DEFAULT 0,
    updated         BIGINT       NOT NULL DEFAULT 0,
    unchanged       BIGINT       NOT NULL DEFAULT 0,
    failed          BIGINT       NOT NULL DEFAULT 0,
    created_by      VARCHAR(64)  NOT NULL,
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    started_at      TIMESTAMP WITH TIME ZONE,
    finished_at     TIMESTAMP WITH TIME ZONE
);
CREATE INDEX import_job_kind_idx ON import_job (kind, id DESC);
CREATE INDEX import_job_status_idx ON import_job (status, id);

CREATE TABLE import_problem (
    id           BIGSERIAL PRIMARY KEY,
    job_id       BIGINT       NOT NULL REFERENCES import_job (id) ON DELETE CASCADE,
    row_no       BIGINT       NOT NULL,
    column_name  VARCHAR(255) NOT NULL DEFAULT '',
    value        TEXT,
    code         VARCHAR(100) NOT NULL,
    args         TEXT[]       NOT NULL DEFAULT '{}'
);
CREATE INDEX import_problem_job_idx ON import_problem (job_id, row_no, id);
