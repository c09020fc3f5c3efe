import { lt, sql } from "drizzle-orm";
import { rateLimits } from "../db/schema";
import type { AppDb } from "../db/types";
import { ApiError } from "./errors";

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
    throw new ApiError(
      429,
      "rate_limited",
      "too many requests; slow down",
      { retryAfterSeconds: retryAfter },
      {
        "Retry-After": String(Math.max(1, retryAfter)),
      },
    );
  }
}

/** The longest rate-limit window in use (toilet feedback: one hour). */
const LONGEST_WINDOW_SECONDS = 3600;

/** Housekeeping (Workers cron, Node timer): forget ended windows so the table stays small. Returns rows removed. */
export async function purgeExpiredRateLimits(db: AppDb, now: Date): Promise<number> {
  const cutoff = Math.floor(now.getTime() / 1000) - LONGEST_WINDOW_SECONDS;
  const gone = await db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ bucket: rateLimits.bucket });
  return gone.length;
}
