CREATE TABLE `toilets_version` (
	`id` integer PRIMARY KEY NOT NULL,
	`version` integer NOT NULL,
	CONSTRAINT "toilets_version_single_ck" CHECK("toilets_version"."id" = 1)
);
--> statement-breakpoint
INSERT INTO `toilets_version` (`id`, `version`) VALUES (1, 0);
--> statement-breakpoint
CREATE TRIGGER `toilets_version_after_insert` AFTER INSERT ON `toilets` BEGIN UPDATE `toilets_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `toilets_version_after_update` AFTER UPDATE ON `toilets` BEGIN UPDATE `toilets_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
--> statement-breakpoint
CREATE TRIGGER `toilets_version_after_delete` AFTER DELETE ON `toilets` BEGIN UPDATE `toilets_version` SET `version` = `version` + 1 WHERE `id` = 1; END;
