import { cityClock, cityDayStart, EARNING_KINDS, expiringPoints } from "@civic/shared";
import { and, asc, eq, gt, inArray, lt } from "drizzle-orm";
import { pointsEntries } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId } from "../platform/ids";
import { spendStatement } from "./ledger";

/*
 * Expiry: earned points older than POINTS_EXPIRY_MONTHS (counted from the city date) go by one expiry entry
 * per account and cutoff date, `expire:<account>:<cutoffDate>`, of expiringPoints (FIFO). Parallel runs
 * write it once (unique source key); spendStatement never overdraws.
 */

/** A city date `months` earlier (the day clamped to the month's length). */
export function monthsBefore(date: string, months: number): string {
  const [y, m, d] = date.split("-").map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) - months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${String(year).padStart(4, "0")}-${String(month).padStart(2, "0")}-${String(Math.min(d, last)).padStart(2, "0")}`;
}

/** The cutoff instant for earnings expiring by `instant`: the start of (city date − expiryMonths). */
export function expiryCutoff(deps: AppDeps, instant: Date): { date: string; at: string } {
  const date = monthsBefore(cityClock(instant, deps.config.cityZone).date, deps.config.points.expiryMonths);
  return { date, at: cityDayStart(date, deps.config.cityZone).toISOString() };
}

export const entriesOf = (db: AppDb, accountId: string) =>
  db
    .select({ amount: pointsEntries.amount, kind: pointsEntries.kind, at: pointsEntries.at })
    .from(pointsEntries)
    .where(eq(pointsEntries.accountId, accountId))
    .orderBy(asc(pointsEntries.at), asc(pointsEntries.id));

export async function expirePoints(deps: AppDeps): Promise<{ expired: number; accounts: number }> {
  const now = deps.clock();
  const cutoff = expiryCutoff(deps, now);
  const accounts = await deps.db
    .selectDistinct({ accountId: pointsEntries.accountId })
    .from(pointsEntries)
    .where(and(inArray(pointsEntries.kind, [...EARNING_KINDS]), gt(pointsEntries.amount, 0), lt(pointsEntries.at, cutoff.at)))
    .limit(5000);
  let expired = 0;
  let touched = 0;
  for (const { accountId } of accounts) {
    const points = expiringPoints(await entriesOf(deps.db, accountId), cutoff.at);
    if (points <= 0) continue;
    const sourceKey = `expire:${accountId}:${cutoff.date}`;
    const id = newId();
    await deps.atomic([
      spendStatement(deps.db, {
        id,
        accountId,
        kind: "expiry",
        sourceKey,
        cost: points,
        rule: `获得满 ${deps.config.points.expiryMonths} 个月的积分过期（先得先过期）`,
        day: cityClock(now, deps.config.cityZone).date,
        at: now.toISOString(),
        reason: `${cutoff.date} 以前获得的积分过期`,
      }),
    ]);
    const [row] = await deps.db.select({ id: pointsEntries.id }).from(pointsEntries).where(eq(pointsEntries.sourceKey, sourceKey));
    if (row?.id === id) {
      expired += points;
      touched++;
    }
  }
  return { expired, accounts: touched };
}
