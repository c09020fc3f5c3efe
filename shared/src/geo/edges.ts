import { EARTH_RADIUS_M, type LatLng } from "./distance";

/*
 * Distances to lines at city scale: positions are projected onto a flat plane around the point asked
 * about (equirectangular, metres), where a straight edge between two vertices is as good as a geodesic.
 */

const toRad = (deg: number) => (deg * Math.PI) / 180;

/** Metres from `p` to the nearest point of a ring's edges; ring positions are GeoJSON [lng, lat]. */
export function distanceToRingMetres(p: LatLng, ring: readonly (readonly number[])[]): number {
  const kx = EARTH_RADIUS_M * toRad(1) * Math.cos(toRad(p.lat));
  const ky = EARTH_RADIUS_M * toRad(1);
  let best = Infinity;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [ax = 0, ay = 0] = ring[i] as readonly number[];
    const [bx = 0, by = 0] = ring[i + 1] as readonly number[];
    best = Math.min(best, segmentDistance((ax - p.lng) * kx, (ay - p.lat) * ky, (bx - p.lng) * kx, (by - p.lat) * ky));
  }
  return best;
}

/** Distance from the origin to the segment a-b, in the plane. */
function segmentDistance(ax: number, ay: number, bx: number, by: number): number {
  const dx = bx - ax;
  const dy = by - ay;
  const len2 = dx * dx + dy * dy;
  const t = len2 === 0 ? 0 : Math.max(0, Math.min(1, -(ax * dx + ay * dy) / len2));
  return Math.hypot(ax + t * dx, ay + t * dy);
}
