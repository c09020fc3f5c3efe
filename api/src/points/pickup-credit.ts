import { cityClock, POINTS_CLASS_LABELS, type PointsClass, RECYCLING_CLASS_LABELS } from "@civic/shared";
import { and, asc, eq, isNull, ne, sql } from "drizzle-orm";
import { pickupOutcomes, pickupRecycled } from "../db/schema";
import type { AppDeps } from "../deps";
import { newId } from "../platform/ids";
import { awardStatement, capsFor, entryWritten } from "./ledger";
import { currentRates, rateVersionText } from "./rates";

/*
 * Credits the recyclable kg kept when bulky-waste jobs were completed (pickup_recycled rows with credited_at
 * NULL): one entry `pickup:<bookingId>:<class>` of kind pickup_weigh at the class's current rate, the actor
 * being the collector of the outcome, and credited_at set in the same group only if this run wrote the
 * entry. Parallel runs are harmless: the source key is unique and the loser writes nothing. Run by the
 * scheduled job and right after a completion commits. A row whose resident is its own collector is skipped.
 */
export async function creditPickupRecycled(
  deps: AppDeps,
  opts: { bookingId?: string; limit?: number } = {},
): Promise<{ credited: number }> {
  const rows = await deps.db
    .select({ row: pickupRecycled, collectorId: pickupOutcomes.collectorId })
    .from(pickupRecycled)
    .innerJoin(pickupOutcomes, eq(pickupOutcomes.bookingId, pickupRecycled.bookingId))
    .where(
      and(
        isNull(pickupRecycled.creditedAt),
        ne(pickupOutcomes.collectorId, pickupRecycled.residentId),
        opts.bookingId ? eq(pickupRecycled.bookingId, opts.bookingId) : undefined,
      ),
    )
    .orderBy(asc(pickupRecycled.at))
    .limit(opts.limit ?? 200);
  if (!rows.length) return { credited: 0 };
  const rates = await currentRates(deps.db);
  const cap = await capsFor(deps.db, "pickup_weigh");
  let credited = 0;
  for (const { row, collectorId } of rows) {
    const now = deps.clock();
    const at = now.toISOString();
    const id = newId();
    const perKg = rates.perKg[row.class as PointsClass] ?? rates.perKg.other;
    const label = POINTS_CLASS_LABELS[row.class as PointsClass] ?? RECYCLING_CLASS_LABELS.other;
    await deps.atomic([
      awardStatement(deps.db, {
        id,
        accountId: row.residentId,
        kind: "pickup_weigh",
        sourceKey: `pickup:${row.bookingId}:${row.class}`,
        amount: Math.round(row.kg * perKg),
        cap,
        rule: `${label} ${perKg} 分/千克（${rateVersionText(rates.version)}）`,
        rate: perKg,
        actorId: collectorId,
        day: cityClock(now, deps.config.cityZone).date,
        at,
        reason: `大件垃圾回收 ${label} ${row.kg} 千克`,
      }),
      deps.db
        .update(pickupRecycled)
        .set({ creditedAt: at })
        .where(and(eq(pickupRecycled.id, row.id), isNull(pickupRecycled.creditedAt), sql`${entryWritten(id)}`)),
    ]);
    const [after] = await deps.db
      .select({ creditedAt: pickupRecycled.creditedAt })
      .from(pickupRecycled)
      .where(eq(pickupRecycled.id, row.id));
    if (after?.creditedAt === at) credited++;
  }
  return { credited };
}
