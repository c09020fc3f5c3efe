ALTER TABLE `report_history` ADD `reply` text;--> statement-breakpoint
ALTER TABLE `report_photos` ADD `reviewed_at` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `text_reviewed_at` text;