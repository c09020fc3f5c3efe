import {
  addCityDays,
  cityClock,
  cityDayStart,
  DEFAULT_CITY,
  isPickupOverdue,
  type PickupCounts,
  type PickupWindow,
  pickupStreetCode,
  windowEnd,
} from "@civic/shared";
import { validationFailed } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { districtStreets } from "./pickup-bureau.handlers";
import { pickupBureauRepo } from "./pickup-bureau.repo";
import type { pickupKpis, pickupOverview } from "./pickup-bureau.routes";

/*
 * What the bureau reads: a day's bookings per street (overdue = still open after 18:00 city time on the
 * day, shared isPickupOverdue) and the KPIs over a range (definitions in shared/src/pickups/bureau.ts).
 */

/** The KPI range defaults to the 30 days up to today and may span a year at most. */
const KPI_DEFAULT_DAYS = 30;
const KPI_MAX_DAYS = 366;
const STREET_NAMES = new Map(DEFAULT_CITY.streets.map((s) => [pickupStreetCode(s), s]));
/** Streets are listed in the city's own order (district, then street as the city lists them), not by code point. */
const STREET_ORDER = new Map(DEFAULT_CITY.streets.map((s, i) => [pickupStreetCode(s), i]));
const orderOf = (code: string) => STREET_ORDER.get(code) ?? Number.MAX_SAFE_INTEGER;
const COUNTED = ["booked", "accepted", "arrived", "completed", "unable", "missed", "cancelled"] as const;

const emptyCounts = (): PickupCounts => ({
  booked: 0,
  accepted: 0,
  arrived: 0,
  completed: 0,
  unable: 0,
  missed: 0,
  cancelled: 0,
  overdue: 0,
  capacityPoints: 0,
  bookedPoints: 0,
});

const ratio = (n: number, of: number) => (of === 0 ? null : Math.round((n / of) * 10_000) / 10_000);

export const pickupOverviewHandler: AppRouteHandler<typeof pickupOverview> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const now = deps.clock();
  const zone = deps.config.cityZone;
  const date = q.date ?? cityClock(now, zone).date;
  const district = q.district ? districtStreets(q.district) : null;
  const repo = pickupBureauRepo(deps.db);
  const [slots, counts] = await Promise.all([
    repo.slotsOn(date, district?.streets ?? null),
    repo.statusCountsOn(date, district?.streets ?? null),
  ]);
  const byStreet = new Map<string, PickupCounts>();
  const of = (street: string) => {
    const row = byStreet.get(street) ?? emptyCounts();
    byStreet.set(street, row);
    return row;
  };
  for (const s of slots) {
    const row = of(s.streetCode);
    row.capacityPoints += s.capacityPoints;
    row.bookedPoints += s.bookedPoints;
  }
  for (const r of counts) {
    const row = of(r.streetCode);
    const n = Number(r.n);
    const status = r.status as (typeof COUNTED)[number];
    if (COUNTED.includes(status)) row[status] += n;
    if (isPickupOverdue({ status: r.status, date }, now, zone)) row.overdue += n;
  }
  const totals = emptyCounts();
  const streets = [...byStreet.entries()]
    .map(([streetCode, row]) => {
      for (const k of Object.keys(totals) as (keyof PickupCounts)[]) totals[k] += row[k];
      const street = STREET_NAMES.get(streetCode);
      const [code, name] = streetCode.split(":");
      return { ...row, streetCode, streetName: street?.name ?? name ?? streetCode, districtCode: street?.districtCode ?? code ?? "" };
    })
    .sort((a, b) => orderOf(a.streetCode) - orderOf(b.streetCode) || a.streetCode.localeCompare(b.streetCode));
  return c.json({ date, district: district?.code ?? null, streets, totals }, 200);
};

export const pickupKpisHandler: AppRouteHandler<typeof pickupKpis> = async (c) => {
  const deps = c.get("deps");
  const q = c.req.valid("query");
  const zone = deps.config.cityZone;
  const today = cityClock(deps.clock(), zone).date;
  const to = q.to ?? today;
  const from = q.from ?? addCityDays(to, -(KPI_DEFAULT_DAYS - 1));
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  if (days < 0 || days >= KPI_MAX_DAYS) {
    throw validationFailed(`from..to must be a range of 1..${KPI_MAX_DAYS} days`, [{ path: "from", message: "out of range" }]);
  }
  const district = q.district ? districtStreets(q.district) : null;
  const rows = await pickupBureauRepo(deps.db).bookingsForKpis(from, to, district?.streets ?? null);
  let due = 0;
  let completed = 0;
  let onTime = 0;
  let noShows = 0;
  let rated = 0;
  let ratingSum = 0;
  for (const r of rows) {
    if (r.rating !== null) {
      rated++;
      ratingSum += r.rating;
    }
    // Only a day that has passed is due: today's collections may still happen.
    if (r.date >= today) continue;
    due++;
    if (Number(r.noShow)) noShows++;
    if (r.status !== "completed") continue;
    completed++;
    const at = r.completedAt ? Date.parse(r.completedAt) : Number.NaN;
    const start = cityDayStart(r.date, zone).getTime();
    if (at >= start && at <= windowEnd(r.date, r.window as PickupWindow, zone).getTime()) onTime++;
  }
  return c.json(
    {
      from,
      to,
      district: district?.code ?? null,
      due,
      completed,
      onTimeRate: ratio(onTime, due),
      noShowRate: ratio(noShows, due),
      averageRating: rated === 0 ? null : Math.round((ratingSum / rated) * 100) / 100,
      rated,
    },
    200,
  );
};
