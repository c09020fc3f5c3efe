import type { Rand } from "./random";

/*
 * Plausible occupancy for the demo: a weekday curve per kind of lot (shopping areas fill in the
 * afternoon and evening, offices by day, shared school lots at night), with noise.
 */
export type DemoLotProfile = "shopping" | "office" | "station" | "shared" | "street";

const PEAKS: Record<DemoLotProfile, (hour: number) => number> = {
  shopping: (h) => 0.25 + 0.65 * bump(h, 15, 4) + 0.2 * bump(h, 20, 2),
  office: (h) => 0.15 + 0.8 * bump(h, 12, 4),
  station: (h) => 0.4 + 0.45 * bump(h, 9, 3) + 0.4 * bump(h, 18, 3),
  shared: (h) => 0.2 + 0.7 * bump(h, 22, 4) + 0.6 * bump(h, 2, 3),
  street: (h) => 0.3 + 0.65 * bump(h, 11, 5),
};

function bump(hour: number, centre: number, width: number): number {
  const d = Math.min(Math.abs(hour - centre), 24 - Math.abs(hour - centre));
  return Math.exp(-(d * d) / (2 * width * width));
}

/** Free spaces at a city hour (0..23.99) for a lot of `capacity` spaces. */
export function plausibleFree(profile: DemoLotProfile, capacity: number, cityHour: number, rand: Rand): number {
  const occupied = Math.min(1, Math.max(0, PEAKS[profile](cityHour) + (rand() - 0.5) * 0.12));
  return Math.max(0, Math.min(capacity, Math.round(capacity * (1 - occupied))));
}

/** The city's hour of day (UTC+8 for Suzhou; the demo city has no daylight saving). */
export const demoCityHour = (instant: Date) => (instant.getUTCHours() + 8 + instant.getUTCMinutes() / 60) % 24;
