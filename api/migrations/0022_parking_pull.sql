ALTER TABLE `parking_operators` ADD `pull_url` text;--> statement-breakpoint
ALTER TABLE `parking_operators` ADD `last_error` text;