import { DEFAULT_CITY_NAMES, districtChoices, districtLabel, findDistrict } from "@civic/shared";

/*
 * The configured city's districts (shared/src/city, names only: no polygons in the package) for every
 * picker and label in the mini-program: the finders' and reports' district centres, the moderation
 * queue's district filter and the KPI rows. `id` is the slug used in stable class names `district-<id>`.
 */
export interface District {
  id: string;
  /** The administrative code: what the API filters and groups by. */
  code: string;
  /** What residents call it (the short name where there is one, e.g. 工业园区). */
  name: string;
  /** As reports store it (e.g. 苏州工业园区). */
  officialName: string;
  /** GCJ-02 centre, where a search starts when the location is unavailable. */
  lat: number;
  lng: number;
}

export const CITY_DISTRICTS: readonly District[] = districtChoices(DEFAULT_CITY_NAMES).map((c) => ({
  id: c.slug,
  code: c.code,
  name: c.label,
  officialName: c.name,
  lat: c.lat,
  lng: c.lng,
}));

/** The label for a district the API names by code or official name; `fallback` for one the list lacks. */
export function districtDisplayName(codeOrName: string, fallback = codeOrName): string {
  const d = findDistrict(DEFAULT_CITY_NAMES, codeOrName);
  return d ? districtLabel(d) : fallback;
}
