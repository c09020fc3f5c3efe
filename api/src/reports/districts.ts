import { distanceMetres } from "@civic/shared";
import { SUZHOU_AREAS } from "../seed/suzhou";

/** The district a point falls in, by the nearest district centre of the configured city. */
export function districtOf(p: { lat: number; lng: number }): string {
  let best = SUZHOU_AREAS[0]!;
  let bestD = Number.POSITIVE_INFINITY;
  for (const area of SUZHOU_AREAS) {
    const d = distanceMetres(p, area.centre);
    if (d < bestD) {
      bestD = d;
      best = area;
    }
  }
  return best.district;
}
