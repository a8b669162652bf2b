-- The shop's order rules, one row: whether a paid order that cannot be fully reserved is held
-- as AWAITING_STOCK (default: refused), the SLAs of the shipping queues and the warehouse new
-- orders reserve in.
CREATE TABLE order_setting (
    id                  SMALLINT     PRIMARY KEY CHECK (id = 1),
    hold_short_orders   BOOLEAN      NOT NULL DEFAULT false,
    ship_sla_hours      INT          NOT NULL DEFAULT 48 CHECK (ship_sla_hours BETWEEN 1 AND 720),
    delivery_sla_days   INT          NOT NULL DEFAULT 7 CHECK (delivery_sla_days BETWEEN 1 AND 90),
    default_warehouse   VARCHAR(32)  NOT NULL DEFAULT 'MAIN' REFERENCES warehouse (code),
    version             BIGINT       NOT NULL DEFAULT 0,
    updated_at          TIMESTAMP WITH TIME ZONE NOT NULL DEFAULT now()
);
INSERT INTO order_setting (id) VALUES (1);
