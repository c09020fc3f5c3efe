import { z } from "zod";
import type { FeedRow } from "./feed";

/*
 * Pull feeds: sources the bureau fetches itself (an operator's or a city's open data), in the two JSON
 * layouts ParkAPI publishes:
 *   v1 (api.parkendd.de/<city>): { last_updated, lots: [{ id, free, total, state: open|closed|nodata|unknown }] }
 *     (last_updated is the whole snapshot's time; ParkAPI writes it in UTC, sometimes without a zone);
 *   v3 (park-api-v3 parking sites): { items: [{ uid, realtime_free_capacity, realtime_capacity,
 *     realtime_opening_status: OPEN|CLOSED|UNKNOWN, realtime_data_updated_at }] }.
 * Each is turned into the push feed's rows (by the operator's own lot id), so pulled and pushed numbers
 * pass the same checks. Lots a source has no number for ("nodata", no realtime fields) are skipped, not
 * errors: their live status simply ages into unknown.
 */

/** The most a pull feed may weigh; a bigger answer is refused as a whole. */
export const PULL_MAX_BYTES = 2_000_000;
/** How long one fetch may take before it counts as a failure. */
export const PULL_TIMEOUT_MS = 10_000;
/** How often the bureau fetches each pull source. */
export const PULL_EVERY_MINUTES = 5;

/** ParkAPI writes UTC times, sometimes without a zone ("2026-12-01T04:00:00"): read those as UTC. */
function utcTime(v: unknown): string | null {
  if (typeof v !== "string" || v.length > 40) return null;
  const zoned = /(Z|[+-]\d\d:?\d\d)$/i.test(v) ? v : `${v}Z`;
  const ms = Date.parse(zoned);
  return Number.isNaN(ms) ? null : new Date(ms).toISOString();
}

const Id = z.union([z.string(), z.number()]).transform(String);
const Count = z.number().int().min(0).nullish();

const V1 = z.object({
  last_updated: z.string().nullish(),
  lots: z.array(z.object({ id: Id, free: Count, total: Count, state: z.string().nullish() }).passthrough()),
});

const V3 = z.object({
  items: z.array(
    z
      .object({
        uid: Id,
        realtime_free_capacity: Count,
        realtime_capacity: Count,
        realtime_opening_status: z.string().nullish(),
        realtime_data_updated_at: z.string().nullish(),
      })
      .passthrough(),
  ),
});

export interface PulledFeed {
  /** Rows for the feed's checks (FeedRow each): by the operator's own lot id. */
  rows: FeedRow[];
  /** Lots the source listed without a live number. */
  skipped: number;
}

export type PullParse = { ok: true; feed: PulledFeed } | { ok: false; error: string };

const statusOf = (s: string | null | undefined): "open" | "closed" | null => {
  const v = (s ?? "").toLowerCase();
  return v === "open" ? "open" : v === "closed" ? "closed" : null;
};

/** Turns a fetched JSON document into feed rows, or says why it is not a feed we read. */
export function parsePullFeed(doc: unknown): PullParse {
  const v3 = V3.safeParse(doc);
  if (v3.success) {
    const rows: FeedRow[] = [];
    let skipped = 0;
    for (const item of v3.data.items) {
      const observedAt = utcTime(item.realtime_data_updated_at);
      const free = item.realtime_free_capacity;
      if (free == null || observedAt === null) {
        skipped++;
        continue;
      }
      // A count with an UNKNOWN opening status still counts: the lot reports spaces, so it is taking cars.
      const status = statusOf(item.realtime_opening_status) ?? "open";
      rows.push({
        operatorLotId: item.uid,
        free,
        ...(item.realtime_capacity != null ? { total: item.realtime_capacity } : {}),
        status,
        observedAt,
      });
    }
    return { ok: true, feed: { rows, skipped } };
  }
  const v1 = V1.safeParse(doc);
  if (v1.success) {
    const observedAt = utcTime(v1.data.last_updated);
    if (observedAt === null) return { ok: false, error: "ParkAPI v1 feed without a valid last_updated" };
    const rows: FeedRow[] = [];
    let skipped = 0;
    for (const lot of v1.data.lots) {
      const status = statusOf(lot.state);
      if (status === null || lot.free == null) {
        skipped++;
        continue;
      }
      rows.push({ operatorLotId: lot.id, free: lot.free, ...(lot.total != null ? { total: lot.total } : {}), status, observedAt });
    }
    return { ok: true, feed: { rows, skipped } };
  }
  return { ok: false, error: "not a ParkAPI feed (expected `lots` (v1) or `items` (v3))" };
}
