CREATE TABLE `points_rates` (
	`class` text NOT NULL,
	`points_per_kg` real NOT NULL,
	`version` integer NOT NULL,
	`effective_at` text NOT NULL,
	`set_by` text,
	PRIMARY KEY(`version`, `class`),
	FOREIGN KEY (`set_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `weigh_in_lines` (
	`weigh_in_id` text NOT NULL,
	`class` text NOT NULL,
	`kg` real NOT NULL,
	`points_per_kg` real NOT NULL,
	`rate_version` integer NOT NULL,
	`points` integer NOT NULL,
	`at` text NOT NULL,
	PRIMARY KEY(`weigh_in_id`, `class`),
	FOREIGN KEY (`weigh_in_id`) REFERENCES `weigh_ins`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `weigh_in_lines_class_at_idx` ON `weigh_in_lines` (`class`,`at`);--> statement-breakpoint
CREATE TABLE `weigh_ins` (
	`id` text PRIMARY KEY NOT NULL,
	`collector_id` text NOT NULL,
	`account_id` text NOT NULL,
	`household_label` text NOT NULL,
	`where` text NOT NULL,
	`point_name` text,
	`rated_points` integer NOT NULL,
	`entry_id` text NOT NULL,
	`day` text NOT NULL,
	`at` text NOT NULL,
	FOREIGN KEY (`collector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`account_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `weigh_ins_collector_day_idx` ON `weigh_ins` (`collector_id`,`day`);