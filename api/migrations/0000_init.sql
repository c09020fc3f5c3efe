CREATE TABLE `audit_log` (
	`id` text PRIMARY KEY NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`target_type` text NOT NULL,
	`target_id` text NOT NULL,
	`detail` text,
	`at` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_target_idx` ON `audit_log` (`target_type`,`target_id`);--> statement-breakpoint
CREATE INDEX `audit_at_idx` ON `audit_log` (`at`);--> statement-breakpoint
CREATE TABLE `rate_limits` (
	`bucket` text PRIMARY KEY NOT NULL,
	`window_start` integer NOT NULL,
	`hits` integer NOT NULL
);
--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`user_id` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_at` text NOT NULL,
	`expires_at` text NOT NULL,
	`revoked_at` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `sessions_token_uq` ON `sessions` (`token_hash`);--> statement-breakpoint
CREATE INDEX `sessions_user_idx` ON `sessions` (`user_id`);--> statement-breakpoint
CREATE TABLE `toilet_feedback` (
	`id` text PRIMARY KEY NOT NULL,
	`toilet_id` text NOT NULL,
	`user_id` text NOT NULL,
	`kind` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`resolution_note` text,
	`resolved_by` text,
	`resolved_at` text,
	`created_at` text NOT NULL,
	FOREIGN KEY (`toilet_id`) REFERENCES `toilets`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "toilet_feedback_status_ck" CHECK("toilet_feedback"."status" in ('open','resolved'))
);
--> statement-breakpoint
CREATE INDEX `toilet_feedback_status_idx` ON `toilet_feedback` (`status`,`created_at`);--> statement-breakpoint
CREATE TABLE `toilets` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`address` text NOT NULL,
	`district` text NOT NULL,
	`street` text DEFAULT '' NOT NULL,
	`lat` real NOT NULL,
	`lng` real NOT NULL,
	`lat_band` integer NOT NULL,
	`kind` text NOT NULL,
	`hours` text NOT NULL,
	`free` integer NOT NULL,
	`fee_note` text,
	`accessible` integer NOT NULL,
	`third_toilet` integer NOT NULL,
	`baby_care` integer NOT NULL,
	`stalls` integer,
	`managing_unit` text,
	`last_verified` text,
	`source_ref` text,
	`active` integer DEFAULT true NOT NULL,
	`deactivated_reason` text,
	`created_at` text NOT NULL,
	`updated_at` text NOT NULL,
	CONSTRAINT "toilets_lat_ck" CHECK("toilets"."lat" between -90 and 90),
	CONSTRAINT "toilets_lng_ck" CHECK("toilets"."lng" between -180 and 180)
);
--> statement-breakpoint
CREATE INDEX `toilets_nearby_idx` ON `toilets` (`lat_band`,`lng`,`lat`,`active`,`free`,`accessible`,`baby_care`,`third_toilet`,`kind`);--> statement-breakpoint
CREATE UNIQUE INDEX `toilets_source_ref_uq` ON `toilets` (`source_ref`);--> statement-breakpoint
CREATE TABLE `user_roles` (
	`user_id` text NOT NULL,
	`role` text NOT NULL,
	`granted_at` text NOT NULL,
	`granted_by` text,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "user_roles_role_ck" CHECK("user_roles"."role" in ('collector','volunteer','moderator','admin'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `user_roles_uq` ON `user_roles` (`user_id`,`role`);--> statement-breakpoint
CREATE TABLE `users` (
	`id` text PRIMARY KEY NOT NULL,
	`openid` text NOT NULL,
	`unionid` text,
	`session_key` text,
	`nickname` text,
	`created_at` text NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `users_openid_uq` ON `users` (`openid`);