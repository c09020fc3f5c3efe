import { FEED_SKEW_SECONDS, type OccupancyBucket } from "@civic/shared";
import { and, eq, gte, lt, sql } from "drizzle-orm";
import { parkingFeedSignatures, parkingObservations } from "../db/schema";
import type { AppDb } from "../db/types";

/** Observations are kept two days: the chart needs 24 hours, the rest is a margin for late rows. */
export const OBSERVATION_RETENTION_HOURS = 48;
const HOUR_MS = 3_600_000;

/**
 * The last 24 hours in hourly buckets, oldest first, ending with the current hour: mean free spaces and
 * mean occupied share of the observations recorded in each (null where there were none).
 */
export async function occupancySeries(db: AppDb, lotId: string, now: Date): Promise<OccupancyBucket[]> {
  const currentHour = Math.floor(now.getTime() / HOUR_MS) * HOUR_MS;
  const first = new Date(currentHour - 23 * HOUR_MS).toISOString();
  const hour = sql<string>`substr(${parkingObservations.observedAt}, 1, 13)`;
  const rows = await db
    .select({
      hour,
      meanFree: sql<number>`avg(${parkingObservations.free})`,
      occupancy: sql<
        number | null
      >`avg(case when ${parkingObservations.total} > 0 then 1.0 - 1.0 * ${parkingObservations.free} / ${parkingObservations.total} end)`,
      samples: sql<number>`count(*)`,
    })
    .from(parkingObservations)
    .where(and(eq(parkingObservations.lotId, lotId), gte(parkingObservations.observedAt, first)))
    .groupBy(hour);
  const byHour = new Map(rows.map((r) => [r.hour, r]));
  return Array.from({ length: 24 }, (_, i) => {
    const hourStart = new Date(currentHour - (23 - i) * HOUR_MS).toISOString();
    const r = byHour.get(hourStart.slice(0, 13));
    if (!r) return { hourStart, meanFree: null, occupancy: null, samples: 0 };
    const occupancy = r.occupancy === null ? null : Math.min(1, Math.max(0, Math.round(Number(r.occupancy) * 1000) / 1000));
    return { hourStart, meanFree: Math.round(Number(r.meanFree) * 10) / 10, occupancy, samples: Number(r.samples) };
  });
}

/** The scheduled job: observations past retention, and feed signatures past the replay window. */
export async function pruneParkingHistory(db: AppDb, now: Date): Promise<{ observations: number; signatures: number }> {
  const oldest = new Date(now.getTime() - OBSERVATION_RETENTION_HOURS * HOUR_MS).toISOString();
  const gone = await db
    .delete(parkingObservations)
    .where(lt(parkingObservations.observedAt, oldest))
    .returning({ lotId: parkingObservations.lotId });
  // A signature must be remembered while its timestamp could still pass the skew check (twice the window).
  const replayHorizon = new Date(now.getTime() - 2 * FEED_SKEW_SECONDS * 1000).toISOString();
  const sigs = await db
    .delete(parkingFeedSignatures)
    .where(lt(parkingFeedSignatures.seenAt, replayHorizon))
    .returning({ s: parkingFeedSignatures.signature });
  return { observations: gone.length, signatures: sigs.length };
}
