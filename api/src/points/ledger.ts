import { DEFAULT_POINTS_CAPS, type EarningKind, type PointsCap, type PointsEntry, type PointsKind } from "@civic/shared";
import { and, desc, eq, lt, or, type SQL, sql } from "drizzle-orm";
import { pointsAccounts, pointsCaps, pointsEntries } from "../db/schema";
import type { AppDb } from "../db/types";

/*
 * The points ledger's only writers. Each function returns ONE statement for a caller's atomic group (so a
 * redemption takes the points and the stock together); none reads between awaits. The guarantees live in
 * SQL: the source key is unique (a replay inserts nothing: ON CONFLICT DO NOTHING), a spend or reversal is
 * inserted only while the balance covers it, caps are applied inside the insert, and the triggers of
 * migration 0015 keep points_accounts.balance = sum(amount) >= 0 and refuse UPDATE and DELETE.
 *
 * After the group ran, `settle(db, sourceKey, id)` says what happened: created (this call's row), replayed
 * (an earlier call's row: return its answer) or refused (a guard held it back).
 */

interface EntryBase {
  /** The new entry's id (newId()). */
  id: string;
  accountId: string;
  sourceKey: string;
  rule: string;
  rate?: number | null;
  actorId?: string | null;
  /** City date of `at` (cityClock(at).date): the day caps count in. */
  day: string;
  at: string;
  reason: string;
}

export interface AwardInput extends EntryBase {
  kind: EarningKind;
  /** Points before caps (a positive integer). */
  amount: number;
  /** The caps to apply (capsFor); the award is cut to what is left today, possibly to 0. */
  cap: PointsCap;
  /** Further condition for the award to be written at all (e.g. `ran(checkId)`). */
  guard?: SQL;
}

const earnedToday = (column: SQL | typeof pointsEntries.accountId, value: string, kind: string, day: string) =>
  sql`coalesce((select sum(${pointsEntries.amount}) from ${pointsEntries} where ${column} = ${value} and ${pointsEntries.kind} = ${kind} and ${pointsEntries.day} = ${day} and ${pointsEntries.amount} > 0), 0)`;

/**
 * Earns points for a household, cut to the day's caps (an entry of 0 still records the source, so a replay
 * answers the same). Never to the actor's own account: a volunteer or collector cannot credit themselves.
 */
export function awardStatement(db: AppDb, a: AwardInput) {
  const limits: SQL[] = [sql`${Math.max(0, Math.floor(a.amount))}`];
  if (a.cap.perAccountDay !== null)
    limits.push(sql`${a.cap.perAccountDay} - ${earnedToday(pointsEntries.accountId, a.accountId, a.kind, a.day)}`);
  if (a.cap.perActorDay !== null && a.actorId) {
    limits.push(sql`${a.cap.perActorDay} - ${earnedToday(sql`${pointsEntries.actorId}`, a.actorId, a.kind, a.day)}`);
  }
  // SQLite's min() of one argument is the aggregate; add the amount twice so it is always the scalar form.
  const amount = sql`max(0, min(${sql.join([...limits, limits[0] as SQL], sql`, `)}))`;
  const notSelf = a.actorId ? sql`${a.actorId} <> ${a.accountId}` : sql`1`;
  return db
    .insert(pointsEntries)
    .select(
      sql`select ${a.id}, ${a.accountId}, ${amount}, ${a.kind}, ${a.sourceKey}, ${a.rule}, ${a.rate ?? null}, ${a.actorId ?? null}, null, ${a.day}, ${a.at}, ${a.reason} where ${notSelf} and ${a.guard ?? sql`1`}`,
    )
    .onConflictDoNothing();
}

export interface SpendInput extends EntryBase {
  kind: Extract<PointsKind, "redemption" | "expiry">;
  /** Points taken (a positive integer). */
  cost: number;
  guard?: SQL;
}

