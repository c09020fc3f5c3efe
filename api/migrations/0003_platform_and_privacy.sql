ALTER TABLE `inbox_messages` RENAME COLUMN "report_id" TO "subject_id";--> statement-breakpoint
ALTER TABLE `outbox` RENAME COLUMN "report_id" TO "subject_id";--> statement-breakpoint
CREATE TABLE `upload_attachments` (
	`upload_id` text PRIMARY KEY NOT NULL,
	`owner_type` text NOT NULL,
	`owner_id` text NOT NULL,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `upload_attachments_owner_idx` ON `upload_attachments` (`owner_type`,`owner_id`);--> statement-breakpoint
CREATE TABLE `consent_records` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`policy_version` text NOT NULL,
	`accepted_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `consent_records_user_idx` ON `consent_records` (`user_id`,`accepted_at`);--> statement-breakpoint
ALTER TABLE `inbox_messages` ADD `subject_type` text;--> statement-breakpoint
ALTER TABLE `outbox` ADD `subject_type` text;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `response_status` integer;--> statement-breakpoint
ALTER TABLE `idempotency_keys` ADD `response_body` text;--> statement-breakpoint
CREATE INDEX `idempotency_keys_created_idx` ON `idempotency_keys` (`created_at`);--> statement-breakpoint
ALTER TABLE `users` ADD `erased_at` text;