CREATE TABLE `guide_added_items` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`class` text NOT NULL,
	`synonyms` text DEFAULT '[]' NOT NULL,
	`how_to` text NOT NULL,
	`note` text,
	`suggestion_id` text NOT NULL,
	`created_by` text NOT NULL,
	`created_at` text NOT NULL,
	CONSTRAINT "guide_added_items_class_ck" CHECK("guide_added_items"."class" in ('recyclable', 'hazardous', 'kitchen', 'other'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_added_items_name_uq` ON `guide_added_items` (`name`);--> statement-breakpoint
CREATE UNIQUE INDEX `guide_added_items_suggestion_uq` ON `guide_added_items` (`suggestion_id`);--> statement-breakpoint
CREATE TABLE `guide_quiz_results` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`date` text NOT NULL,
	`score` integer NOT NULL,
	`lines` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_quiz_results_user_date_uq` ON `guide_quiz_results` (`user_id`,`date`);--> statement-breakpoint
CREATE TABLE `guide_suggestions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`name` text NOT NULL,
	`name_key` text NOT NULL,
	`guessed_class` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text NOT NULL,
	`reason` text,
	`item_id` text,
	`resolution_id` text,
	`resolved_by` text,
	`resolved_at` text,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "guide_suggestions_status_ck" CHECK("guide_suggestions"."status" in ('pending', 'accepted', 'declined'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `guide_suggestions_pending_uq` ON `guide_suggestions` (`user_id`,`name_key`) WHERE status = 'pending';--> statement-breakpoint
CREATE INDEX `guide_suggestions_status_idx` ON `guide_suggestions` (`status`,`created_at`);