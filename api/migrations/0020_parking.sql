CREATE TABLE `parking_feed_keys` (
	`key_id` text PRIMARY KEY NOT NULL,
	`operator_id` text NOT NULL,
	`secret_hash` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text,
	`last_used_at` text,
	FOREIGN KEY (`operator_id`) REFERENCES `parking_operators`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parking_feed_keys_operator_idx` ON `parking_feed_keys` (`operator_id`);--> statement-breakpoint
CREATE TABLE `parking_feed_signatures` (
	`signature` text PRIMARY KEY NOT NULL,
	`key_id` text NOT NULL,
	`seen_at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `parking_feed_signatures_seen_idx` ON `parking_feed_signatures` (`seen_at`);--> statement-breakpoint
CREATE TABLE `parking_lots` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`type` text NOT NULL,
	`address` text NOT NULL,
	`district` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`lat_band` integer NOT NULL,
	`capacity_total` integer NOT NULL,
	`capacity_disabled` integer DEFAULT 0 NOT NULL,
	`capacity_charging` integer DEFAULT 0 NOT NULL,
	`capacity_shared` integer DEFAULT 0 NOT NULL,
	`fee_text` text DEFAULT '' NOT NULL,
	`fee_rate` text,
	`hours` text NOT NULL,
	`shared_hours` text,
	`operator_id` text,
	`operator_lot_id` text,
	`licence` text DEFAULT '' NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`live_free` integer,
	`live_total` integer,
	`live_status` text,
	`live_observed_at` text,
	`live_limit_minutes` integer DEFAULT 0 NOT NULL,
	`live_seq` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`operator_id`) REFERENCES `parking_operators`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "parking_lots_lat_ck" CHECK("parking_lots"."lat" between -90 and 90),
	CONSTRAINT "parking_lots_lng_ck" CHECK("parking_lots"."lng" between -180 and 180),
	CONSTRAINT "parking_lots_capacity_ck" CHECK("parking_lots"."capacity_total" >= 0 and "parking_lots"."capacity_disabled" <= "parking_lots"."capacity_total" and "parking_lots"."capacity_charging" <= "parking_lots"."capacity_total" and "parking_lots"."capacity_shared" <= "parking_lots"."capacity_total"),
	CONSTRAINT "parking_lots_live_ck" CHECK("parking_lots"."live_free" is null or ("parking_lots"."live_free" >= 0 and "parking_lots"."live_free" <= coalesce("parking_lots"."live_total", "parking_lots"."capacity_total")))
);
--> statement-breakpoint
CREATE INDEX `parking_lots_nearby_idx` ON `parking_lots` (`lat_band`,`lng`,`lat`,`active`,`type`,`capacity_charging`,`capacity_disabled`);--> statement-breakpoint
CREATE UNIQUE INDEX `parking_lots_operator_ref_uq` ON `parking_lots` (`operator_id`,`operator_lot_id`);--> statement-breakpoint
CREATE INDEX `parking_lots_live_seq_idx` ON `parking_lots` (`live_seq`);--> statement-breakpoint
CREATE TABLE `parking_lots_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "parking_lots_version_single_ck" CHECK("parking_lots_version"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `parking_observations` (
	`lot_id` text NOT NULL,
	`observed_at` text NOT NULL,
	`free` integer NOT NULL,
	`total` integer NOT NULL,
	`status` text NOT NULL,
	PRIMARY KEY(`lot_id`, `observed_at`),
	FOREIGN KEY (`lot_id`) REFERENCES `parking_lots`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `parking_observations_observed_idx` ON `parking_observations` (`observed_at`);--> statement-breakpoint
CREATE TABLE `parking_operators` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`freshness_minutes` integer NOT NULL,
	`licence` text DEFAULT '' NOT NULL,
	`contact` text DEFAULT '' NOT NULL,
	`enabled` integer DEFAULT true NOT NULL,
	`last_report_at` text,
	`last_error_at` text,
	`rows_accepted` integer DEFAULT 0 NOT NULL,
	`rows_rejected` integer DEFAULT 0 NOT NULL,
	`requests_refused` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "parking_operators_freshness_ck" CHECK("parking_operators"."freshness_minutes" between 1 and 1440)
);
--> statement-breakpoint
INSERT INTO `parking_lots_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `parking_lots_version_after_insert` AFTER INSERT ON `parking_lots` BEGIN UPDATE `parking_lots_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `parking_lots_version_after_update` AFTER UPDATE OF `name`, `type`, `address`, `district`, `lat`, `lng`, `lat_band`, `capacity_total`, `capacity_disabled`, `capacity_charging`, `capacity_shared`, `hours`, `active` ON `parking_lots` BEGIN UPDATE `parking_lots_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `parking_lots_version_after_delete` AFTER DELETE ON `parking_lots` BEGIN UPDATE `parking_lots_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
