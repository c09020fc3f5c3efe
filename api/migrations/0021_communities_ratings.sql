CREATE TABLE `community_inspections` (
	`community_id` text NOT NULL,
	`month` text NOT NULL,
	`score` integer NOT NULL,
	`note` text,
	`inspector_id` text,
	`updated_at` text NOT NULL,
	PRIMARY KEY(`community_id`, `month`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`inspector_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "community_inspections_score_ck" CHECK("community_inspections"."score" between 0 and 100)
);
--> statement-breakpoint
CREATE TABLE `community_rating_months` (
	`month` text PRIMARY KEY NOT NULL,
	`publish_id` text NOT NULL,
	`published_at` text NOT NULL,
	`published_by` text,
	FOREIGN KEY (`published_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `community_ratings` (
	`community_id` text NOT NULL,
	`month` text NOT NULL,
	`households` integer NOT NULL,
	`checked_households` integer NOT NULL,
	`checks` integer NOT NULL,
	`correct_checks` integer NOT NULL,
	`participation` real NOT NULL,
	`accuracy` real NOT NULL,
	`inspection` integer,
	`score` real,
	`stars` integer,
	`unratable` text,
	`published_at` text NOT NULL,
	PRIMARY KEY(`community_id`, `month`),
	FOREIGN KEY (`community_id`) REFERENCES `communities`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "community_ratings_stars_ck" CHECK("community_ratings"."stars" is null or "community_ratings"."stars" between 1 and 5)
);
--> statement-breakpoint
CREATE INDEX `community_ratings_month_idx` ON `community_ratings` (`month`,`score`);