-- Data written before the platform mechanisms existed: report photos become upload attachments, and
-- outbox/inbox rows that named a report get the subject type "report".
INSERT OR IGNORE INTO `upload_attachments` (`upload_id`, `owner_type`, `owner_id`) SELECT `upload_id`, 'report', `report_id` FROM `report_photos`;--> statement-breakpoint
UPDATE `outbox` SET `subject_type` = 'report' WHERE `subject_id` IS NOT NULL AND `subject_type` IS NULL;--> statement-breakpoint
UPDATE `inbox_messages` SET `subject_type` = 'report' WHERE `subject_id` IS NOT NULL AND `subject_type` IS NULL;
