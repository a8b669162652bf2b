-- Lifecycle automation (io.shopops.growth.lifecycle): rules that act when a customer
-- enters a trigger set (new customer, first repurchase due, dormant, churn risk, birthday
-- month, a saved segment) by issuing a coupon, creating a staff task or queueing a message.

-- the customer's birthday (month and day, no year), entered by staff; both or neither
ALTER TABLE customer ADD COLUMN birthday_month SMALLINT CHECK (birthday_month BETWEEN 1 AND 12);
ALTER TABLE customer ADD COLUMN birthday_day SMALLINT CHECK (birthday_day BETWEEN 1 AND 31);
ALTER TABLE customer ADD CONSTRAINT customer_birthday_ck
    CHECK ((birthday_month IS NULL) = (birthday_day IS NULL));
CREATE INDEX customer_birthday_idx ON customer (birthday_month, id)
    WHERE merged_into IS NULL AND birthday_month IS NOT NULL;

-- a rule: its trigger with its parameter, its action with its target, the cool-down and
-- the window in which an order counts as "came back"
CREATE TABLE lifecycle_rule (
    id                 BIGSERIAL     PRIMARY KEY,
    name               VARCHAR(80)   NOT NULL,
    trigger_kind       VARCHAR(24)   NOT NULL CHECK (trigger_kind IN ('NEW_CUSTOMER', 'REPURCHASE_DUE', 'DORMANT',
                                         'CHURN_RISK', 'BIRTHDAY_MONTH', 'SEGMENT')),
    trigger_days       INTEGER       CHECK (trigger_days BETWEEN 1 AND 3650),
    rfm_groups         VARCHAR(240),
    segment_id         BIGINT,
    action_kind        VARCHAR(12)   NOT NULL CHECK (action_kind IN ('COUPON', 'TASK', 'MESSAGE')),
    coupon_id          BIGINT,
    task_title         VARCHAR(200),
    task_assignee      VARCHAR(64),
    task_due_days      INTEGER       CHECK (task_due_days BETWEEN 0 AND 365),
    template_id        BIGINT,
    cooldown_days      INTEGER       NOT NULL CHECK (cooldown_days BETWEEN 1 AND 3650),
    return_days        INTEGER       NOT NULL CHECK (return_days BETWEEN 1 AND 365),
    act_on_existing    BOOLEAN       NOT NULL DEFAULT TRUE,
    enabled            BOOLEAN       NOT NULL DEFAULT TRUE,
    last_run_at        TIMESTAMPTZ,
    last_entered       INTEGER,
    last_left          INTEGER,
    last_acted         INTEGER,
    last_millis        BIGINT,
    created_by         VARCHAR(64)   NOT NULL,
    created_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    updated_at         TIMESTAMPTZ   NOT NULL DEFAULT now(),
    version            BIGINT        NOT NULL DEFAULT 0
);
CREATE UNIQUE INDEX lifecycle_rule_name_uk ON lifecycle_rule (lower(name));

-- who matched the rule's trigger at its last evaluation; pending until the entry has been
-- handled (acted on, or passed over within the cool-down)
CREATE TABLE lifecycle_member (
    rule_id      BIGINT       NOT NULL REFERENCES lifecycle_rule (id) ON DELETE CASCADE,
    customer_id  BIGINT       NOT NULL,
    entered_at   TIMESTAMPTZ  NOT NULL,
    pending      BOOLEAN      NOT NULL,
    PRIMARY KEY (rule_id, customer_id)
);
CREATE INDEX lifecycle_member_pending_idx ON lifecycle_member (rule_id, customer_id) WHERE pending;

-- the last time each rule acted on each customer: claimed by one conditional upsert, so
-- that two evaluations at once never act twice within the cool-down
CREATE TABLE lifecycle_claim (
    rule_id      BIGINT       NOT NULL REFERENCES lifecycle_rule (id) ON DELETE CASCADE,
    customer_id  BIGINT       NOT NULL,
    fired_at     TIMESTAMPTZ  NOT NULL,
    PRIMARY KEY (rule_id, customer_id)
);

-- every action taken (the firing history and the closed loop's source)
CREATE TABLE lifecycle_firing (
    id              BIGSERIAL     PRIMARY KEY,
    rule_id         BIGINT        NOT NULL REFERENCES lifecycle_rule (id) ON DELETE CASCADE,
    customer_id     BIGINT        NOT NULL,
    fired_at        TIMESTAMPTZ   NOT NULL,
    action_kind     VARCHAR(12)   NOT NULL,
    outcome         VARCHAR(20)   NOT NULL,
    reached         BOOLEAN       NOT NULL,
    coupon_code_id  BIGINT,
    detail          VARCHAR(200)
);
CREATE INDEX lifecycle_firing_rule_idx ON lifecycle_firing (rule_id, fired_at DESC, id DESC);
CREATE INDEX lifecycle_firing_customer_idx ON lifecycle_firing (rule_id, customer_id, fired_at);

-- staff tasks created by rules, listed on the assignee's home page
CREATE TABLE lifecycle_task (
    id           BIGSERIAL     PRIMARY KEY,
    rule_id      BIGINT        NOT NULL REFERENCES lifecycle_rule (id) ON DELETE CASCADE,
    firing_id    BIGINT        NOT NULL REFERENCES lifecycle_firing (id) ON DELETE CASCADE,
    customer_id  BIGINT        NOT NULL,
    title        VARCHAR(200)  NOT NULL,
    assignee     VARCHAR(64)   NOT NULL,
    due_at       TIMESTAMPTZ   NOT NULL,
    status       VARCHAR(8)    NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'DONE', 'SKIPPED')),
    closed_by    VARCHAR(64),
    closed_at    TIMESTAMPTZ,
    CONSTRAINT lifecycle_task_firing_uk UNIQUE (firing_id)
);
CREATE INDEX lifecycle_task_open_idx ON lifecycle_task (lower(assignee), due_at) WHERE status = 'OPEN';
