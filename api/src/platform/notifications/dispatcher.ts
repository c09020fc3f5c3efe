import { cityClock } from "@civic/shared";
import { and, eq, gt, sql } from "drizzle-orm";
import { inboxMessages, messageGrants, outbox, users } from "../../db/schema";
import type { AppDeps } from "../../deps";
import { newId } from "../ids";
import { NO_SUBSCRIPTION_QUOTA, WechatError } from "../wechat";
import type { NotificationPayload } from "./outbox";

/*
 * The notification dispatcher (Node: a timer; Workers: the cron). For each due outbox row:
 *  1. claim it with one guarded UPDATE ... RETURNING (pending and due -> attempts + 1, next_attempt_at pushed
 *     out by a lease), so two dispatchers never work on one row at once, and a crashed claim is retried
 *     once its lease ends;
 *  2. ALWAYS put it in the user's in-app inbox (unique on outbox_id: a retry never adds it twice);
 *  3. if the user has a one-time subscribe grant left for the report template, take one (guarded
 *     decrement) and send the WeChat subscribe message:
 *       ok -> done, channel 'wechat';
 *       43101 (no quota: refused or used up) -> the grant is set to 0, done, channel 'inbox', last_error '43101';
 *       any other failure / timeout -> the grant is given back, retried with backoff; after MAX_ATTEMPTS
 *       the row is 'failed' (its inbox entry is already there);
 *     no grant -> done, channel 'inbox'.
 *
 * Template field mapping (the report-status template WECHAT_REPORT_TEMPLATE_ID, as configured in the
 * mini-program console; WeChat's limits in brackets):
 *   thing1  事项     payload.subject  (thing: ≤ 20 chars), e.g. the category name
 *   phrase2 状态     payload.status   (phrase: ≤ 5 chars, Chinese), e.g. 已立案
 *   time3   更新时间 the change's time in the city, 'YYYY年MM月DD日 HH:mm'
 *   thing4  说明     payload.body, else payload.title (thing: ≤ 20 chars)
 */

export const MAX_ATTEMPTS = 5;
/** How long a claimed row is left alone before another dispatcher may take it (a crash mid-send). */
const LEASE_MS = 2 * 60_000;
/** Retry delays after a failed send: 30 s, 1 min, 2 min, 4 min, ... */
const backoffMs = (attempts: number) => 30_000 * 2 ** Math.max(0, attempts - 1);

export interface DispatchResult {
  /** Sent as a WeChat subscribe message (and put in the inbox). */
  sent: number;
  /** Put in the inbox only: no grant, or WeChat said 43101. */
  inboxOnly: number;
  /** The send failed this round (retried later, or given up after MAX_ATTEMPTS; the inbox has it either way). */
  failed: number;
}

type DispatchDeps = Pick<AppDeps, "db" | "wechat" | "config" | "clock" | "log">;

interface ClaimedRow {
  id: string;
  user_id: string;
  subject_type: string | null;
  subject_id: string | null;
  payload: string;
  attempts: number;
  created_at: string;
}

/** Cuts to at most n characters (code points), marking a cut with …. */
export function truncateChars(text: string, n: number): string {
  const chars = Array.from(text.trim());
  return chars.length <= n ? chars.join("") : `${chars.slice(0, n - 1).join("")}…`;
}

/** 'YYYY年MM月DD日 HH:mm' in the city's time zone. */
export function cityTimeText(instant: Date, zone: string): string {
  const { date, minutes } = cityClock(instant, zone);
  const [y, m, d] = date.split("-");
  const hh = String(Math.floor(minutes / 60)).padStart(2, "0");
  const mm = String(minutes % 60).padStart(2, "0");
  return `${y}年${m}月${d}日 ${hh}:${mm}`;
}

/** The template data for one notification (see the mapping above). */
export function subscribeMessageData(payload: NotificationPayload, at: Date, zone: string): Record<string, string> {
  return {
    thing1: truncateChars(payload.subject || payload.title, 20),
    phrase2: truncateChars(payload.status, 5),
    time3: cityTimeText(at, zone),
    thing4: truncateChars(payload.body || payload.title, 20),
  };
}