/** Takes points if, and only if, the balance covers them when the statement runs. */
export function spendStatement(db: AppDb, s: SpendInput) {
  const cost = Math.max(0, Math.floor(s.cost));
  const covered = sql`coalesce((select ${pointsAccounts.balance} from ${pointsAccounts} where ${pointsAccounts.accountId} = ${s.accountId}), 0) >= ${cost}`;
  return db
    .insert(pointsEntries)
    .select(
      sql`select ${s.id}, ${s.accountId}, ${-cost}, ${s.kind}, ${s.sourceKey}, ${s.rule}, ${s.rate ?? null}, ${s.actorId ?? null}, null, ${s.day}, ${s.at}, ${s.reason} where ${cost} > 0 and ${covered} and ${s.guard ?? sql`1`}`,
    )
    .onConflictDoNothing();
}

export interface ReversalInput extends Omit<EntryBase, "accountId" | "sourceKey" | "rate"> {
  /** The entry undone: an earning (correction) or a redemption (refund). Never an expiry or a reversal. */
  entryId: string;
  guard?: SQL;
}

/**
 * Undoes one entry by its negation, once (the source key `reverse:<entryId>` and reverses_id are unique);
 * refused when undoing an earning would take the balance below zero (the points were spent).
 */
export function reversalStatement(db: AppDb, r: ReversalInput) {
  const e = sql`${pointsEntries}`;
  const balance = sql`coalesce((select b.balance from ${pointsAccounts} b where b.account_id = o.account_id), 0)`;
  return db
    .insert(pointsEntries)
    .select(
      sql`select ${r.id}, o.account_id, -o.amount, 'reversal', 'reverse:' || o.id, ${r.rule}, o.rate, ${r.actorId ?? null}, o.id, ${r.day}, ${r.at}, ${r.reason}
      from ${e} o where o.id = ${r.entryId} and o.kind not in ('reversal', 'expiry') and ${balance} - o.amount >= 0 and ${r.guard ?? sql`1`}`,
    )
    .onConflictDoNothing();
}

/** A statement's guard: the entry with this id was written by this group (for statements after it). */
export const entryWritten = (id: string) => sql`exists (select 1 from ${pointsEntries} where ${pointsEntries.id} = ${id})`;

export type Settled = { status: "created" | "replayed"; entry: typeof pointsEntries.$inferSelect } | { status: "refused"; entry: null };

/** What an award/spend/reversal did, read after its group ran. */
export async function settle(db: AppDb, sourceKey: string, id: string): Promise<Settled> {
  const [entry] = await db.select().from(pointsEntries).where(eq(pointsEntries.sourceKey, sourceKey)).limit(1);
  if (!entry) return { status: "refused", entry: null };
  return { status: entry.id === id ? "created" : "replayed", entry };
}

export async function balanceOf(db: AppDb, accountId: string): Promise<number> {
  const [row] = await db.select({ balance: pointsAccounts.balance }).from(pointsAccounts).where(eq(pointsAccounts.accountId, accountId));
  return row?.balance ?? 0;
}

/** The caps in force for a kind: the bureau's row, else the default. */
export async function capsFor(db: AppDb, kind: EarningKind): Promise<PointsCap> {
  const [row] = await db.select().from(pointsCaps).where(eq(pointsCaps.kind, kind));
  return row ? { kind, perAccountDay: row.perAccountDay, perActorDay: row.perActorDay } : DEFAULT_POINTS_CAPS[kind];
}

/** A page of an account's history, newest first; `before` = the last row's (at, id) of the previous page. */
export async function historyOf(db: AppDb, accountId: string, limit: number, before?: { at: string; id: string }): Promise<PointsEntry[]> {
  const page = before
    ? or(lt(pointsEntries.at, before.at), and(eq(pointsEntries.at, before.at), lt(pointsEntries.id, before.id)))
    : undefined;
  const rows = await db
    .select()
    .from(pointsEntries)
    .where(and(eq(pointsEntries.accountId, accountId), page))
    .orderBy(desc(pointsEntries.at), desc(pointsEntries.id))
    .limit(limit);
  return rows.map(toPointsEntry);
}

export const toPointsEntry = (r: typeof pointsEntries.$inferSelect): PointsEntry => ({
  id: r.id,
  amount: r.amount,
  kind: r.kind as PointsKind,
  reason: r.reason,
  rule: r.rule,
  at: r.at,
  reversesId: r.reversesId,
});
