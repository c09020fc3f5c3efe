CREATE TABLE `pickup_booking_items` (
	`booking_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`qty` integer NOT NULL,
	`volume_points` integer NOT NULL,
	`recyclable` integer NOT NULL,
	PRIMARY KEY(`booking_id`, `code`),
	FOREIGN KEY (`booking_id`) REFERENCES `pickup_bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pickup_bookings` (
	`id` text PRIMARY KEY NOT NULL,
	`number` text NOT NULL,
	`resident_id` text NOT NULL,
	`status` text NOT NULL,
	`slot_id` text NOT NULL,
	`street_code` text NOT NULL,
	`date` text NOT NULL,
	`window` text NOT NULL,
	`address` text NOT NULL,
	`household_key` text NOT NULL,
	`quota_year` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`placement` text NOT NULL,
	`access_notes` text DEFAULT '' NOT NULL,
	`contact_phone` text NOT NULL,
	`on_behalf_name` text,
	`volume_points` integer NOT NULL,
	`collector_id` text,
	`rating` integer,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`resident_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`slot_id`) REFERENCES `pickup_slots`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pickup_bookings_number_uq` ON `pickup_bookings` (`number`);--> statement-breakpoint
CREATE INDEX `pickup_bookings_household_idx` ON `pickup_bookings` (`household_key`,`quota_year`,`status`);--> statement-breakpoint
CREATE INDEX `pickup_bookings_resident_idx` ON `pickup_bookings` (`resident_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `pickup_bookings_slot_idx` ON `pickup_bookings` (`slot_id`,`status`);--> statement-breakpoint
CREATE TABLE `pickup_history` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_id` text NOT NULL,
	`note` text,
	`at` text NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `pickup_bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pickup_history_booking_idx` ON `pickup_history` (`booking_id`,`at`);--> statement-breakpoint
CREATE TABLE `pickup_items` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`max_per_booking` integer NOT NULL,
	`recyclable` integer NOT NULL,
	`volume_points` integer NOT NULL,
	`note` text,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "pickup_items_points_ck" CHECK("pickup_items"."volume_points" > 0 and "pickup_items"."max_per_booking" > 0)
);
--> statement-breakpoint
CREATE TABLE `pickup_slots` (
	`id` text PRIMARY KEY NOT NULL,
	`street_code` text NOT NULL,
	`date` text NOT NULL,
	`window` text NOT NULL,
	`capacity_points` integer NOT NULL,
	`booked_points` integer DEFAULT 0 NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "pickup_slots_capacity_ck" CHECK("pickup_slots"."booked_points" >= 0 and "pickup_slots"."booked_points" <= "pickup_slots"."capacity_points")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pickup_slots_street_date_window_uq` ON `pickup_slots` (`street_code`,`date`,`window`);