/*
 * The one drizzle schema for both hosts. Times are UTC ISO-8601 text; ids exposed to clients are UUIDv7
 * text. History tables (audit_log, report_history) are append-only. One file per domain under schema/;
 * drizzle-kit reads them all through this file.
 */

export * from "./schema/auth";
export * from "./schema/community-ratings";
export * from "./schema/finders";
export * from "./schema/guide";
export * from "./schema/markets";
export * from "./schema/parking";
export * from "./schema/pickup-collectors";
export * from "./schema/pickup-day";
export * from "./schema/pickup-reminders";
export * from "./schema/pickups";
export * from "./schema/platform";
export * from "./schema/points";
export * from "./schema/points-weigh";
export * from "./schema/privacy";
export * from "./schema/reports";
export * from "./schema/rewards";
export * from "./schema/sms";
export * from "./schema/sorting";
