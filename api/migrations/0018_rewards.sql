CREATE TABLE `reward_redemptions` (
	`id` text PRIMARY KEY NOT NULL,
	`reward_id` text NOT NULL,
	`account_id` text NOT NULL,
	`entry_id` text NOT NULL,
	`price` integer NOT NULL,
	`pickup_code` text NOT NULL,
	`status` text NOT NULL,
	`created_at` text NOT NULL,
	`collected_at` text,
	`collected_by` text,
	`cancelled_at` text,
	`refund_entry_id` text,
	`claim_id` text,
	FOREIGN KEY (`reward_id`) REFERENCES `rewards`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`entry_id`) REFERENCES `points_entries`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`collected_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reward_redemptions_code_uq` ON `reward_redemptions` (`pickup_code`);--> statement-breakpoint
CREATE INDEX `reward_redemptions_account_idx` ON `reward_redemptions` (`account_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `reward_redemptions_reward_idx` ON `reward_redemptions` (`reward_id`,`status`);--> statement-breakpoint
CREATE TABLE `rewards` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`picture_id` text,
	`price` integer NOT NULL,
	`stock` integer NOT NULL,
	`taken` integer DEFAULT 0 NOT NULL,
	`place_name` text NOT NULL,
	`place_address` text NOT NULL,
	`place_hours` text NOT NULL,
	`active_from` text NOT NULL,
	`active_to` text,
	`retired_at` text,
	`version` integer DEFAULT 1 NOT NULL,
	`edit_id` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "rewards_taken_ck" CHECK("rewards"."taken" >= 0 and "rewards"."taken" <= "rewards"."stock"),
	CONSTRAINT "rewards_price_ck" CHECK("rewards"."price" > 0)
);
--> statement-breakpoint
CREATE INDEX `rewards_active_idx` ON `rewards` (`active_from`);