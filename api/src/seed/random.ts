import { DEFAULT_CITY, nearestStreet, resolvePlace } from "@civic/shared";
import type { DemoArea } from "./suzhou";

/** Small fast PRNG (mulberry32): the same seed always yields the same demo city. */
export function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type Rand = () => number;
export const pick = <T>(rand: Rand, items: readonly T[]): T => items[Math.floor(rand() * items.length)] as T;
export function weighted<T>(rand: Rand, items: readonly (readonly [T, number])[]): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = rand() * total;
  for (const [item, w] of items) {
    r -= w;
    if (r <= 0) return item;
  }
  return (items[items.length - 1] as readonly [T, number])[0];
}

/** A point around an area's centre: dense in the middle, thinning out to spreadKm × scale. */
export function pointIn(area: DemoArea, rand: Rand, spreadScale: number) {
  const distanceKm = area.spreadKm * spreadScale * Math.sqrt(rand()) * (0.35 + 0.65 * rand());
  const bearing = rand() * 2 * Math.PI;
  const dLat = (distanceKm / 111.32) * Math.cos(bearing);
  const dLng = (distanceKm / (111.32 * Math.cos((area.centre.lat * Math.PI) / 180))) * Math.sin(bearing);
  return { lat: Number((area.centre.lat + dLat).toFixed(6)), lng: Number((area.centre.lng + dLng).toFixed(6)) };
}

/**
 * A point of `pointIn` that the configured city's boundaries put in the area's own district (a few tries,
 * so a lakeside or border area keeps its share), with the district and street it resolves to.
 */
export function placeIn(area: DemoArea, rand: Rand, spreadScale: number) {
  let point = pointIn(area, rand, spreadScale);
  let place = resolvePlace(DEFAULT_CITY, point);
  for (let tries = 1; tries < 12 && place?.district.code !== area.code; tries++) {
    point = pointIn(area, rand, spreadScale);
    place = resolvePlace(DEFAULT_CITY, point);
  }
  // Out in the lake or past the city's edge after every try: it still counts for the area it was drawn for.
  const district = place?.district ?? area.city;
  const street = place?.street?.name ?? nearestStreet(DEFAULT_CITY, district.code, point)?.name ?? "";
  return { point, district, street };
}
