/** Mean Earth radius used by every distance in the project (metres). */
export const EARTH_RADIUS_M = 6_371_008.8;

const toRad = (deg: number) => (deg * Math.PI) / 180;

export interface LatLng {
  lat: number;
  lng: number;
}

/** Great-circle distance in metres (haversine); accurate to well under a metre at city scale. */
export function distanceMetres(a: LatLng, b: LatLng): number {
  const dLat = toRad(b.lat - a.lat);
  const dLng = toRad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(toRad(a.lat)) * Math.cos(toRad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

export interface BoundingBox {
  minLat: number;
  maxLat: number;
  minLng: number;
  maxLng: number;
}

/**
 * The smallest lat/lng box that contains every point within `radiusM` of `center`.
 * Longitude span uses the widest parallel the circle touches, so no point at the edge is missed.
 */
export function boundingBox(center: LatLng, radiusM: number): BoundingBox {
  const angular = radiusM / EARTH_RADIUS_M;
  const dLat = (angular * 180) / Math.PI;
  const minLat = Math.max(-90, center.lat - dLat);
  const maxLat = Math.min(90, center.lat + dLat);
  const widestLat = Math.max(Math.abs(minLat), Math.abs(maxLat));
  if (widestLat >= 89.9) return { minLat, maxLat, minLng: -180, maxLng: 180 };
  const sinRatio = Math.min(1, Math.sin(angular) / Math.cos(toRad(center.lat)));
  const dLng = (Math.asin(sinRatio) * 180) / Math.PI;
  // asin-based span is exact for the tangent point; pad slightly for points near the corners of the box.
  const pad = dLng * 1e-6 + 1e-9;
  return { minLat, maxLat, minLng: center.lng - dLng - pad, maxLng: center.lng + dLng + pad };
}
