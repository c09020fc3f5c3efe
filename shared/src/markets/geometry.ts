import { pointInPolygon } from "../city/pointInPolygon";
import { distanceMetres, type LatLng } from "../geo/distance";
import { distanceToRingMetres } from "../geo/edges";
import type { ZoneArea } from "./schemas";

/** Where a zone's marker goes: a circle's centre, or the mean of a polygon's vertices (closing one excluded). */
export function zoneCentre(area: ZoneArea): LatLng {
  if (area.shape === "circle") return { lat: area.center.lat, lng: area.center.lng };
  const vertices = area.ring.slice(0, -1);
  const sum = vertices.reduce((acc, [lng, lat]) => ({ lat: acc.lat + lat, lng: acc.lng + lng }), { lat: 0, lng: 0 });
  return { lat: sum.lat / vertices.length, lng: sum.lng / vertices.length };
}

/** Metres from `p` to the zone: 0 inside, else to the polygon's nearest edge or the circle's rim. */
export function distanceToZoneMetres(area: ZoneArea, p: LatLng): number {
  if (area.shape === "circle") return Math.max(0, distanceMetres(area.center, p) - area.radiusM);
  if (pointInPolygon(p.lng, p.lat, [area.ring])) return 0;
  return distanceToRingMetres(p, area.ring);
}

export function pointInZone(area: ZoneArea, p: LatLng): boolean {
  return distanceToZoneMetres(area, p) === 0;
}

/** The farthest a point of the zone lies from its centre (for finding zones near a point). */
export function zoneReachMetres(area: ZoneArea): number {
  if (area.shape === "circle") return area.radiusM;
  const c = zoneCentre(area);
  return Math.max(...area.ring.map(([lng, lat]) => distanceMetres(c, { lat, lng })));
}
