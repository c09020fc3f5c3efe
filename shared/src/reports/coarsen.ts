import { distanceMetres } from "../geo/distance";

/**
 * Public views show where a problem is to about 100 m, never the reporter's exact position: the point
 * snaps to the centre of a 0.001° cell (≈111 m north-south, ≈95 m east-west at Suzhou's latitude).
 */
export const COARSE_CELL_DEGREES = 0.001;

export function coarsen(p: { lat: number; lng: number }): { lat: number; lng: number } {
  const snap = (v: number) => Number(((Math.floor(v / COARSE_CELL_DEGREES) + 0.5) * COARSE_CELL_DEGREES).toFixed(4));
  return { lat: snap(p.lat), lng: snap(p.lng) };
}

/** How far a coarsened point can lie from the true one: half a cell's diagonal (≈73 m in Suzhou), rounded up. */
export const COARSE_MAX_SHIFT_M = 75;

/**
 * The distance to someone else's report that may be answered: from its coarsened point, so however many
 * searches are made around it they only ever find its public ~100 m cell (the answer is a function of the
 * cell's centre alone). Rounding on top adds no privacy and does harm: equal rounded answers point the
 * searcher to the middle of their own search points, which lies near the true place.
 */
export function publicDistanceM(from: { lat: number; lng: number }, report: { lat: number; lng: number }): number {
  return Math.round(distanceMetres(from, coarsen(report)));
}
