/*
 * Point in polygon by ray casting (even-odd rule), for GeoJSON positions [x, y] = [lng, lat]. At city
 * scale a straight edge between two vertices is as good as a geodesic one. A point exactly on an edge may
 * go either way; neighbouring districts share their edges, so such a point still lands in one of them.
 */
export type RingPosition = readonly [number, number] | readonly number[];

export function pointInRing(x: number, y: number, ring: readonly RingPosition[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] as readonly number[];
    const [xj = 0, yj = 0] = ring[j] as readonly number[];
    // Half-open in y, so a vertex the ray passes through is counted once.
    if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Inside the outer ring and outside every hole. */
export function pointInPolygon(x: number, y: number, rings: readonly (readonly RingPosition[])[]): boolean {
  const [outer, ...holes] = rings;
  if (!outer || !pointInRing(x, y, outer)) return false;
  return !holes.some((hole) => pointInRing(x, y, hole));
}
