CREATE TABLE `pickup_blackouts` (
	`date` text PRIMARY KEY NOT NULL,
	`reason` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`created_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `pickup_bookings` ADD `report_id` text;--> statement-breakpoint
CREATE INDEX `pickup_bookings_date_idx` ON `pickup_bookings` (`date`,`street_code`);