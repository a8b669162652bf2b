CREATE TABLE shop_setting (
    id          SMALLINT PRIMARY KEY CHECK (id = 1),
    shop_name   VARCHAR(100) NOT NULL,
    time_zone   VARCHAR(64)  NOT NULL,
    currency    VARCHAR(3)   NOT NULL,
    version     BIGINT       NOT NULL DEFAULT 0
);
INSERT INTO shop_setting (id, shop_name, time_zone, currency) VALUES (1, 'ShopOps', 'Asia/Shanghai', 'CNY');
