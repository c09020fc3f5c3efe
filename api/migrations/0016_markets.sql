CREATE TABLE `market_subscriptions` (
	`zone_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`zone_id`) REFERENCES `market_zones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `market_subscriptions_uq` ON `market_subscriptions` (`zone_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `market_subscriptions_user_idx` ON `market_subscriptions` (`user_id`);--> statement-breakpoint
CREATE TABLE `market_suspensions` (
	`id` text PRIMARY KEY NOT NULL,
	`zone_id` text NOT NULL,
	`date` text NOT NULL,
	`reason` text NOT NULL,
	`created_by` text,
	`created_at` text NOT NULL,
	`cancelled_at` text,
	`cancelled_by` text,
	FOREIGN KEY (`zone_id`) REFERENCES `market_zones`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`cancelled_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `market_suspensions_live_uq` ON `market_suspensions` (`zone_id`,`date`) WHERE cancelled_at is null;--> statement-breakpoint
CREATE INDEX `market_suspensions_date_idx` ON `market_suspensions` (`date`);--> statement-breakpoint
CREATE TABLE `market_zones` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`kind` text NOT NULL,
	`area` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`lat_band` integer NOT NULL,
	`reach_m` integer NOT NULL,
	`address` text NOT NULL,
	`district` text NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`seasons` text NOT NULL,
	`windows` text NOT NULL,
	`exceptions` text NOT NULL,
	`goods_allowed` text NOT NULL,
	`goods_forbidden` text NOT NULL,
	`stalls` integer,
	`fees` text DEFAULT '' NOT NULL,
	`vendors_register` integer NOT NULL,
	`managing_unit` text NOT NULL,
	`contact_phone` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`retired_reason` text,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "market_zones_kind_ck" CHECK("market_zones"."kind" in ('night_market','vending_point','morning_market')),
	CONSTRAINT "market_zones_lat_ck" CHECK("market_zones"."lat" between -90 and 90),
	CONSTRAINT "market_zones_version_ck" CHECK("market_zones"."version" >= 1)
);
--> statement-breakpoint
CREATE INDEX `market_zones_nearby_idx` ON `market_zones` (`lat_band`,`lng`,`lat`,`active`,`kind`);--> statement-breakpoint
ALTER TABLE `reports` ADD `vending_zone` text;