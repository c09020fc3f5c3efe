import {
  cityClock,
  distanceMetres,
  distanceToZoneMetres,
  NEAR_ZONE_METRES,
  STREET_VENDING_CATEGORY,
  type VendingZoneFlag,
  type ZoneArea,
  zoneStatusAt,
} from "@civic/shared";
import type { AppDeps } from "../deps";
import type { ReportFacts } from "../platform/report-annotators";
import { marketsRepo, scheduleOf } from "./markets.repo";

/**
 * A street-vending (占道经营) report filed inside a zone while it is open is "within_open_zone" (likely
 * allowed); within NEAR_ZONE_METRES outside an open zone, "near_open_zone"; otherwise (another category, a
 * closed or suspended zone, far away) null. Any kind of zone counts: each is somewhere vending is allowed.
 */
export async function vendingZoneAnnotator(deps: AppDeps, facts: ReportFacts): Promise<VendingZoneFlag | null> {
  if (facts.categoryCode !== STREET_VENDING_CATEGORY) return null;
  const repo = marketsRepo(deps.db);
  const zone = deps.config.cityZone;
  const candidates = (await repo.zonesAround(facts.location.lat, NEAR_ZONE_METRES)).filter(
    (z) => distanceMetres(z, facts.location) <= z.reachM + NEAR_ZONE_METRES,
  );
  if (candidates.length === 0) return null;
  const closed = await repo.closedDatesAround(
    cityClock(facts.at, zone).date,
    candidates.map((z) => z.id),
  );
  let flag: VendingZoneFlag | null = null;
  for (const z of candidates) {
    if (zoneStatusAt(scheduleOf(z), facts.at, { closed: closed.get(z.id) ?? [], zone }).state !== "open") continue;
    const d = distanceToZoneMetres(JSON.parse(z.area) as ZoneArea, facts.location);
    if (d === 0) return "within_open_zone";
    if (d <= NEAR_ZONE_METRES) flag = "near_open_zone";
  }
  return flag;
}
