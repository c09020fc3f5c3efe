import { distanceMetres, type LatLng } from "../geo/distance";

/*
 * The collector's route for a day: morning jobs first, then afternoon; within each window, nearest
 * neighbour (straight-line haversine) from the last stop. The route starts at the given start point;
 * without one it starts at the morning job nearest the centroid of that window's jobs (the afternoon's
 * when there is no morning job), so the order does not depend on how the jobs were listed. Ties go to
 * the smaller id. Nearest neighbour is not optimal, but it is predictable and explainable to a collector.
 */

export interface RoutableJob {
  id: string;
  window: "am" | "pm";
  location: LatLng;
}

export interface RouteLeg<T> {
  job: T;
  /** Whole metres from the previous stop (or the start point; 0 for a first stop without one). */
  legMeters: number;
}

function centroid(points: readonly LatLng[]): LatLng {
  const n = points.length;
  return { lat: points.reduce((s, p) => s + p.lat, 0) / n, lng: points.reduce((s, p) => s + p.lng, 0) / n };
}

/** The job of `pool` nearest `from` (ties: smaller id). */
function nearest<T extends RoutableJob>(pool: readonly T[], from: LatLng): T {
  let best = pool[0]!;
  let bestD = distanceMetres(from, best.location);
  for (const j of pool.slice(1)) {
    const d = distanceMetres(from, j.location);
    if (d < bestD || (d === bestD && j.id < best.id)) {
      best = j;
      bestD = d;
    }
  }
  return best;
}

/** The jobs in route order with each leg's length (see the header for the method). */
export function orderRoute<T extends RoutableJob>(jobs: readonly T[], start: LatLng | null): RouteLeg<T>[] {
  const legs: RouteLeg<T>[] = [];
  let at: LatLng | null = start;
  for (const window of ["am", "pm"] as const) {
    const pool = jobs.filter((j) => j.window === window);
    while (pool.length > 0) {
      const next = nearest(pool, at ?? centroid(pool.map((j) => j.location)));
      legs.push({ job: next, legMeters: at ? Math.round(distanceMetres(at, next.location)) : 0 });
      pool.splice(pool.indexOf(next), 1);
      at = next.location;
    }
  }
  return legs;
}
