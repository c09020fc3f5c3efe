import { lt } from "drizzle-orm";
import { rateLimits } from "../../db/schema";
import type { AppDb } from "../../db/types";

/** The longest rate-limit window in use (toilet feedback: one hour). */
const LONGEST_WINDOW_SECONDS = 3600;

/**
 * Cron housekeeping: forget rate-limit windows that have ended, so the table stays small.
 * (The notification dispatcher joins this when the outbox exists.) Returns how many rows went.
 */
export async function purgeExpiredRateLimits(db: AppDb, now: Date): Promise<number> {
  const cutoff = Math.floor(now.getTime() / 1000) - LONGEST_WINDOW_SECONDS;
  const gone = await db.delete(rateLimits).where(lt(rateLimits.windowStart, cutoff)).returning({ bucket: rateLimits.bucket });
  return gone.length;
}
