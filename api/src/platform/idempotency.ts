import { z } from "@hono/zod-openapi";
import { and, eq, isNull, like, lt, type SQL, sql } from "drizzle-orm";
import { idempotencyKeys } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps, AtomicQuery } from "../deps";
import { conflict, validationFailed } from "./errors";
import { hashToken, newId } from "./ids";

/*
 * Idempotency-Key for any write route. A route opts in by declaring `idempotencyKeyHeader` and running its
 * write through `idempotent()`: the key is kept per caller and route (scope) with the request's hash.
 *  - A first request claims the key INSIDE its own atomic() group (`claim.statement`), and guards every
 *    other statement of the group with `claim.guard` ("this key names the id I am creating"), so of 20
 *    parallel retries exactly one group writes, without a read between awaits.
 *  - Its answer (status + JSON body) is then stored, and a retry with the same body gets it back.
 *  - The same key with another body is a 422; a retry while the first is still being answered is a 409,
 *    unless the route can render the answer from the created id (`replay`), as reports do.
 */

/** The header as routes declare it (zod-openapi `request.headers`). */
export const idempotencyKeyHeader = z.object({
  "idempotency-key": z
    .string()
    .min(8)
    .max(64)
    .regex(/^[A-Za-z0-9_.:-]+$/)
    .optional(),
});

export interface IdempotencyRequest {
  scope: string;
  key: string;
  requestHash: string;
}

/** What the caller's write needs: the id to create, the claim statement and the guard for the others. */
export interface IdempotencyClaim {
  resourceId: string;
  /** Put first in the write's atomic() group (null without a key). */
  statement: AtomicQuery | null;
  /** Guards every other statement of the group (`1 = 1` without a key); see guardedInsert. */
  guard: SQL;
  /** After the group ran: whether this request's claim holds the key (always true without a key). */
  won: () => Promise<boolean>;
}

export interface IdempotentAnswer<B = unknown> {
  status: number;
  body: B;
  /** True when this is an earlier request's answer. */
  replayed: boolean;
}

/**
 * The key for one route and caller (`route` e.g. "toilet.feedback", `caller` e.g. "user:<id>"), with the
 * request's hash; undefined without a key.
 */
export async function idempotencyRequest(
  route: string,
  caller: string,
  key: string | undefined,
  request: unknown,
): Promise<IdempotencyRequest | undefined> {
  if (!key) return undefined;
  return { scope: `${route}:${caller}`, key, requestHash: await hashToken(JSON.stringify(request)) };
}

type KeyRow = typeof idempotencyKeys.$inferSelect;

async function keyRow(deps: Pick<AppDeps, "db">, req: IdempotencyRequest): Promise<KeyRow | null> {
  const [row] = await deps.db
    .select()
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.scope, req.scope), eq(idempotencyKeys.key, req.key)))
    .limit(1);
  if (!row) return null;
  if (row.requestHash !== req.requestHash) {
    throw validationFailed("this Idempotency-Key was used with a different request", [
      { path: "Idempotency-Key", message: "reused with another body" },
    ]);
  }
  return row;
}

export interface IdempotentWrite<B> {
  /** Performs the write with the claim (its atomic() group) and answers; null when `claim.won()` said no. */
  run: (claim: IdempotencyClaim) => Promise<{ status: number; body: B } | null>;
  /**
   * Renders the answer for a retry from the id the key names (e.g. a 200 with the current state and fresh
   * signed URLs); without it the stored answer is replayed as it was.
   */
  replay?: (resourceId: string) => Promise<{ status: number; body: B } | null>;
}

/** Runs a write once per Idempotency-Key (see the top of this file); without a key, simply runs it. */
export async function idempotent<B>(
  deps: Pick<AppDeps, "db" | "clock">,
  req: IdempotencyRequest | undefined,
  write: IdempotentWrite<B>,
): Promise<IdempotentAnswer<B>> {
  const resourceId = newId();
  if (!req) {
    const answer = await write.run({ resourceId, statement: null, guard: sql`1 = 1`, won: async () => true });
    if (!answer) throw conflict("the request could not be stored; try again");
    return { ...answer, replayed: false };
  }
  const earlier = await keyRow(deps, req);
  if (earlier) return answerOf(earlier, write);
  const claim: IdempotencyClaim = {
    resourceId,
    statement: deps.db
      .insert(idempotencyKeys)
      .values({ ...req, resourceId, createdAt: deps.clock().toISOString() })
      .onConflictDoNothing(),
    guard: sql`exists (select 1 from ${idempotencyKeys} where ${idempotencyKeys.scope} = ${req.scope} and ${idempotencyKeys.key} = ${req.key} and ${idempotencyKeys.resourceId} = ${resourceId})`,
    won: async () => (await keyRow(deps, req))?.resourceId === resourceId,
  };
  let answer: Awaited<ReturnType<typeof write.run>>;
  try {
    answer = await write.run(claim);
  } catch (err) {
    // Failed because a parallel twin got there first (e.g. its photos are now taken): answer the twin's result.
    const row = await keyRow(deps, req);
    if (row && row.resourceId !== resourceId) return answerOf(row, write);
    throw err;
  }
  const row = await keyRow(deps, req);
  if (!row) throw conflict("the request could not be stored; try again");
  // Another request claimed the key first: this group wrote nothing, so answer what that one created.
  if (row.resourceId !== resourceId || !answer) return answerOf(row, write);
  await deps.db
    .update(idempotencyKeys)
    .set({ responseStatus: answer.status, responseBody: JSON.stringify(answer.body) })
    .where(and(eq(idempotencyKeys.scope, req.scope), eq(idempotencyKeys.key, req.key), isNull(idempotencyKeys.responseStatus)));
  return { ...answer, replayed: false };
}

async function answerOf<B>(row: KeyRow, write: IdempotentWrite<B>): Promise<IdempotentAnswer<B>> {
  if (write.replay) {
    const rendered = await write.replay(row.resourceId);
    if (rendered) return { ...rendered, replayed: true };
  }
  if (row.responseStatus === null || row.responseBody === null) {
    throw conflict("a request with this Idempotency-Key is still being answered; retry in a moment");
  }
  return { status: row.responseStatus, body: JSON.parse(row.responseBody) as B, replayed: true };
}

/** How long a key is remembered: a client's retries (even from an offline queue) come well within it. */
export const IDEMPOTENCY_KEY_TTL_MS = 7 * 24 * 3_600_000;

/** Housekeeping (a scheduled job): forgets keys older than the TTL. Returns how many were removed. */
export async function purgeIdempotencyKeys(db: AppDb, now: Date): Promise<number> {
  const cutoff = new Date(now.getTime() - IDEMPOTENCY_KEY_TTL_MS).toISOString();
  const gone = await db.delete(idempotencyKeys).where(lt(idempotencyKeys.createdAt, cutoff)).returning({ key: idempotencyKeys.key });
  return gone.length;
}

/** Every key one caller (e.g. "user:<id>") holds, on any route: for the caller's data export and erasure. */
export function keysOfCaller(caller: string) {
  return like(idempotencyKeys.scope, `%:${caller}`);
}
