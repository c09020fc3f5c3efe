import {
  capacityViolation,
  FEED_FUTURE_TOLERANCE_SECONDS,
  FEED_KEY_HEADER,
  FEED_SIGNATURE_HEADER,
  FEED_SKEW_SECONDS,
  FEED_TIMESTAMP_HEADER,
  type FeedResult,
  FeedRow,
  type FeedRowError,
  signFeedBody,
} from "@civic/shared";
import type { MiddlewareHandler } from "hono";
import type { AppEnv } from "../platform/context";
import { isUniqueViolation } from "../platform/db-errors";
import { ApiError, conflict, forbidden } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { type FeedLot, type FeedObservation, feedRepo } from "./feed.repo";
import type { pushParkingFeed } from "./feed.routes";
import { deriveFeedSecret, hashFeedSecret, sameHex } from "./feed-signature";
import { type OperatorRow, operatorsRepo } from "./operators.repo";

/*
 * The operators' push feed: the middleware proves who sent the request (key, timestamp, signature over
 * the raw body) before the body is even parsed; the handler judges each row, then applies the batch in
 * one atomic group whose first statement remembers the signature (a replay fails there, whole).
 */

interface VerifiedFeed {
  keyId: string;
  signature: string;
  operator: OperatorRow;
}

const verified = new WeakMap<Request, VerifiedFeed>();

const refused = (reason: string, message: string) => new ApiError(401, "unauthorized", message, { reason });

export const verifyFeedSignature: MiddlewareHandler<AppEnv> = async (c, next) => {
  const { db, clock, config } = c.get("deps");
  const keyId = c.req.header(FEED_KEY_HEADER) ?? "";
  const timestamp = c.req.header(FEED_TIMESTAMP_HEADER) ?? "";
  const signature = (c.req.header(FEED_SIGNATURE_HEADER) ?? "").toLowerCase();
  if (!keyId || !/^\d{1,12}$/.test(timestamp) || !/^[0-9a-f]{64}$/.test(signature)) {
    throw refused("missing_signature", `sign the request: ${FEED_KEY_HEADER}, ${FEED_TIMESTAMP_HEADER}, ${FEED_SIGNATURE_HEADER}`);
  }
  // Read before any parser: the signature covers these exact bytes (later reads reuse this text).
  const raw = await c.req.text();
  const repo = operatorsRepo(db);
  const found = keyId.length <= 64 ? await repo.key(keyId) : null;
  if (!found) throw refused("unknown_key", "unknown or revoked key");
  const now = clock();
  const at = now.toISOString();
  const secret = await deriveFeedSecret(config.parking.feedKeySecret, keyId);
  if (found.key.status !== "active" || !sameHex(await hashFeedSecret(secret), found.key.secretHash)) {
    await repo.countRefused(found.operator.id, at);
    throw refused("unknown_key", "unknown or revoked key");
  }
  if (!sameHex(await signFeedBody(secret, timestamp, raw), signature)) {
    await repo.countRefused(found.operator.id, at);
    throw refused("bad_signature", "the signature does not match the body and timestamp");
  }
  if (Math.abs(now.getTime() / 1000 - Number(timestamp)) > FEED_SKEW_SECONDS) {
    await repo.countRefused(found.operator.id, at);
    throw refused("clock_skew", `the timestamp is more than ${FEED_SKEW_SECONDS} seconds from the server's clock`);
  }
  if (!found.operator.enabled) throw new ApiError(403, "forbidden", "this source is disabled", { reason: "source_disabled" });
  verified.set(c.req.raw, { keyId, signature, operator: found.operator });
  await next();
};

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

interface Judged {
  accepted: { index: number; row: FeedObservation }[];
  rejected: FeedRowError[];
}

/** Each row on its own (judgeRow), against this operator's lots read in one go. */
async function judgeRows(
  c: Parameters<AppRouteHandler<typeof pushParkingFeed>>[0],
  operatorId: string,
  rows: unknown[],
  now: Date,
): Promise<Judged> {
  const parsed = rows.map((r) => FeedRow.safeParse(r));
  const ids: string[] = [];
  const refs: string[] = [];
  for (const p of parsed) {
    if (!p.success) continue;
    if (p.data.lotId !== undefined) ids.push(p.data.lotId);
    else if (p.data.operatorLotId !== undefined) refs.push(p.data.operatorLotId);
  }
  const lots = await feedRepo(c.get("deps").db).lotsOf(operatorId, [...new Set(ids)], [...new Set(refs)]);
  const byId = new Map(lots.map((l) => [l.id, l]));
  const byRef = new Map(lots.filter((l) => l.operatorLotId !== null).map((l) => [l.operatorLotId as string, l]));
  const latest = now.getTime() + FEED_FUTURE_TOLERANCE_SECONDS * 1000;
  const out: Judged = { accepted: [], rejected: [] };
  for (const [index, p] of parsed.entries()) {
    const judged = judgeRow(p, (r) => (r.lotId !== undefined ? byId.get(r.lotId) : byRef.get(r.operatorLotId as string)), latest);
    if ("reason" in judged) out.rejected.push({ index, ...judged });
    else out.accepted.push({ index, row: judged });
  }
  return out;
}

export const pushParkingFeedHandler: AppRouteHandler<typeof pushParkingFeed> = async (c) => {
  const deps = c.get("deps");
  const feed = verified.get(c.req.raw);
  if (!feed) throw forbidden();
  const now = deps.clock();
  const at = now.toISOString();
  const { rows } = c.req.valid("json");
  const { accepted, rejected } = await judgeRows(c, feed.operator.id, rows, now);
  // Only the newest row per lot can become its live status; every accepted row goes to the history.
  const newest = new Map<string, FeedObservation>();
  for (const { row } of accepted) {
    const held = newest.get(row.lotId);
    if (!held || held.observedAt < row.observedAt) newest.set(row.lotId, row);
  }
  const repo = feedRepo(deps.db);
  const operators = operatorsRepo(deps.db);
  const statements: unknown[] = [repo.signatureStatement(feed.signature, feed.keyId, at), operators.keyUsedStatement(feed.keyId, at)];
  if (accepted.length > 0) {
    statements.push(repo.applyLiveStatement([...newest.values()]), repo.recordStatement(accepted.map((a) => a.row)));
  }
  statements.push(operators.countBatchStatement(feed.operator.id, accepted.length, rejected.length, at));
  try {
    await deps.atomic(statements);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    await operators.countRefused(feed.operator.id, at);
    throw conflict("this signed request was already received", { reason: "replay" });
  }
  // Which rows now stand as their lot's live status (a newer observation, here or elsewhere, wins).
  const standing = await repo.observedAtOf([...newest.keys()]);
  let applied = 0;
  const outdated: number[] = [];
  for (const { index, row } of accepted) {
    if (newest.get(row.lotId) === row && standing.get(row.lotId) === row.observedAt) applied++;
    else outdated.push(index);
  }
  const result: FeedResult = { applied, outdated, rejected };
  return c.json(result, 200);
};