export async function dispatchOutbox(deps: DispatchDeps, opts: { limit?: number } = {}): Promise<DispatchResult> {
  const { db } = deps;
  const limit = opts.limit ?? 50;
  const now = deps.clock();
  const nowIso = now.toISOString();
  const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
  const claimed = await db.all<ClaimedRow>(sql`
    update outbox set attempts = attempts + 1, next_attempt_at = ${leaseUntil}
    where id in (
      select id from outbox where state = 'pending' and next_attempt_at <= ${nowIso} order by next_attempt_at limit ${limit}
    ) and state = 'pending' and next_attempt_at <= ${nowIso}
    returning id, user_id, subject_type, subject_id, payload, attempts, created_at`);
  const result: DispatchResult = { sent: 0, inboxOnly: 0, failed: 0 };
  for (const row of claimed) {
    try {
      const outcome = await dispatchOne(deps, row, now);
      result[outcome]++;
    } catch (err) {
      // A database failure mid-row: the lease lets a later run take it again.
      deps.log.error("dispatch failed", { outboxId: row.id, error: String(err) });
      result.failed++;
    }
  }
  return result;
}

async function dispatchOne(deps: DispatchDeps, row: ClaimedRow, now: Date): Promise<keyof DispatchResult> {
  const { db, config } = deps;
  const nowIso = now.toISOString();
  let payload: NotificationPayload;
  try {
    payload = JSON.parse(row.payload) as NotificationPayload;
  } catch {
    await db.update(outbox).set({ state: "failed", lastError: "bad payload", doneAt: nowIso }).where(eq(outbox.id, row.id));
    return "failed";
  }
  const templateId = payload.templateId ?? config.notifications.reportTemplateId;
  await db
    .insert(inboxMessages)
    .values({
      id: newId(),
      userId: row.user_id,
      subjectType: row.subject_type,
      subjectId: row.subject_id,
      outboxId: row.id,
      title: payload.title,
      body: payload.body,
      createdAt: row.created_at,
    })
    .onConflictDoNothing();

  const finish = (channel: "wechat" | "inbox", lastError: string | null = null) =>
    db.update(outbox).set({ state: "done", channel, lastError, doneAt: nowIso }).where(eq(outbox.id, row.id));

  const grantOf = and(eq(messageGrants.userId, row.user_id), eq(messageGrants.templateId, templateId));
  const taken = await db
    .update(messageGrants)
    .set({ remaining: sql`${messageGrants.remaining} - 1`, updatedAt: nowIso })
    .where(and(grantOf, gt(messageGrants.remaining, 0)))
    .returning({ remaining: messageGrants.remaining });
  if (taken.length === 0) {
    await finish("inbox");
    return "inboxOnly";
  }
  const [user] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, row.user_id));
  try {
    if (!user) throw new WechatError("bad_response", "no such user");
    await deps.wechat.sendSubscribeMessage({
      toUser: user.openid,
      templateId,
      page: payload.page,
      data: subscribeMessageData(payload, new Date(row.created_at), config.cityZone),
      miniprogramState: config.notifications.miniprogramState,
      lang: "zh_CN",
    });
  } catch (err) {
    if (err instanceof WechatError && err.errcode === NO_SUBSCRIPTION_QUOTA) {
      await db.update(messageGrants).set({ remaining: 0, updatedAt: nowIso }).where(grantOf);
      await finish("inbox", String(NO_SUBSCRIPTION_QUOTA));
      return "inboxOnly";
    }
    // Not sent: give the grant back, then retry later or give up.
    await db
      .update(messageGrants)
      .set({ remaining: sql`${messageGrants.remaining} + 1`, updatedAt: nowIso })
      .where(grantOf);
    const lastError = err instanceof WechatError ? `${err.errcode}: ${err.message}` : String(err);
    if (row.attempts >= MAX_ATTEMPTS) {
      await db.update(outbox).set({ state: "failed", lastError, doneAt: nowIso }).where(eq(outbox.id, row.id));
      deps.log.warn("notification gave up (inbox only)", { outboxId: row.id, attempts: row.attempts, error: lastError });
    } else {
      const next = new Date(now.getTime() + backoffMs(row.attempts)).toISOString();
      await db.update(outbox).set({ lastError, nextAttemptAt: next }).where(eq(outbox.id, row.id));
      deps.log.info("notification send failed; will retry", { outboxId: row.id, attempts: row.attempts, next, error: lastError });
    }
    return "failed";
  }
  await finish("wechat");
  return "sent";
}
