import type { LatLng } from "@civic/shared";

/*
 * Web Mercator arithmetic shared by every map: pixel positions at a zoom level (256-pixel tiles, as
 * Leaflet, WeChat's map scale and our offline plot use), and the offline plot's flat placement.
 */

export const TILE_PX = 256;
const EARTH_CIRCUMFERENCE_M = 40_075_016.686;
export const MIN_ZOOM = 3;
/** Zoom beyond which markers never split further (WeChat's map stops at scale 20, tiles near 18). */
export const MAX_ZOOM = 18;

/** Position in world pixels at `zoom`: x east, y south. */
export function worldPixels(p: LatLng, zoom: number): { x: number; y: number } {
  const size = TILE_PX * 2 ** zoom;
  const sin = Math.min(Math.max(Math.sin((p.lat * Math.PI) / 180), -0.9999), 0.9999);
  return {
    x: ((p.lng + 180) / 360) * size,
    y: (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * size,
  };
}

/** The point at world pixels (x, y) at `zoom`: the inverse of worldPixels. */
export function fromWorldPixels(x: number, y: number, zoom: number): LatLng {
  const size = TILE_PX * 2 ** zoom;
  const lat = (Math.atan(Math.sinh(Math.PI * (1 - (2 * y) / size))) * 180) / Math.PI;
  return { lat, lng: (x / size) * 360 - 180 };
}

/** Ground metres one screen pixel covers at `zoom` and latitude `lat`. */
export const metresPerPixel = (zoom: number, lat: number): number =>
  (EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180)) / (TILE_PX * 2 ** zoom);

/** The zoom at which `widthPx` pixels span `metres` at latitude `lat` (fractional). */
export const zoomForSpan = (metres: number, widthPx: number, lat: number): number =>
  Math.log2((EARTH_CIRCUMFERENCE_M * Math.cos((lat * Math.PI) / 180) * widthPx) / (TILE_PX * Math.max(metres, 1)));

export const clampZoom = (zoom: number): number => Math.min(MAX_ZOOM, Math.max(MIN_ZOOM, zoom));

/** Offset of `p` from `centre` in screen pixels at `zoom` (x right, y down). */
export function pixelOffset(centre: LatLng, p: LatLng, zoom: number): { dx: number; dy: number } {
  const a = worldPixels(centre, zoom);
  const b = worldPixels(p, zoom);
  return { dx: b.x - a.x, dy: b.y - a.y };
}

const NICE_STEPS = [20, 50, 100, 200, 250, 500, 1000, 2000, 2500, 5000, 10_000, 20_000, 50_000];

/** A round distance for the scale bar: the largest nice step at most a quarter of the map's width. */
export function scaleBarMetres(widthM: number): number {
  const quarterWidth = widthM / 4;
  let best = NICE_STEPS[0] as number;
  for (const step of NICE_STEPS) if (step <= quarterWidth) best = step;
  return best;
}
