import { type CityStreet, DEFAULT_CITY, DEFAULT_CITY_NAMES, type LatLng, pickupStreetCode, resolvePlace, streetsOf } from "@civic/shared";

/* Streets (街道/镇) as pickups name them ("<district code>:<street name>"), from the city's shared list. */

export const streetCodeOf = (s: CityStreet): string => pickupStreetCode(s);

export const streetsIn = (districtCode: string): CityStreet[] => streetsOf(DEFAULT_CITY_NAMES, districtCode);

/** The street a point falls in (null outside the city), for the slot step's default. */
export function streetCodeAt(p: LatLng): string | null {
  const place = resolvePlace(DEFAULT_CITY, p);
  return place?.street ? pickupStreetCode(place.street) : null;
}

export function placeLabel(p: LatLng): string {
  const place = resolvePlace(DEFAULT_CITY, p);
  if (!place) return "不在本市服务范围内，请重新选择";
  return place.street ? `${place.district.name} · ${place.street.name}` : place.district.name;
}

/** "320508:观前街道" → 观前街道 (with its district's short name when known). */
export function streetLabel(code: string): string {
  const [districtCode, name] = code.split(":");
  const district = DEFAULT_CITY_NAMES.districts.find((d) => d.code === districtCode);
  return district ? `${district.shortName ?? district.name} ${name ?? ""}` : (name ?? code);
}
