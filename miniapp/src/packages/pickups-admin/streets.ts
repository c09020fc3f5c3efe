import { DEFAULT_CITY_NAMES, districtByCode, districtLabel, pickupStreetCode, streetsOf } from "@civic/shared";
import { CITY_DISTRICTS, type District } from "../../city/districts";

/* The configured city's streets as pickups name them ("<district code>:<street name>"), grouped by district. */

export interface StreetChoice {
  code: string;
  name: string;
  districtCode: string;
}

export const streetChoices = (districtCode: string): StreetChoice[] =>
  streetsOf(DEFAULT_CITY_NAMES, districtCode).map((s) => ({ code: pickupStreetCode(s), name: s.name, districtCode }));

export const PICKUP_DISTRICTS: readonly District[] = CITY_DISTRICTS.filter((d) => streetChoices(d.code).length > 0);

/** "姑苏区 · 观前街道" for a street code; the code itself for one the city does not list. */
export function streetLabel(code: string): string {
  const [districtCode = "", name = code] = code.split(":");
  const district = districtByCode(DEFAULT_CITY_NAMES, districtCode);
  return district ? `${districtLabel(district)} · ${name}` : code;
}
