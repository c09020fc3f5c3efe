import { describe, expect, it } from "vitest";
import { distanceMetres } from "../geo/distance";
import { orderRoute, type RoutableJob } from "./route";

// Points along one street in Suzhou, about 1 km apart west to east.
const P = (km: number) => ({ lat: 31.3, lng: 120.6 + km * 0.0105 });
const job = (id: string, window: "am" | "pm", km: number): RoutableJob => ({ id, window, location: P(km) });

describe("the collector's route", () => {
  it("works the morning before the afternoon, nearest neighbour from the start point within each", () => {
    const jobs = [job("pm-far", "pm", 5), job("am-3", "am", 3), job("pm-near", "pm", 2), job("am-1", "am", 1), job("am-0", "am", 0)];
    const legs = orderRoute(jobs, P(-1));
    expect(legs.map((l) => l.job.id)).toEqual(["am-0", "am-1", "am-3", "pm-near", "pm-far"]);
    // Each leg is the straight line from the previous stop (the first from the start point).
    expect(legs[0]!.legMeters).toBe(Math.round(distanceMetres(P(-1), P(0))));
    expect(legs[3]!.legMeters).toBe(Math.round(distanceMetres(P(3), P(2))));
    expect(legs[0]!.legMeters).toBeGreaterThan(900);
    expect(legs[0]!.legMeters).toBeLessThan(1100);
  });

  it("from a start point in the east, the east end comes first", () => {
    const jobs = [job("a", "am", 0), job("b", "am", 1), job("c", "am", 2)];
    expect(orderRoute(jobs, P(10)).map((l) => l.job.id)).toEqual(["c", "b", "a"]);
  });

  it("without a start point it begins at the morning job nearest the centroid, with a first leg of 0", () => {
    const jobs = [job("west", "am", 0), job("mid", "am", 2.1), job("east", "am", 4), job("pm", "pm", 9)];
    const legs = orderRoute(jobs, null);
    expect(legs[0]).toEqual({ job: jobs[1], legMeters: 0 });
    expect(legs.map((l) => l.job.id).at(-1)).toBe("pm");
    // Only afternoon jobs: the afternoon's centroid decides.
    expect(orderRoute([job("x", "pm", 0), job("y", "pm", 1), job("z", "pm", 2)], null)[0]!.job.id).toBe("y");
  });

  it("visits every job exactly once, whatever the input order, and breaks ties by id", () => {
    const jobs = Array.from({ length: 12 }, (_, i) => job(`j${i}`, i % 3 === 0 ? "pm" : "am", (i * 7) % 5));
    const a = orderRoute(jobs, P(1.5)).map((l) => l.job.id);
    const b = orderRoute([...jobs].reverse(), P(1.5)).map((l) => l.job.id);
    expect(new Set(a).size).toBe(12);
    expect(a).toEqual(b);
    expect(orderRoute([], null)).toEqual([]);
  });
});
