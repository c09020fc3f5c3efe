import { type LatLng, pointInZone, type ZoneArea } from "@civic/shared";
import type { MapShape } from "./types";

/* Shapes as every map variant needs them: the points of a ring, and which shape a tap fell in. */

/** A polygon's vertices without the closing repeat, as lat/lng. */
export const ringVertices = (ring: readonly (readonly [number, number])[]): LatLng[] =>
  ring
    .slice(0, ring.length > 1 && ring[0]?.[0] === ring.at(-1)?.[0] && ring[0]?.[1] === ring.at(-1)?.[1] ? -1 : undefined)
    .map(([lng, lat]) => ({ lat, lng }));

/** The topmost shape (last drawn) under a tapped point, if any. */
export function shapeAt(shapes: readonly MapShape[], p: LatLng): MapShape | undefined {
  for (let i = shapes.length - 1; i >= 0; i--) {
    const s = shapes[i] as MapShape;
    // MapShape's geometry is ZoneArea's (only read-only); a ring of fewer than 3 points contains nothing.
    if (s.shape === "polygon" && s.ring.length < 4) continue;
    if (pointInZone(s as unknown as ZoneArea, p)) return s;
  }
  return undefined;
}
