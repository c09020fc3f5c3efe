ALTER TABLE `toilets` ADD `closed_until` text;--> statement-breakpoint
ALTER TABLE `toilets` ADD `closure_reason` text;