CREATE TABLE `pickup_collector_streets` (
	`user_id` text NOT NULL,
	`street_code` text NOT NULL,
	`created_at` text NOT NULL,
	PRIMARY KEY(`user_id`, `street_code`),
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `pickup_collector_streets_street_idx` ON `pickup_collector_streets` (`street_code`);