import {
  type CityClock,
  type CompiledHours,
  compileHours,
  type LiveStatus,
  type LotType,
  type NearbyParkingQuery,
  type OpeningHours,
  type OpenState,
  openAt,
  openAtCompiled,
  type ParkingLotSummary,
} from "@civic/shared";
import { eq, sql } from "drizzle-orm";
import { parkingLots, parkingLotsVersion } from "../db/schema";
import type { AppDb } from "../db/types";
import type { PlaceKind } from "../platform/nearby/kind";
import { type LiveBoard, type LiveEntry, liveOf } from "./live-board";

/*
 * Parking lots as a kind of place for platform/nearby. What a lot is (type, capacity, hours) sits in
 * the index; what it reports (live_*) is read per search: from the row itself on the SQL path, from the
 * live board on the in-memory path (the board is caught up before each search, see live-board.ts).
 */

export interface ParkingSearchContext {
  clock: CityClock;
  now: Date;
  /** Present on the in-memory path. */
  board?: LiveBoard;
}

export const lotSummaryColumns = {
  id: parkingLots.id,
  name: parkingLots.name,
  type: parkingLots.type,
  address: parkingLots.address,
  district: parkingLots.district,
  lat: parkingLots.lat,
  lng: parkingLots.lng,
  capacityTotal: parkingLots.capacityTotal,
  capacityDisabled: parkingLots.capacityDisabled,
  capacityCharging: parkingLots.capacityCharging,
  capacityShared: parkingLots.capacityShared,
  hours: parkingLots.hours,
  liveFree: parkingLots.liveFree,
  liveTotal: parkingLots.liveTotal,
  liveStatus: parkingLots.liveStatus,
  liveObservedAt: parkingLots.liveObservedAt,
  liveLimitMinutes: parkingLots.liveLimitMinutes,
};

type LotRow = Pick<typeof parkingLots.$inferSelect, keyof typeof lotSummaryColumns>;

type LotEntry = {
  id: string;
  lat: number;
  lng: number;
  type: string;
  charging: boolean;
  accessible: boolean;
  hours: CompiledHours;
  head: string;
  capacity: string;
};

export const liveEntryOf = (
  r: Pick<LotRow, "liveFree" | "liveTotal" | "liveStatus" | "liveObservedAt" | "liveLimitMinutes">,
): LiveEntry => ({
  free: r.liveFree,
  total: r.liveTotal,
  status: r.liveStatus,
  observedAt: r.liveObservedAt,
  limitMinutes: r.liveLimitMinutes,
});

/** Open now: by the hours, and not reported closed while that report is fresh. */
const parkable = (open: OpenState, live: LiveStatus) => open === "open" && live.status !== "closed";
const hasFreeSpace = (live: LiveStatus) => live.fresh && live.status === "open" && (live.free ?? 0) > 0;

const capacityOf = (r: LotRow) => ({
  total: r.capacityTotal,
  disabled: r.capacityDisabled,
  charging: r.capacityCharging,
  shared: r.capacityShared,
});

export const parkingPlaces: PlaceKind<NearbyParkingQuery, ParkingSearchContext, LotRow, ParkingLotSummary, LotEntry> = {
  name: "parking",
  table: parkingLots,
  lat: parkingLots.lat,
  lng: parkingLots.lng,
  latBand: parkingLots.latBand,
  columns: lotSummaryColumns,
  searchable: eq(parkingLots.active, true),

  filters: [
    sql`(${sql.placeholder("charging")} = 0 or ${parkingLots.capacityCharging} > 0)`,
    sql`(${sql.placeholder("accessible")} = 0 or ${parkingLots.capacityDisabled} > 0)`,
    sql`(${sql.placeholder("type")} = '' or ${parkingLots.type} = ${sql.placeholder("type")})`,
  ],
  params: (q) => ({ charging: q.charging ? 1 : 0, accessible: q.accessible ? 1 : 0, type: q.type ?? "" }),
  // Hours and live numbers are judged in code, so with those filters every candidate in range is read.
  filtersAfterSql: (q) => q.openNow || q.hasFree,
  toResult: (r, d, q, ctx) => {
    const openNow = openAt(JSON.parse(r.hours) as OpeningHours, ctx.clock);
    const live = liveOf(liveEntryOf(r), ctx.now);
    if (q.openNow && !parkable(openNow, live)) return null;
    if (q.hasFree && !hasFreeSpace(live)) return null;
    return {
      id: r.id,
      name: r.name,
      type: r.type as LotType,
      address: r.address,
      district: r.district,
      lat: r.lat,
      lng: r.lng,
      distanceM: Math.round(d),
      capacity: capacityOf(r),
      openNow,
      live,
    };
  },

  version: (db: AppDb) => {
    const query = db.select({ v: parkingLotsVersion.version }).from(parkingLotsVersion).where(eq(parkingLotsVersion.id, 1)).prepare();
    return async () => (await query.all())[0]?.v ?? -1;
  },
  toEntry: (r) => {
    // Key order is ParkingLotSummary's, as JSON.stringify writes the objects toResult returns.
    const fixed = { id: r.id, name: r.name, type: r.type, address: r.address, district: r.district, lat: r.lat, lng: r.lng };
    return {
      id: r.id,
      lat: r.lat,
      lng: r.lng,
      type: r.type,
      charging: r.capacityCharging > 0,
      accessible: r.capacityDisabled > 0,
      hours: compileHours(JSON.parse(r.hours) as OpeningHours),
      head: `${JSON.stringify(fixed).slice(0, -1)},`,
      capacity: JSON.stringify(capacityOf(r)),
    };
  },
  matcher: (q, ctx) => {
    const { charging, accessible, type, openNow, hasFree } = q;
    if (!(charging || accessible || type !== undefined || openNow || hasFree)) return null;
    const board = ctx.board as LiveBoard;
    return (e) => {
      if ((charging && !e.charging) || (accessible && !e.accessible) || (type !== undefined && e.type !== type)) return false;
      if (!(openNow || hasFree)) return true;
      const live = liveOf(board.get(e.id), ctx.now);
      if (openNow && !parkable(openAtCompiled(e.hours, ctx.clock), live)) return false;
      return !hasFree || hasFreeSpace(live);
    };
  },
  entryJson: (e, d, ctx) => {
    const live = liveOf((ctx.board as LiveBoard).get(e.id), ctx.now);
    return `${e.head}"distanceM":${Math.round(d)},"capacity":${e.capacity},"openNow":"${openAtCompiled(e.hours, ctx.clock)}","live":${JSON.stringify(live)}}`;
  },
};
