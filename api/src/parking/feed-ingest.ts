import { capacityViolation, FEED_FUTURE_TOLERANCE_SECONDS, type FeedResult, FeedRow, type FeedRowError } from "@civic/shared";
import type { AppDeps } from "../deps";
import { type FeedLot, type FeedObservation, feedRepo } from "./feed.repo";
import { operatorsRepo } from "./operators.repo";

/*
 * One batch of observations from one source, pushed (feed.handlers.ts) or pulled (pull-feeds.ts): each row
 * judged on its own against this operator's lots, then the good ones applied in one atomic group (after
 * the caller's leading statements, e.g. the push's replay guard). Only the newest row per lot can become
 * its live status; every accepted row goes to the history; an older observation never overwrites a newer.
 */

type RowVerdict = FeedObservation | Omit<FeedRowError, "index">;

/** One row: its shape, its lot (this operator's only), its time, its capacity. */
function judgeRow(p: ReturnType<typeof FeedRow.safeParse>, lotOf: (r: FeedRow) => FeedLot | undefined, latestMs: number): RowVerdict {
  if (!p.success) {
    return { reason: "invalid", message: p.error.issues.map((i) => `${i.path.join(".") || "row"}: ${i.message}`).join("; ") };
  }
  const r = p.data;
  const lot = lotOf(r);
  if (!lot) return { reason: "unknown_lot", message: "no such lot among this operator's lots" };
  const observed = Date.parse(r.observedAt);
  if (observed > latestMs) return { reason: "observed_in_future", message: "observedAt is ahead of the server's clock" };
  const violation = capacityViolation(r, lot.capacityTotal);
  if (violation === "free_above_capacity") return { reason: violation, message: "free is above the spaces it is counted against" };
  if (violation) return { reason: violation, message: "total is above the lot's capacity" };
  return { lotId: lot.id, free: r.free, total: r.total ?? null, status: r.status, observedAt: new Date(observed).toISOString() };
}

export interface Judged {
  accepted: { index: number; row: FeedObservation }[];
  rejected: FeedRowError[];
  /** Each named lot's live observation time as read before the batch (an equal one is not news). */
  heldBefore: Map<string, string | null>;
}

/** Each row on its own (judgeRow), against this operator's lots read in one go. */
export async function judgeRows(db: AppDeps["db"], operatorId: string, rows: unknown[], now: Date): Promise<Judged> {
  const parsed = rows.map((r) => FeedRow.safeParse(r));
  const ids: string[] = [];
  const refs: string[] = [];
  for (const p of parsed) {
    if (!p.success) continue;
    if (p.data.lotId !== undefined) ids.push(p.data.lotId);
    else if (p.data.operatorLotId !== undefined) refs.push(p.data.operatorLotId);
  }
  const lots = await feedRepo(db).lotsOf(operatorId, [...new Set(ids)], [...new Set(refs)]);
  const byId = new Map(lots.map((l) => [l.id, l]));
  const byRef = new Map(lots.filter((l) => l.operatorLotId !== null).map((l) => [l.operatorLotId as string, l]));
  const latest = now.getTime() + FEED_FUTURE_TOLERANCE_SECONDS * 1000;
  const out: Judged = { accepted: [], rejected: [], heldBefore: new Map(lots.map((l) => [l.id, l.liveObservedAt])) };
  for (const [index, p] of parsed.entries()) {
    const judged = judgeRow(p, (r) => (r.lotId !== undefined ? byId.get(r.lotId) : byRef.get(r.operatorLotId as string)), latest);
    if ("reason" in judged) out.rejected.push({ index, ...judged });
    else out.accepted.push({ index, row: judged });
  }
  return out;
}

/**
 * Applies the judged rows after `opts.leading` (in the same atomic group) and counts them on the operator;
 * answers which rows now stand as their lot's live status. Errors of the atomic group reach the caller.
 */
export async function applyBatch(
  deps: Pick<AppDeps, "db" | "atomic">,
  operatorId: string,
  { accepted, rejected, heldBefore }: Judged,
  at: string,
  opts: { leading?: unknown[]; reported?: boolean } = {},
): Promise<FeedResult> {
  const newest = new Map<string, FeedObservation>();
  for (const { row } of accepted) {
    const held = newest.get(row.lotId);
    if (!held || held.observedAt < row.observedAt) newest.set(row.lotId, row);
  }
  const repo = feedRepo(deps.db);
  const statements: unknown[] = [...(opts.leading ?? [])];
  if (accepted.length > 0) {
    statements.push(repo.applyLiveStatement([...newest.values()]), repo.recordStatement(accepted.map((a) => a.row)));
  }
  statements.push(operatorsRepo(deps.db).countBatchStatement(operatorId, accepted.length, rejected.length, at, opts.reported));
  await deps.atomic(statements);
  // Which rows now stand as their lot's live status (a newer observation, here or elsewhere, wins).
  const standing = await repo.observedAtOf([...newest.keys()]);
  let applied = 0;
  const outdated: number[] = [];
  for (const { index, row } of accepted) {
    const held = heldBefore.get(row.lotId) ?? null;
    const news = held === null || held < row.observedAt;
    if (news && newest.get(row.lotId) === row && standing.get(row.lotId) === row.observedAt) applied++;
    else outdated.push(index);
  }
  return { applied, outdated, rejected };
}
