ALTER TABLE `reports` ADD `case_day` text;--> statement-breakpoint
ALTER TABLE `reports` ADD `case_seq` integer;--> statement-breakpoint
CREATE UNIQUE INDEX `reports_case_number_uq` ON `reports` (`case_day`,`case_seq`);--> statement-breakpoint
-- Reports filed before case numbers get theirs per city day (Asia/Shanghai, UTC+8, the configured zone
-- at this release) in filing order; api/src/reports/case-number.ts backfillCaseNumbers is the same statement.
UPDATE reports SET case_day = numbered.day, case_seq = numbered.seq
FROM (
  SELECT u.id, u.day,
    coalesce((SELECT max(n.case_seq) FROM reports n WHERE n.case_day = u.day), 0)
      + row_number() OVER (PARTITION BY u.day ORDER BY u.created_at, u.id) AS seq
  FROM (SELECT id, created_at, strftime('%Y%m%d', created_at, '480 minutes') AS day FROM reports WHERE case_day IS NULL) u
) AS numbered
WHERE reports.id = numbered.id;
