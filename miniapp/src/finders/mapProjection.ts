import type { LatLng } from "@civic/shared";

/*
 * Places points around a centre on a flat square (our offline H5 map). At city scale an
 * equirectangular projection is within a metre or two of the true bearing and distance.
 */
const METRES_PER_DEGREE_LAT = 110_574;
const METRES_PER_DEGREE_LNG_AT_EQUATOR = 111_320;

/** Offset of `p` from `centre` in metres: east (x) and north (y). */
export function offsetMetres(centre: LatLng, p: LatLng): { east: number; north: number } {
  const east = (p.lng - centre.lng) * METRES_PER_DEGREE_LNG_AT_EQUATOR * Math.cos((centre.lat * Math.PI) / 180);
  const north = (p.lat - centre.lat) * METRES_PER_DEGREE_LAT;
  return { east, north };
}

/**
 * Position in percent of the map's width/height (0..100, y down) for a map showing `extentM` metres
 * from the centre to each edge. Points beyond the edge are pinned to it.
 */
export function mapPosition(centre: LatLng, p: LatLng, extentM: number): { left: number; top: number } {
  const { east, north } = offsetMetres(centre, p);
  const clamp = (v: number) => Math.min(100, Math.max(0, v));
  return { left: clamp(50 + (east / extentM) * 50), top: clamp(50 - (north / extentM) * 50) };
}

const NICE_STEPS = [50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000];

/** A round distance for the scale bar: the largest nice step at most a quarter of the map's width. */
export function scaleBarMetres(extentM: number): number {
  const quarterWidth = (extentM * 2) / 4;
  let best = NICE_STEPS[0] as number;
  for (const step of NICE_STEPS) if (step <= quarterWidth) best = step;
  return best;
}
