import { and, eq, inArray, or, sql } from "drizzle-orm";
import { parkingFeedSignatures, parkingLots, parkingObservations } from "../db/schema";
import type { AppDb } from "../db/types";
import { nextLiveSeq } from "./lots.repo";

/** A row that passed every check, about to be applied. Times are UTC ISO-8601 (toISOString). */
export interface FeedObservation {
  lotId: string;
  free: number;
  total: number | null;
  status: "open" | "closed";
  observedAt: string;
}

export interface FeedLot {
  id: string;
  operatorLotId: string | null;
  capacityTotal: number;
  liveObservedAt: string | null;
}

const CHUNK = 90;

/** The rows of one batch as one JSON parameter, read by json_each (two statements whatever the batch size). */
const batchJson = (rows: readonly FeedObservation[]) =>
  JSON.stringify(rows.map((r) => ({ l: r.lotId, f: r.free, t: r.total, s: r.status, o: r.observedAt })));

const batchTable = (json: string) =>
  sql`(select json_extract(value, '$.l') as lot_id, json_extract(value, '$.f') as free, json_extract(value, '$.t') as total, json_extract(value, '$.s') as status, json_extract(value, '$.o') as observed_at from json_each(${json}))`;

export function feedRepo(db: AppDb) {
  return {
    /** This operator's active lots named in a batch, by our id or by its own; other lots are not found. */
    async lotsOf(operatorId: string, lotIds: string[], operatorLotIds: string[]): Promise<FeedLot[]> {
      const found: FeedLot[] = [];
      const columns = {
        id: parkingLots.id,
        operatorLotId: parkingLots.operatorLotId,
        capacityTotal: parkingLots.capacityTotal,
        liveObservedAt: parkingLots.liveObservedAt,
      };
      for (let i = 0; i < Math.max(lotIds.length, operatorLotIds.length); i += CHUNK) {
        const ids = lotIds.slice(i, i + CHUNK);
        const refs = operatorLotIds.slice(i, i + CHUNK);
        const named = or(
          ids.length ? inArray(parkingLots.id, ids) : undefined,
          refs.length ? inArray(parkingLots.operatorLotId, refs) : undefined,
        );
        found.push(
          ...(await db
            .select(columns)
            .from(parkingLots)
            .where(and(eq(parkingLots.operatorId, operatorId), eq(parkingLots.active, true), named))),
        );
      }
      return found;
    },

    /** Remembers a signature; a second insert of the same one fails (UNIQUE): a replay. */
    signatureStatement(signature: string, keyId: string, at: string) {
      return db.insert(parkingFeedSignatures).values({ signature, keyId, seenAt: at });
    },

    /**
     * Live status from the batch, per lot only where the observation is newer than the stored one: an
     * out-of-order or repeated row never overwrites a newer one, however the requests interleave. At most
     * one row per lot (the newest) may be given: UPDATE ... FROM takes an arbitrary match otherwise.
     */
    applyLiveStatement(newestPerLot: readonly FeedObservation[]) {
      return db
        .update(parkingLots)
        .set({
          liveFree: sql`r.free`,
          liveTotal: sql`coalesce(r.total, ${parkingLots.capacityTotal})`,
          liveStatus: sql`r.status`,
          liveObservedAt: sql`r.observed_at`,
          liveSeq: nextLiveSeq,
        })
        .from(sql`${batchTable(batchJson(newestPerLot))} as r`)
        .where(
          sql`${parkingLots.id} = r.lot_id and (${parkingLots.liveObservedAt} is null or ${parkingLots.liveObservedAt} < r.observed_at) and r.free <= coalesce(r.total, ${parkingLots.capacityTotal})`,
        );
    },

    /** Every valid row into the history (the 24-hour chart); a row already recorded is left as it is. */
    recordStatement(rows: readonly FeedObservation[]) {
      return db
        .insert(parkingObservations)
        .select(
          sql`select r.lot_id, r.observed_at, r.free, coalesce(r.total, l.capacity_total), r.status from ${batchTable(batchJson(rows))} as r join ${parkingLots} as l on l.id = r.lot_id`,
        )
        .onConflictDoNothing();
    },

    /** The observation each lot holds now (after a batch: which rows won). */
    async observedAtOf(lotIds: string[]): Promise<Map<string, string | null>> {
      const out = new Map<string, string | null>();
      for (let i = 0; i < lotIds.length; i += CHUNK) {
        const rows = await db
          .select({ id: parkingLots.id, at: parkingLots.liveObservedAt })
          .from(parkingLots)
          .where(inArray(parkingLots.id, lotIds.slice(i, i + CHUNK)));
        for (const r of rows) out.set(r.id, r.at);
      }
      return out;
    },
  };
}
