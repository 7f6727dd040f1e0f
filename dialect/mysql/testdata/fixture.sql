CREATE TABLE `group` (
    `id` smallint NOT NULL AUTO_INCREMENT,
    `name` varchar(80) NOT NULL,
    `select` tinyint(1) NOT NULL DEFAULT false COMMENT 'offered in the sign-up form''s group selector',
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_group_name` UNIQUE (`name`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='customer groups, for prices and newsletters';

CREATE TABLE `customers` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `email` varchar(320) NOT NULL,
    `full name` varchar(200),
    `group_id` smallint,
    `referred_by` bigint,
    `LoyaltyTier` smallint NOT NULL DEFAULT 0 COMMENT '0 = none, 3 = gold',
    `is_active` tinyint(1) NOT NULL DEFAULT true,
    `created_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_customers_email` UNIQUE (`email`),
    INDEX `ix_customers_created_at` (`created_at`),
    CONSTRAINT `fk_customers_group_id_group` FOREIGN KEY (`group_id`) REFERENCES `group` (`id`),
    CONSTRAINT `fk_customers_referred_by_customers` FOREIGN KEY (`referred_by`) REFERENCES `customers` (`id`) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `user` (
    `id` char(36) NOT NULL DEFAULT (uuid()),
    `login` varchar(64) NOT NULL,
    `password_hash` varbinary(64) NOT NULL,
    `customer_id` bigint,
    `preferences` json,
    `last_login` datetime(6),
    `last_ip` varchar(45),
    `shift_start` time(6),
    `session_timeout` varchar(64),
    PRIMARY KEY (`id`),
    CONSTRAINT `user_customer_fk` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='staff accounts for the back office';

CREATE TABLE `products` (
    `sku` char(12) NOT NULL,
    `name` varchar(200) NOT NULL,
    `description` mediumtext,
    `price` decimal(10,2) NOT NULL,
    `weight_kg` float,
    `popularity` double,
    `café_origin` varchar(60),
    `attributes` json,
    `search_config` varchar(64),
    `launched_on` date,
    `image` longblob,
    PRIMARY KEY (`sku`),
    INDEX `ix_products_attributes` (`attributes`),
    CONSTRAINT `price_not_negative` CHECK (price >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `invoices` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `number` varchar(20) NOT NULL,
    `currency` enum('EUR','USD','GBP','CHF') NOT NULL DEFAULT 'EUR',
    `amount` decimal(12,2) NOT NULL,
    `issued_on` date NOT NULL DEFAULT (CURRENT_DATE),
    `pdf` longblob,
    PRIMARY KEY (`id`),
    CONSTRAINT `uq_invoices_number` UNIQUE (`number`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `order` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `customer_id` bigint NOT NULL,
    `status` enum('pending','paid','shipped','cancelled') NOT NULL DEFAULT 'pending',
    `placed_at` datetime(6) NOT NULL DEFAULT CURRENT_TIMESTAMP(6),
    `total` decimal(12,2) NOT NULL DEFAULT 0,
    `invoice_id` bigint,
    `customer's note` longtext COMMENT 'what the customer typed in "Notes"',
    PRIMARY KEY (`id`),
    INDEX `ix_order_customer_id` (`customer_id`, `placed_at`),
    CONSTRAINT `fk_order_customer_id_customers` FOREIGN KEY (`customer_id`) REFERENCES `customers` (`id`) ON DELETE RESTRICT,
    CONSTRAINT `fk_order_invoice_id_invoices` FOREIGN KEY (`invoice_id`) REFERENCES `invoices` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='one checkout; its lines are in order_lines';

CREATE TABLE `order_lines` (
    `order_id` bigint NOT NULL,
    `line_no` int NOT NULL,
    `product_sku` char(12) NOT NULL,
    `quantity` int NOT NULL DEFAULT 1,
    `unit_price` decimal(10,2) NOT NULL,
    PRIMARY KEY (`order_id`, `line_no`),
    CONSTRAINT `uq_order_lines_order_id` UNIQUE (`order_id`, `product_sku`),
    CONSTRAINT `order_lines_chk_1` CHECK (quantity > 0),
    CONSTRAINT `fk_order_lines_order_id_order` FOREIGN KEY (`order_id`) REFERENCES `order` (`id`) ON DELETE CASCADE,
    CONSTRAINT `fk_order_lines_product_sku_products` FOREIGN KEY (`product_sku`) REFERENCES `products` (`sku`) ON UPDATE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `shipments` (
    `id` bigint NOT NULL AUTO_INCREMENT,
    `order_id` bigint NOT NULL,
    `line_no` int NOT NULL,
    `shipped_at` datetime(6) NOT NULL,
    `tracking_code` char(22),
    PRIMARY KEY (`id`),
    UNIQUE INDEX `ix_shipments_tracking_code` (`tracking_code`),
    CONSTRAINT `fk_shipments_order_id_order_lines` FOREIGN KEY (`order_id`, `line_no`) REFERENCES `order_lines` (`order_id`, `line_no`) ON DELETE CASCADE ON UPDATE NO ACTION
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4;

CREATE TABLE `GiftCards` (
    `Code` char(16) NOT NULL,
    `Balance` decimal(8,2) NOT NULL DEFAULT 0,
    `ExpiresOn` date,
    `BoughtBy` bigint,
    PRIMARY KEY (`Code`),
    INDEX `ix_GiftCards_ExpiresOn` (`ExpiresOn`),
    CONSTRAINT `fk_GiftCards_BoughtBy_customers` FOREIGN KEY (`BoughtBy`) REFERENCES `customers` (`id`)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COMMENT='prepaid cards; Code is printed on the card';

