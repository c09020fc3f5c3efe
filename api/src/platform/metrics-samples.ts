import { sql } from "drizzle-orm";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import type { Sample } from "./metrics";
import { missingSmsSettings } from "./sms/sms-config";

/**
 * The notification outbox as seen at scrape time: one statement of four counts, each answered from the
 * (state, next_attempt_at) index or the few pending rows, so scraping every 15 s costs next to nothing.
 */
export async function outboxSamples(db: AppDb, now: Date): Promise<Sample[]> {
  const rows = await db.all<{ pending: number; retrying: number; failed: number; oldest: string | null }>(sql`
    select
      (select count(*) from outbox where state = 'pending') as pending,
      (select count(*) from outbox where state = 'pending' and attempts > 0) as retrying,
      (select count(*) from outbox where state = 'failed') as failed,
      (select min(created_at) from outbox where state = 'pending') as oldest`);
  const r = rows[0] ?? { pending: 0, retrying: 0, failed: 0, oldest: null };
  const oldestAge = r.oldest ? Math.max(0, (now.getTime() - Date.parse(r.oldest)) / 1000) : 0;
  const help = "Notification outbox rows by state (pending = backlog; retrying = pending after a failed attempt; failed = gave up).";
  return [
    { name: "civic_outbox_messages", help, labels: { state: "pending" }, value: Number(r.pending) },
    { name: "civic_outbox_messages", help, labels: { state: "retrying" }, value: Number(r.retrying) },
    { name: "civic_outbox_messages", help, labels: { state: "failed" }, value: Number(r.failed) },
    {
      name: "civic_outbox_oldest_pending_seconds",
      help: "Age of the oldest undelivered notification (0 = none).",
      value: Math.round(oldestAge),
    },
  ];
}

/** The SMS outbox at scrape time, and whether SMS is configured at all (0: rows only wait). */
export async function smsSamples(deps: Pick<AppDeps, "db" | "config">): Promise<Sample[]> {
  const rows = await deps.db.all<{ pending: number; failed: number }>(sql`
    select
      (select count(*) from sms_outbox where state = 'pending') as pending,
      (select count(*) from sms_outbox where state = 'failed') as failed`);
  const r = rows[0] ?? { pending: 0, failed: 0 };
  const help = "SMS outbox rows by state (pending = not sent yet; failed = gave up).";
  return [
    { name: "civic_sms_messages", help, labels: { state: "pending" }, value: Number(r.pending) },
    { name: "civic_sms_messages", help, labels: { state: "failed" }, value: Number(r.failed) },
    {
      name: "civic_sms_configured",
      help: "1 when Tencent Cloud SMS is configured; 0: SMS is not configured and messages stay pending.",
      value: missingSmsSettings(deps.config.sms).length === 0 ? 1 : 0,
    },
  ];
}

/** The Workers cron's metrics line: this isolate's counters plus the outbox as the database sees it now. */
export async function metricsLogFields(deps: AppDeps, now: Date): Promise<Record<string, unknown>> {
  const outbox = Object.fromEntries((await outboxSamples(deps.db, now)).map((s) => [s.labels?.state ?? "oldestPendingSeconds", s.value]));
  const sms = Object.fromEntries((await smsSamples(deps)).map((s) => [s.labels?.state ?? "configured", s.value]));
  return { ...deps.metrics?.summary(), outbox, sms };
}
