import { z } from "zod";

/*
 * A lot's live status and the rules every live number obeys: a count is shown only while it is fresh
 * (within its source's limit); past the limit it is unknown, never a stale fact. One function judges
 * freshness, one the occupancy band, one the words a resident reads.
 */

export const LIVE_STATES = ["open", "closed", "unknown"] as const;
export const LiveState = z.enum(LIVE_STATES);
export type LiveState = z.infer<typeof LiveState>;

export const OCCUPANCY_BANDS = ["many", "few", "full", "unknown"] as const;
export const OccupancyBand = z.enum(OCCUPANCY_BANDS);
export type OccupancyBand = z.infer<typeof OccupancyBand>;

export const OCCUPANCY_BAND_LABELS: Record<OccupancyBand, string> = {
  many: "车位充足",
  few: "车位紧张",
  full: "已满",
  unknown: "余位未知",
};

export const LiveStatus = z
  .object({
    /** Free spaces; null when unknown (no report, or the last one is past its source's limit). */
    free: z.number().int().nullable(),
    /** Spaces the free count is counted against; null when unknown. */
    total: z.number().int().nullable(),
    /** open/closed as last reported while fresh; unknown otherwise. */
    status: LiveState,
    /** When the last report was observed (UTC ISO-8601), even when it is no longer fresh; null if never. */
    observedAt: z.string().nullable(),
    /** True while observedAt is within the source's freshness limit. */
    fresh: z.boolean(),
    band: OccupancyBand,
  })
  .meta({ id: "ParkingLiveStatus" });
export type LiveStatus = z.infer<typeof LiveStatus>;

/** Pull feeds (the bureau fetches them) count as stale after 30 minutes; push feeds have a per-operator limit. */
export const PULL_FRESHNESS_MINUTES = 30;
export const DEFAULT_PUSH_FRESHNESS_MINUTES = 15;

/** What the database holds about the last accepted report of a lot. */
export interface StoredLive {
  free: number | null;
  total: number | null;
  status: "open" | "closed" | null;
  observedAt: string | null;
}

/** Fresh while the observation is no older than `limitMinutes` at `now`. */
export function isFresh(observedAt: string | null, now: Date, limitMinutes: number): boolean {
  if (observedAt === null) return false;
  const observed = Date.parse(observedAt);
  if (Number.isNaN(observed)) return false;
  return now.getTime() - observed <= limitMinutes * 60_000;
}

/**
 * many / few / full / unknown. Few: at most 10% of the spaces or at most 5 free, whichever allows more.
 * A lot reported closed counts as full: nobody can park there now.
 */
export function occupancyBand(live: { free: number | null; total: number | null; status: LiveState }): OccupancyBand {
  if (live.status === "closed") return "full";
  if (live.free === null || live.status === "unknown") return "unknown";
  if (live.free <= 0) return "full";
  const fewAt = Math.max(5, Math.floor((live.total ?? 0) / 10));
  return live.free <= fewAt ? "few" : "many";
}

/** The live status a resident is shown: the stored report while fresh, unknown (with its age kept) after. */
export function liveStatus(stored: StoredLive, now: Date, limitMinutes: number): LiveStatus {
  const fresh = isFresh(stored.observedAt, now, limitMinutes) && stored.status !== null;
  if (!fresh) {
    return { free: null, total: null, status: "unknown", observedAt: stored.observedAt, fresh: false, band: "unknown" };
  }
  const status: LiveState = stored.status ?? "unknown";
  const base = { free: stored.free, total: stored.total, status };
  return { ...base, observedAt: stored.observedAt, fresh: true, band: occupancyBand(base) };
}

/** "刚刚", "3 分钟前", "2 小时前", "3 天前". */
export function ageText(observedAt: string, now: Date): string {
  const minutes = Math.floor((now.getTime() - Date.parse(observedAt)) / 60_000);
  if (minutes < 1) return "刚刚";
  if (minutes < 60) return `${minutes} 分钟前`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `${hours} 小时前`;
  return `${Math.floor(hours / 24)} 天前`;
}

/** What a lot's list row says: "剩余 23 个 · 3 分钟前", "已满 · 刚刚", "余位未知 · 最后上报 2 小时前". */
export function liveText(live: LiveStatus, now: Date): string {
  if (live.observedAt === null) return "余位未知";
  const age = ageText(live.observedAt, now);
  if (!live.fresh) return `余位未知 · 最后上报 ${age}`;
  if (live.status === "closed") return `暂停开放 · ${age}`;
  if (live.free === null) return `余位未知 · ${age}`;
  if (live.free <= 0) return `已满 · ${age}`;
  return `剩余 ${live.free} 个 · ${age}`;
}

export type CapacityViolation = "free_above_capacity" | "total_above_capacity";

/**
 * Free spaces are counted on one basis: the report's own total when it sends one, the lot's capacity
 * otherwise. Free above that basis, or a total above the lot's capacity, is refused.
 */
export function capacityViolation(report: { free: number; total?: number | null }, capacityTotal: number): CapacityViolation | null {
  const total = report.total ?? null;
  if (total !== null && total > capacityTotal) return "total_above_capacity";
  if (report.free > (total ?? capacityTotal)) return "free_above_capacity";
  return null;
}
