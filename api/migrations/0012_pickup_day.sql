CREATE TABLE `pickup_outcomes` (
	`booking_id` text PRIMARY KEY NOT NULL,
	`status` text NOT NULL,
	`collector_id` text NOT NULL,
	`unable_reason` text,
	`note` text,
	`at` text NOT NULL,
	FOREIGN KEY (`booking_id`) REFERENCES `pickup_bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `pickup_recycled` (
	`id` text PRIMARY KEY NOT NULL,
	`booking_id` text NOT NULL,
	`resident_id` text NOT NULL,
	`class` text NOT NULL,
	`kg` real NOT NULL,
	`at` text NOT NULL,
	`credited_at` text,
	FOREIGN KEY (`booking_id`) REFERENCES `pickup_bookings`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`resident_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `pickup_recycled_booking_class_uq` ON `pickup_recycled` (`booking_id`,`class`);--> statement-breakpoint
CREATE INDEX `pickup_recycled_uncredited_idx` ON `pickup_recycled` (`credited_at`,`at`);--> statement-breakpoint
CREATE TABLE `pickup_taken_items` (
	`booking_id` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`category` text NOT NULL,
	`recyclable` integer NOT NULL,
	`qty` integer NOT NULL,
	`kg` real,
	PRIMARY KEY(`booking_id`, `code`),
	FOREIGN KEY (`booking_id`) REFERENCES `pickup_bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pickup_bookings_collector_idx` ON `pickup_bookings` (`collector_id`,`date`);