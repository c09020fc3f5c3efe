CREATE TABLE `idempotency_keys` (
	`scope` text NOT NULL,
	`key` text NOT NULL,
	`request_hash` text NOT NULL,
	`resource_id` text NOT NULL,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `idempotency_keys_uq` ON `idempotency_keys` (`scope`,`key`);--> statement-breakpoint
CREATE TABLE `inbox_messages` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`report_id` text,
	`outbox_id` text NOT NULL,
	`title` text NOT NULL,
	`body` text NOT NULL,
	`created_at` text NOT NULL,
	`read_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `inbox_outbox_uq` ON `inbox_messages` (`outbox_id`);--> statement-breakpoint
CREATE INDEX `inbox_user_idx` ON `inbox_messages` (`user_id`,`created_at`);--> statement-breakpoint
CREATE TABLE `message_grants` (
	`user_id` text NOT NULL,
	`template_id` text NOT NULL,
	`remaining` integer NOT NULL,
	`updated_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "message_grants_remaining_ck" CHECK("message_grants"."remaining" >= 0)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `message_grants_uq` ON `message_grants` (`user_id`,`template_id`);--> statement-breakpoint
CREATE TABLE `open311_keys` (
	`id` text PRIMARY KEY NOT NULL,
	`key_hash` text NOT NULL,
	`name` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	`revoked_at` text
);
--> statement-breakpoint
CREATE UNIQUE INDEX `open311_keys_hash_uq` ON `open311_keys` (`key_hash`);--> statement-breakpoint
CREATE TABLE `outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`report_id` text,
	`payload` text NOT NULL,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`channel` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`done_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "outbox_state_ck" CHECK("outbox"."state" in ('pending','done','failed'))
);
--> statement-breakpoint
CREATE INDEX `outbox_due_idx` ON `outbox` (`state`,`next_attempt_at`);--> statement-breakpoint
CREATE TABLE `report_categories` (
	`code` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`group_code` text NOT NULL,
	`department` text NOT NULL,
	`sla_hours` integer NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`keywords` text DEFAULT '[]' NOT NULL,
	`attributes` text DEFAULT '[]' NOT NULL,
	`sort_order` integer DEFAULT 0 NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "report_categories_sla_ck" CHECK("report_categories"."sla_hours" > 0)
);
--> statement-breakpoint
CREATE TABLE `report_followers` (
	`report_id` text NOT NULL,
	`user_id` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_followers_uq` ON `report_followers` (`report_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `report_followers_user_idx` ON `report_followers` (`user_id`);--> statement-breakpoint
CREATE TABLE `report_history` (
	`id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`seq` integer NOT NULL,
	`action` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`actor_id` text,
	`actor_kind` text NOT NULL,
	`note` text,
	`detail` text,
	`at` text NOT NULL,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `report_history_seq_uq` ON `report_history` (`report_id`,`seq`);--> statement-breakpoint
CREATE TABLE `report_photos` (
	`upload_id` text PRIMARY KEY NOT NULL,
	`report_id` text NOT NULL,
	`kind` text NOT NULL,
	`position` integer NOT NULL,
	`hidden` integer DEFAULT false NOT NULL,
	FOREIGN KEY (`upload_id`) REFERENCES `uploads`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`report_id`) REFERENCES `reports`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "report_photos_kind_ck" CHECK("report_photos"."kind" in ('report','resolution'))
);
--> statement-breakpoint
CREATE INDEX `report_photos_report_idx` ON `report_photos` (`report_id`,`position`);--> statement-breakpoint
CREATE TABLE `reports` (
	`id` text PRIMARY KEY NOT NULL,
	`reporter_id` text,
	`open311_key_id` text,
	`source` text DEFAULT 'app' NOT NULL,
	`category_code` text NOT NULL,
	`description` text NOT NULL,
	`public_description` text,
	`address` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`lat_band` integer NOT NULL,
	`location_source` text DEFAULT 'gps' NOT NULL,
	`district` text NOT NULL,
	`attributes` text DEFAULT '{}' NOT NULL,
	`status` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`text_check` text DEFAULT 'pending' NOT NULL,
	`department` text,
	`reject_reason` text,
	`duplicate_of` text,
	`resolution_note` text,
	`rating` integer,
	`rating_comment` text,
	`followers` integer DEFAULT 0 NOT NULL,
	`reopen_count` integer DEFAULT 0 NOT NULL,
	`sla_hours` integer NOT NULL,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	`accepted_at` text,
	`sla_due_at` text,
	`resolved_at` text,
	`ever_resolved` integer DEFAULT false NOT NULL,
	`closed_at` text,
	FOREIGN KEY (`reporter_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`category_code`) REFERENCES `report_categories`(`code`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "reports_status_ck" CHECK("reports"."status" in ('submitted','accepted','rejected','dispatched','resolved','closed','reopened')),
	CONSTRAINT "reports_text_check_ck" CHECK("reports"."text_check" in ('pending','pass','review','risky','error')),
	CONSTRAINT "reports_rating_ck" CHECK("reports"."rating" is null or "reports"."rating" between 1 and 5),
	CONSTRAINT "reports_source_ck" CHECK("reports"."source" in ('app','open311')),
	CONSTRAINT "reports_owner_ck" CHECK("reports"."reporter_id" is not null or "reports"."open311_key_id" is not null),
	CONSTRAINT "reports_rejected_ck" CHECK("reports"."status" <> 'rejected' or "reports"."reject_reason" is not null),
	CONSTRAINT "reports_dispatched_ck" CHECK("reports"."status" <> 'dispatched' or "reports"."department" is not null),
	CONSTRAINT "reports_lat_ck" CHECK("reports"."lat" between -90 and 90),
	CONSTRAINT "reports_lng_ck" CHECK("reports"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE INDEX `reports_reporter_idx` ON `reports` (`reporter_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_status_idx` ON `reports` (`status`,`created_at`);--> statement-breakpoint
CREATE INDEX `reports_geo_idx` ON `reports` (`lat_band`,`lng`,`lat`);--> statement-breakpoint
CREATE INDEX `reports_accepted_idx` ON `reports` (`accepted_at`);--> statement-breakpoint
CREATE INDEX `reports_open311_idx` ON `reports` (`open311_key_id`);--> statement-breakpoint
CREATE TABLE `uploads` (
	`id` text PRIMARY KEY NOT NULL,
	`owner_id` text,
	`blob_key` text NOT NULL,
	`content_type` text NOT NULL,
	`size` integer NOT NULL,
	`content_check` text DEFAULT 'pending' NOT NULL,
	`check_trace_id` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`owner_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "uploads_check_ck" CHECK("uploads"."content_check" in ('pending','pass','review','risky','error'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `uploads_blob_key_uq` ON `uploads` (`blob_key`);--> statement-breakpoint
CREATE INDEX `uploads_trace_idx` ON `uploads` (`check_trace_id`);