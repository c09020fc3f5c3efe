ALTER TABLE `reports` ADD `case_day` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `case_seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_case_number_uq` ON `reports` (`case_day`,`case_seq`);