CREATE TABLE `pickup_reminders` (
	`booking_id` text NOT NULL,
	`kind` text NOT NULL,
	`run_id` text NOT NULL,
	`sent_at` text NOT NULL,
	PRIMARY KEY(`booking_id`, `kind`),
	FOREIGN KEY (`booking_id`) REFERENCES `pickup_bookings`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `sms_outbox` (
	`id` text PRIMARY KEY NOT NULL,
	`phone` text NOT NULL,
	`template` text NOT NULL,
	`params` text NOT NULL,
	`subject_type` text,
	`subject_id` text,
	`state` text DEFAULT 'pending' NOT NULL,
	`attempts` integer DEFAULT 0 NOT NULL,
	`next_attempt_at` text NOT NULL,
	`provider_ref` text,
	`last_error` text,
	`created_at` text NOT NULL,
	`done_at` text,
	CONSTRAINT "sms_outbox_state_ck" CHECK("sms_outbox"."state" in ('pending','done','failed'))
);
--> statement-breakpoint
CREATE INDEX `sms_outbox_due_idx` ON `sms_outbox` (`state`,`next_attempt_at`);