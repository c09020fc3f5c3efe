import { distanceMetres, type LatLng } from "../geo/distance";
import { pointInPolygon } from "./pointInPolygon";
import type { CityConfig, CityDistrict, CityNames, CityStreet, DistrictBoundary } from "./schema";

/** What a point resolves to: its district and, if the city lists streets there, its street (街道/镇). */
export interface ResolvedPlace {
  district: CityDistrict;
  street: CityStreet | null;
}

const inBoundary = (f: DistrictBoundary, p: LatLng): boolean =>
  f.geometry.type === "Polygon"
    ? pointInPolygon(p.lng, p.lat, f.geometry.coordinates)
    : f.geometry.coordinates.some((poly) => pointInPolygon(p.lng, p.lat, poly));

/** The nearest street centre among the district's streets: Voronoi cells of the centres, clipped to the district. */
export function nearestStreet(city: CityNames, districtCode: string, p: LatLng): CityStreet | null {
  let best: CityStreet | null = null;
  let bestD = Number.POSITIVE_INFINITY;
  for (const street of city.streets) {
    if (street.districtCode !== districtCode) continue;
    const d = distanceMetres(p, street.centre);
    if (d < bestD) {
      bestD = d;
      best = street;
    }
  }
  return best;
}

/** The district whose (simplified) boundary contains the point, and its street; null outside the city. */
export function resolvePlace(city: CityConfig, p: LatLng): ResolvedPlace | null {
  const feature = city.boundaries.features.find((f) => inBoundary(f, p));
  const district = feature ? districtByCode(city, feature.properties.code) : undefined;
  if (!district) return null;
  return { district, street: nearestStreet(city, district.code, p) };
}

/** The district with the nearest centre; for points just outside the simplified boundaries. */
export function nearestDistrict(city: CityNames, p: LatLng): CityDistrict {
  let best = city.districts[0] as CityDistrict;
  let bestD = Number.POSITIVE_INFINITY;
  for (const d of city.districts) {
    const m = distanceMetres(p, d.centre);
    if (m < bestD) {
      bestD = m;
      best = d;
    }
  }
  return best;
}

export const districtByCode = (city: CityNames, code: string): CityDistrict | undefined => city.districts.find((d) => d.code === code);

export const districtBySlug = (city: CityNames, slug: string): CityDistrict | undefined => city.districts.find((d) => d.slug === slug);

/** By official name, short name, other name, code or slug: whatever a person or an old row may hold. */
export const findDistrict = (city: CityNames, key: string): CityDistrict | undefined =>
  city.districts.find((d) => d.code === key || d.name === key || d.shortName === key || d.alsoKnownAs === key || d.slug === key);

/** The name a picker or a chart shows: the short name where residents use one. */
export const districtLabel = (d: CityDistrict): string => d.shortName ?? d.name;

export const streetsOf = (city: CityNames, districtCode: string): CityStreet[] =>
  city.streets.filter((s) => s.districtCode === districtCode);

export interface DistrictChoice {
  code: string;
  slug: string;
  /** The official name, as reports store it and the API filters by. */
  name: string;
  label: string;
  lat: number;
  lng: number;
}

/** The districts a picker offers, in the configured order. */
export const districtChoices = (city: CityNames): DistrictChoice[] =>
  city.districts.map((d) => ({ code: d.code, slug: d.slug, name: d.name, label: districtLabel(d), ...d.centre }));
