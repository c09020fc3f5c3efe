import { lt, sql } from "drizzle-orm";
import { rateLimits } from "../db/schema";
import type { AppDb } from "../db/types";
import { ApiError } from "./errors";

/**
 * The 429 a rate limit answers; it carries the limit's kind (bucketKind: never the caller's id or
 * address) so the request metrics can count refusals without learning who was refused.
 */
export class RateLimitRefusal extends ApiError {
  readonly bucketKind: string;
  constructor(bucket: string, retryAfter: number) {
    super(
      429,
      "rate_limited",
      "too many requests; slow down",
      { retryAfterSeconds: retryAfter },
      { "Retry-After": String(Math.max(1, retryAfter)) },
    );
    this.bucketKind = bucketKind(bucket);
  }
}

/**
 * `report:ip:2001:db8::1` → `report:ip`, `toilet-feedback:<user id>` → `toilet-feedback`: the first part,
 * plus a second one only when it is a word that cannot be a piece of an address (IPv6 has ":" and hex).
 */
export function bucketKind(bucket: string): string {
  const [first = "", second = "", ...rest] = bucket.split(":");
  return rest.length > 0 && /^[a-z_-]+$/i.test(second) && !/^[0-9a-f]{1,4}$/i.test(second) ? `${first}:${second}` : first;
}

/**
 * Fixed-window rate limit in one guarded upsert (atomic on SQLite and D1 alike): the statement both
 * counts this hit and returns the window's total, so parallel requests cannot slip past the limit.
 */
export async function enforceRateLimit(
  db: AppDb,
  opts: { bucket: string; limit: number; windowSeconds: number; now: Date },
): Promise<void> {
  const nowS = Math.floor(opts.now.getTime() / 1000);
  const windowStart = nowS - (nowS % opts.windowSeconds);
  const rows = await db.all<{ hits: number }>(sql`
    insert into rate_limits (bucket, window_start, hits) values (${opts.bucket}, ${windowStart}, 1)
    on conflict (bucket) do update set
      hits = case when rate_limits.window_start = excluded.window_start then rate_limits.hits + 1 else 1 end,
      window_start = excluded.window_start
    returning hits`);
  const hits = Number(rows[0]?.hits ?? 0);
  if (hits > opts.limit) {
    const retryAfter = windowStart + opts.windowSeconds - nowS;
    throw new RateLimitRefusal(opts.bucket, retryAfter);
  }
}

/** The longest rate-limit window in use (the guide's suggestions: one day); a purge never ends a live window. */
export const LONGEST_WINDOW_SECONDS = 86_400;

/** Housekeeping (Workers cron, Node timer): forget ended windows so the table stays small. Returns rows removed. */
export async function purgeExpiredRateLimits(db: AppDb, now: Date): Promise<number> {
  const cutoff = Math.floor(now.getTime() / 1000) - LONGEST_WINDOW_SECONDS;
  const gone = await db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ bucket: rateLimits.bucket });
  return gone.length;
}
