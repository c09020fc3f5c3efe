import {
  type ClosedDate,
  type MarketSuspension,
  type MarketZoneDetail,
  type MarketZoneKind,
  type MarketZoneSummary,
  type NearbyMarketsQuery,
  type ZoneArea,
  type ZoneSchedule,
  zoneHoursText,
  zoneStatusAt,
} from "@civic/shared";
import { eq, sql } from "drizzle-orm";
import { marketZones } from "../db/schema";
import type { AppDb } from "../db/types";
import type { PlaceKind } from "../platform/nearby/kind";
import { recordOf, type ZoneRow } from "./markets.repo";

/*
 * Zones as a kind of place for platform/nearby, measured from each zone's centre. Whether a zone is open
 * is decided in code (zoneStatusAt) with the suspensions in force, which the handler reads once per search
 * and passes in the context.
 */

export interface MarketSearchContext {
  at: Date;
  zone: string;
  closed: ReadonlyMap<string, readonly ClosedDate[]>;
}

export const summaryColumns = {
  id: marketZones.id,
  name: marketZones.name,
  kind: marketZones.kind,
  address: marketZones.address,
  district: marketZones.district,
  street: marketZones.street,
  lat: marketZones.lat,
  lng: marketZones.lng,
  area: marketZones.area,
  stalls: marketZones.stalls,
  seasons: marketZones.seasons,
  windows: marketZones.windows,
  exceptions: marketZones.exceptions,
};

type SummaryRow = { [K in keyof typeof summaryColumns]: (typeof summaryColumns)[K]["_"]["data"] };

interface ZoneEntry {
  id: string;
  lat: number;
  lng: number;
  kind: MarketZoneKind;
  schedule: ZoneSchedule;
  fixed: Omit<MarketZoneSummary, "distanceM" | "status">;
}

function toEntry(r: SummaryRow): ZoneEntry {
  const kind = r.kind as MarketZoneKind;
  return {
    id: r.id,
    lat: r.lat,
    lng: r.lng,
    kind,
    schedule: { seasons: JSON.parse(r.seasons), windows: JSON.parse(r.windows), exceptions: JSON.parse(r.exceptions) },
    fixed: {
      id: r.id,
      name: r.name,
      kind,
      address: r.address,
      district: r.district,
      street: r.street,
      lat: r.lat,
      lng: r.lng,
      area: JSON.parse(r.area) as ZoneArea,
      stalls: r.stalls,
    },
  };
}

const statusOf = (e: ZoneEntry, ctx: MarketSearchContext) =>
  zoneStatusAt(e.schedule, ctx.at, { closed: ctx.closed.get(e.id) ?? [], zone: ctx.zone });

function passes(q: NearbyMarketsQuery, e: ZoneEntry, status: MarketZoneSummary["status"]): boolean {
  if (q.kind && e.kind !== q.kind) return false;
  if (q.when === "now") return status.state === "open";
  if (q.when === "tonight") return status.tonight;
  return true;
}

function summaryOf(e: ZoneEntry, d: number, status: MarketZoneSummary["status"]): MarketZoneSummary {
  const { fixed } = e;
  return { ...fixed, distanceM: Math.round(d), status };
}

export const marketPlaces: PlaceKind<NearbyMarketsQuery, MarketSearchContext, SummaryRow, MarketZoneSummary, ZoneEntry> = {
  name: "market_zone",
  table: marketZones,
  lat: marketZones.lat,
  lng: marketZones.lng,
  latBand: marketZones.latBand,
  columns: summaryColumns,
  searchable: eq(marketZones.active, true),
  filters: [sql`(${sql.placeholder("kind")} = '' or ${marketZones.kind} = ${sql.placeholder("kind")})`],
  params: (q) => ({ kind: q.kind ?? "" }),
  filtersAfterSql: (q) => q.when !== undefined,
  toResult: (r, d, q, ctx) => {
    const e = toEntry(r);
    const status = statusOf(e, ctx);
    return passes(q, e, status) ? summaryOf(e, d, status) : null;
  },
  // Zones change rarely: every admin change bumps a row's version and every creation adds a row.
  version: (db: AppDb) => {
    const query = db
      .select({ v: sql<number>`coalesce(sum(${marketZones.version}), 0) + count(*)` })
      .from(marketZones)
      .prepare();
    return async () => Number((await query.all())[0]?.v ?? -1);
  },
  toEntry,
  matcher: (q, ctx) => (q.kind === undefined && q.when === undefined ? null : (e) => passes(q, e, statusOf(e, ctx))),
  entryJson: (e, d, ctx) => JSON.stringify(summaryOf(e, d, statusOf(e, ctx))),
};

/** The detail a resident or admin reads. */
export function zoneDetail(
  row: ZoneRow,
  ctx: MarketSearchContext,
  extra: { upcomingSuspensions: MarketSuspension[]; subscribed: boolean },
): MarketZoneDetail {
  const r = recordOf(row);
  const status = zoneStatusAt({ seasons: r.seasons, windows: r.windows, exceptions: r.exceptions }, ctx.at, {
    closed: ctx.closed.get(row.id) ?? [],
    zone: ctx.zone,
  });
  return {
    id: row.id,
    ...r,
    lat: row.lat,
    lng: row.lng,
    hoursText: zoneHoursText(r.windows),
    status,
    upcomingSuspensions: extra.upcomingSuspensions,
    subscribed: extra.subscribed,
    active: row.active,
    retiredReason: row.retiredReason,
    version: row.version,
    updatedAt: row.updatedAt,
  };
}
