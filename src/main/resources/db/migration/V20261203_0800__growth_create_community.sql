-- Community (私域/社群): groups with their member count history, activities with tracking
-- codes, and group SOPs that become dated tasks for the responsible staff. Orders are
-- attributed by reading content_order (every order that carries a content code, kept
-- from fulfilment's events): an order counts for the activity, or else the group, whose
-- tracking code equals its content code.
CREATE TABLE community_group (
    id              BIGSERIAL    PRIMARY KEY,
    name            VARCHAR(120) NOT NULL,
    kind            VARCHAR(16)  NOT NULL CHECK (kind IN ('WECHAT_GROUP', 'WECOM_GROUP', 'FAN_CLUB', 'QQ_GROUP',
                                                         'OTHER')),
    owner           VARCHAR(64),
    tracking_code   VARCHAR(16)  NOT NULL CHECK (tracking_code ~ '^[A-Z0-9_-]{3,16}$'),
    archived        BOOLEAN      NOT NULL DEFAULT false,
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX community_group_tracking_code_uk ON community_group (tracking_code);
CREATE UNIQUE INDEX community_group_name_uk ON community_group (lower(name));
CREATE INDEX community_group_owner_idx ON community_group (lower(owner));

-- one count per group and day, entered or imported; entering the day again replaces it
CREATE TABLE community_member_count (
    group_id        BIGINT       NOT NULL REFERENCES community_group (id) ON DELETE CASCADE,
    count_date      DATE         NOT NULL,
    members         INT          NOT NULL CHECK (members >= 0),
    source          VARCHAR(16)  NOT NULL CHECK (source IN ('MANUAL', 'IMPORT', 'DEMO')),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    PRIMARY KEY (group_id, count_date)
);

CREATE TABLE community_activity (
    id              BIGSERIAL    PRIMARY KEY,
    group_id        BIGINT       NOT NULL REFERENCES community_group (id),
    type            VARCHAR(16)  NOT NULL CHECK (type IN ('GROUP_BUY', 'DROP', 'QA', 'OTHER')),
    title           VARCHAR(200) NOT NULL,
    starts_at       TIMESTAMP WITH TIME ZONE NOT NULL,
    ends_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    tracking_code   VARCHAR(16)  NOT NULL CHECK (tracking_code ~ '^[A-Z0-9_-]{3,16}$'),
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT community_activity_window_ck CHECK (ends_at > starts_at)
);
CREATE UNIQUE INDEX community_activity_tracking_code_uk ON community_activity (tracking_code);
CREATE INDEX community_activity_group_idx ON community_activity (group_id, starts_at DESC);
CREATE INDEX community_activity_starts_idx ON community_activity (starts_at DESC, id DESC);

-- a recurring post or task of a group: daily, weekly on a day, monthly on a day, or a
-- number of minutes before each livestream session
CREATE TABLE community_sop (
    id              BIGSERIAL    PRIMARY KEY,
    group_id        BIGINT       NOT NULL REFERENCES community_group (id),
    title           VARCHAR(200) NOT NULL,
    kind            VARCHAR(8)   NOT NULL CHECK (kind IN ('POST', 'TASK')),
    schedule        VARCHAR(24)  NOT NULL CHECK (schedule IN ('DAILY', 'WEEKLY', 'MONTHLY', 'BEFORE_LIVESTREAM')),
    day_of_week     SMALLINT     CHECK (day_of_week BETWEEN 1 AND 7),
    day_of_month    SMALLINT     CHECK (day_of_month BETWEEN 1 AND 28),
    at_time         TIME,
    minutes_before  INT          CHECK (minutes_before BETWEEN 0 AND 10080),
    assignee        VARCHAR(64)  NOT NULL,
    active          BOOLEAN      NOT NULL DEFAULT true,
    notes           VARCHAR(2000),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    updated_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    version         BIGINT       NOT NULL DEFAULT 0,
    CONSTRAINT community_sop_schedule_ck CHECK (
        (schedule = 'DAILY' AND at_time IS NOT NULL)
        OR (schedule = 'WEEKLY' AND at_time IS NOT NULL AND day_of_week IS NOT NULL)
        OR (schedule = 'MONTHLY' AND at_time IS NOT NULL AND day_of_month IS NOT NULL)
        OR (schedule = 'BEFORE_LIVESTREAM' AND minutes_before IS NOT NULL))
);
CREATE INDEX community_sop_group_idx ON community_sop (group_id);

-- the dated occurrences of SOPs; generating them again is a no-op thanks to the key
CREATE TABLE community_task (
    id              BIGSERIAL    PRIMARY KEY,
    sop_id          BIGINT       NOT NULL REFERENCES community_sop (id),
    group_id        BIGINT       NOT NULL REFERENCES community_group (id),
    title           VARCHAR(200) NOT NULL,
    due_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    assignee        VARCHAR(64)  NOT NULL,
    status          VARCHAR(8)   NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'SKIPPED')),
    closed_by       VARCHAR(64),
    closed_at       TIMESTAMP WITH TIME ZONE,
    note            VARCHAR(500),
    created_at      TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now(),
    CONSTRAINT community_task_closed_ck CHECK ((status = 'OPEN') = (closed_at IS NULL))
);
CREATE UNIQUE INDEX community_task_occurrence_uk ON community_task (sop_id, due_at);
CREATE INDEX community_task_assignee_idx ON community_task (lower(assignee), status, due_at);
CREATE INDEX community_task_due_idx ON community_task (due_at, id);
