import {
  activeClosure,
  type CityClock,
  type CompiledHours,
  compileHours,
  type NearbyToiletsQuery,
  type OpeningHours,
  openAt,
  openAtCompiled,
  type ToiletKind,
  type ToiletSummary,
} from "@civic/shared";
import { eq, sql } from "drizzle-orm";
import type { AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import { toilets, toiletsVersion } from "../db/schema";
import type { AppDb } from "../db/types";
import type { PlaceKind } from "../platform/nearby/kind";

/*
 * Toilets as a kind of place for platform/nearby: the filters of a nearby-toilets query in SQL and in
 * memory, the opening hours decided in code, and each toilet's ToiletSummary JSON prepared around the two
 * per-search fields.
 */

/** The columns a search result is built from (also what the in-memory index keeps). */
export const summaryColumns = {
  id: toilets.id,
  name: toilets.name,
  address: toilets.address,
  district: toilets.district,
  kind: toilets.kind,
  lat: toilets.lat,
  lng: toilets.lng,
  hours: toilets.hours,
  free: toilets.free,
  accessible: toilets.accessible,
  thirdToilet: toilets.thirdToilet,
  babyCare: toilets.babyCare,
  closedUntil: toilets.closedUntil,
  closureReason: toilets.closureReason,
};

type SummaryRow = {
  [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"];
};

/**
 * What an in-memory search reads: the filter fields, the position and hours, and the toilet's
 * ToiletSummary JSON around the two per-search fields: `head` + `"distanceM":…,"openNow":…` + `tail`.
 */
type ToiletEntry = Pick<ToiletSummary, "id" | "kind" | "lat" | "lng" | "free" | "accessible" | "thirdToilet" | "babyCare"> & {
  hours: CompiledHours;
  closedUntil: string | null;
  closureReason: string | null;
  head: string;
  tail: string;
};

const flag = (name: string, column: AnySQLiteColumn) => sql`(${sql.placeholder(name)} = 0 or ${column} = 1)`;

export const toiletPlaces: PlaceKind<NearbyToiletsQuery, CityClock, SummaryRow, ToiletSummary, ToiletEntry> = {
  name: "toilet",
  table: toilets,
  lat: toilets.lat,
  lng: toilets.lng,
  latBand: toilets.latBand,
  columns: summaryColumns,
  searchable: eq(toilets.active, true),

  filters: [
    flag("free", toilets.free),
    flag("accessible", toilets.accessible),
    flag("babyCare", toilets.babyCare),
    flag("thirdToilet", toilets.thirdToilet),
    sql`(${sql.placeholder("kind")} = '' or ${toilets.kind} = ${sql.placeholder("kind")})`,
  ],
  params: (q) => ({
    free: q.free ? 1 : 0,
    accessible: q.accessible ? 1 : 0,
    babyCare: q.babyCare ? 1 : 0,
    thirdToilet: q.thirdToilet ? 1 : 0,
    kind: q.kind ?? "",
  }),
  // Opening hours are decided in code, so with the open-now filter every candidate in range is needed.
  filtersAfterSql: (q) => q.openNow,
  toResult: (r, d, q, clock) => {
    // A temporary closure outranks the weekly hours until its last day has passed in the city.
    const temporaryClosure = activeClosure(r.closedUntil, r.closureReason, clock.date);
    const openNow = temporaryClosure ? "closed" : openAt(JSON.parse(r.hours) as OpeningHours, clock);
    if (q.openNow && openNow !== "open") return null;
    const { hours: _hours, kind, closedUntil: _until, closureReason: _reason, ...rest } = r;
    return { ...rest, kind: kind as ToiletKind, distanceM: Math.round(d), openNow, temporaryClosure };
  },

  version: (db: AppDb) => {
    const query = db.select({ v: toiletsVersion.version }).from(toiletsVersion).where(eq(toiletsVersion.id, 1)).prepare();
    return async () => (await query.all())[0]?.v ?? -1;
  },
  toEntry: (r) => {
    const kind = r.kind as ToiletKind;
    // Key order is ToiletSummary's, as JSON.stringify would write the objects toResult returns.
    const fixed = { id: r.id, name: r.name, address: r.address, district: r.district, kind, lat: r.lat, lng: r.lng };
    const flags = { free: r.free, accessible: r.accessible, thirdToilet: r.thirdToilet, babyCare: r.babyCare };
    return {
      id: r.id,
      kind,
      lat: r.lat,
      lng: r.lng,
      hours: compileHours(JSON.parse(r.hours) as OpeningHours),
      ...flags,
      closedUntil: r.closedUntil,
      closureReason: r.closureReason,
      head: `${JSON.stringify(fixed).slice(0, -1)},`,
      tail: `,${JSON.stringify(flags).slice(1, -1)}`,
    };
  },
  matcher: (q, clock) => {
    const { free, accessible, babyCare, thirdToilet, kind, openNow } = q;
    if (!(free || accessible || babyCare || thirdToilet || kind !== undefined || openNow)) return null;
    return (e) =>
      (!free || e.free) &&
      (!accessible || e.accessible) &&
      (!babyCare || e.babyCare) &&
      (!thirdToilet || e.thirdToilet) &&
      (kind === undefined || e.kind === kind) &&
      (!openNow || entryOpenState(e, clock) === "open");
  },
  entryJson: (e, d, clock) => {
    const closure = activeClosure(e.closedUntil, e.closureReason, clock.date);
    return `${e.head}"distanceM":${Math.round(d)},"openNow":"${entryOpenState(e, clock)}"${e.tail},"temporaryClosure":${closure ? JSON.stringify(closure) : "null"}}`;
  },
};

/**
 * Open, closed or unknown at `clock`: a temporary closure in force says closed whatever the hours (the
 * same rule as activeClosure, without allocating on the search's hot path).
 */
function entryOpenState(e: ToiletEntry, clock: CityClock) {
  return e.closedUntil !== null && e.closedUntil >= clock.date ? "closed" : openAtCompiled(e.hours, clock);
}
