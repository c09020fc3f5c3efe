import { eq, sql } from "drizzle-orm";
import { smsOutbox } from "../../db/schema";
import type { AppDeps } from "../../deps";
import { maskPhone } from "./phone";
import { missingSmsSettings, type SmsTemplate } from "./sms-config";
import { createTencentSmsClient, type SmsClient, SmsError } from "./tencent-sms";

/*
 * The SMS dispatcher, run by the platform's scheduled dispatch (every tick). Like the notification
 * dispatcher: claim due rows with one guarded UPDATE ... RETURNING (attempts + 1, a lease), send each
 * through Tencent Cloud SMS; ok -> done, a failure -> retried with backoff, given up after MAX_ATTEMPTS.
 * A done or given-up row keeps only the masked number. Unconfigured (the demo default): nothing is
 * claimed, rows stay pending, and the log says so (at most once an hour per process); /metrics shows it.
 */

export const SMS_MAX_ATTEMPTS = 5;
const LEASE_MS = 2 * 60_000;
const backoffMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);
const WARN_EVERY_MS = 3_600_000;

export interface SmsDispatchResult {
  sent: number;
  /** Failed this round (retried later, or given up). */
  failed: number;
  /** Rows left pending because SMS is not configured. */
  notConfigured: number;
}

type SmsDispatchDeps = Pick<AppDeps, "db" | "config" | "clock" | "log">;

interface ClaimedSms {
  id: string;
  phone: string;
  template: string;
  params: string;
  attempts: number;
}

let lastUnconfiguredWarning = Number.NEGATIVE_INFINITY;

/** Any long run of digits (a phone number in a provider's message) masked. */
const scrub = (text: string) => text.replace(/\+?\d{7,15}/g, (m) => maskPhone(m));

export async function dispatchSms(deps: SmsDispatchDeps, opts: { limit?: number; client?: SmsClient } = {}): Promise<SmsDispatchResult> {
  const { db, config } = deps;
  const now = deps.clock();
  const nowIso = now.toISOString();
  const missing = missingSmsSettings(config.sms);
  if (missing.length > 0) {
    const [row] = await db.all<{ n: number }>(sql`select count(*) as n from sms_outbox where state = 'pending'`);
    const pending = Number(row?.n ?? 0);
    if (pending > 0 && now.getTime() - lastUnconfiguredWarning >= WARN_EVERY_MS) {
      lastUnconfiguredWarning = now.getTime();
      deps.log.warn("SMS is not configured: messages stay pending", { pending, missing: missing.join(", ") });
    }
    return { sent: 0, failed: 0, notConfigured: pending };
  }
  const client = opts.client ?? createTencentSmsClient(config.sms, { timeoutMs: config.wechat.timeoutMs });
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const claimed = await db.all<ClaimedSms>(sql`
    update sms_outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    where id in (
      select id from sms_outbox where state = 'pending' and next_attempt_at <= ${nowIso} order by next_attempt_at limit ${opts.limit ?? 50}
    ) and state = 'pending' and next_attempt_at <= ${nowIso}
    returning id, phone, template, params, attempts`);
  const result: SmsDispatchResult = { sent: 0, failed: 0, notConfigured: 0 };
  for (const row of claimed) {
    const masked = maskPhone(row.phone);
    try {
      const templateId = config.sms.templates[row.template as SmsTemplate];
      if (!templateId) throw new SmsError("template_not_configured", `no template configured for ${row.template}`);
      const params = JSON.parse(row.params) as string[];
      const { serialNo } = await client.send({ phone: row.phone, templateId, params, sessionContext: row.id });
      await db
        .update(smsOutbox)
        .set({ state: "done", phone: masked, providerRef: serialNo, lastError: null, doneAt: nowIso })
        .where(eq(smsOutbox.id, row.id));
      result.sent++;
    } catch (err) {
      const lastError = scrub(err instanceof SmsError ? `${err.code}: ${err.message}` : String(err));
      result.failed++;
      try {
        if (row.attempts >= SMS_MAX_ATTEMPTS) {
          await db.update(smsOutbox).set({ state: "failed", phone: masked, lastError, doneAt: nowIso }).where(eq(smsOutbox.id, row.id));
          deps.log.warn("SMS gave up", { smsId: row.id, phone: masked, attempts: row.attempts, error: lastError });
        } else {
          const next = new Date(now.getTime() + backoffMs(row.attempts)).toISOString();
          await db.update(smsOutbox).set({ lastError, nextAttemptAt: next }).where(eq(smsOutbox.id, row.id));
          deps.log.info("SMS send failed; will retry", { smsId: row.id, phone: masked, attempts: row.attempts, next, error: lastError });
        }
      } catch (dbErr) {
        // The lease lets a later run take it again.
        deps.log.error("SMS dispatch failed", { smsId: row.id, error: String(dbErr) });
      }
    }
  }
  return result;
}
