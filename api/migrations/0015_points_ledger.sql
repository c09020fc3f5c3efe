CREATE TABLE `points_accounts` (
	`account_id` text PRIMARY KEY NOT NULL,
	`balance` integer DEFAULT 0 NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "points_accounts_balance_ck" CHECK("points_accounts"."balance" >= 0)
);
--> statement-breakpoint
CREATE TABLE `points_caps` (
	`kind` text PRIMARY KEY NOT NULL,
	`per_account_day` integer,
	`per_actor_day` integer,
	`updated_at` text NOT NULL,
	`updated_by` text,
	FOREIGN KEY (`updated_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `points_codes` (
	`account_id` text PRIMARY KEY NOT NULL,
	`ref` text NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `points_codes_ref_uq` ON `points_codes` (`ref`);--> statement-breakpoint
CREATE TABLE `points_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`account_id` text NOT NULL,
	`amount` integer NOT NULL,
	`kind` text NOT NULL,
	`source_key` text NOT NULL,
	`rule` text NOT NULL,
	`rate` real,
	`actor_id` text,
	`reverses_id` text,
	`day` text NOT NULL,
	`at` text NOT NULL,
	`reason` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `points_entries_source_uq` ON `points_entries` (`source_key`);--> statement-breakpoint
CREATE UNIQUE INDEX `points_entries_reverses_uq` ON `points_entries` (`reverses_id`);--> statement-breakpoint
CREATE INDEX `points_entries_account_idx` ON `points_entries` (`account_id`,`at`);--> statement-breakpoint
CREATE INDEX `points_entries_account_day_idx` ON `points_entries` (`account_id`,`kind`,`day`);--> statement-breakpoint
CREATE INDEX `points_entries_actor_day_idx` ON `points_entries` (`actor_id`,`kind`,`day`);--> statement-breakpoint
CREATE TABLE `points_flags` (
	`id` text PRIMARY KEY NOT NULL,
	`kind` text NOT NULL,
	`subject_key` text NOT NULL,
	`account_id` text,
	`actor_id` text,
	`entry_id` text,
	`detail` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`at` text NOT NULL,
	`reviewed_by` text,
	`reviewed_at` text,
	`review_note` text,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reviewed_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `points_flags_subject_uq` ON `points_flags` (`kind`,`subject_key`);--> statement-breakpoint
CREATE INDEX `points_flags_status_idx` ON `points_flags` (`status`,`at`);--> statement-breakpoint
CREATE TABLE `bin_rooms` (
	`id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`name` text NOT NULL,
	`code` text NOT NULL,
	`lat` real,
	`lng` real,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `bin_rooms_code_uq` ON `bin_rooms` (`code`);--> statement-breakpoint
CREATE INDEX `bin_rooms_community_idx` ON `bin_rooms` (`community_id`);--> statement-breakpoint
CREATE TABLE `communities` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`district` text NOT NULL,
	`street` text NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`created_at` text NOT NULL,
	`version` integer DEFAULT 1 NOT NULL
);
--> statement-breakpoint
CREATE INDEX `communities_street_idx` ON `communities` (`district`,`street`);--> statement-breakpoint
CREATE TABLE `community_members` (
	`account_id` text PRIMARY KEY NOT NULL,
	`community_id` text NOT NULL,
	`joined_at` text NOT NULL,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `community_members_community_idx` ON `community_members` (`community_id`);--> statement-breakpoint
CREATE TABLE `sorting_checks` (
	`id` text PRIMARY KEY NOT NULL,
	`volunteer_id` text NOT NULL,
	`bin_room_id` text NOT NULL,
	`community_id` text NOT NULL,
	`account_id` text NOT NULL,
	`correct` integer NOT NULL,
	`errors` text DEFAULT '[]' NOT NULL,
	`photo_upload_id` text,
	`note` text,
	`checked_at` text NOT NULL,
	`month` text NOT NULL,
	`received_at` text NOT NULL,
	FOREIGN KEY (`volunteer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`bin_room_id`) REFERENCES `bin_rooms`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sorting_checks_community_month_idx` ON `sorting_checks` (`community_id`,`month`);--> statement-breakpoint
CREATE INDEX `sorting_checks_account_idx` ON `sorting_checks` (`account_id`,`checked_at`);--> statement-breakpoint
CREATE INDEX `sorting_checks_volunteer_idx` ON `sorting_checks` (`volunteer_id`,`checked_at`);--> statement-breakpoint
CREATE TABLE `volunteer_communities` (
	`volunteer_id` text NOT NULL,
	`community_id` text NOT NULL,
	`assigned_at` text NOT NULL,
	`assigned_by` text,
	PRIMARY KEY(`volunteer_id`, `community_id`),
	FOREIGN KEY (`volunteer_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`assigned_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `volunteer_communities_community_idx` ON `volunteer_communities` (`community_id`);--> statement-breakpoint
CREATE TRIGGER `points_entries_no_update` BEFORE UPDATE ON `points_entries` BEGIN SELECT RAISE(ABORT, 'points_entries is append-only: write a reversing entry'); END;
--> statement-breakpoint
CREATE TRIGGER `points_entries_no_delete` BEFORE DELETE ON `points_entries` BEGIN SELECT RAISE(ABORT, 'points_entries is append-only: write a reversing entry'); END;
--> statement-breakpoint
CREATE TRIGGER `points_entries_balance` AFTER INSERT ON `points_entries` BEGIN INSERT OR IGNORE INTO `points_accounts` (`account_id`, `balance`) VALUES (NEW.`account_id`, 0); UPDATE `points_accounts` SET `balance` = `balance` + NEW.`amount` WHERE `account_id` = NEW.`account_id`; END;
