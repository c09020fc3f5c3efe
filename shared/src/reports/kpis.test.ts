import { describe, expect, it } from "vitest";
import { coarsen } from "./coarsen";
import { computeKpis, type KpiCase, median } from "./kpis";

const base: KpiCase = {
  acceptedAt: "2026-11-01T00:00:00.000Z",
  closedAt: null,
  slaDueAt: "2026-11-02T00:00:00.000Z",
  rating: null,
  everResolved: false,
  reopenCount: 0,
};

describe("KPIs", () => {
  it("computes 结案率, 按期结案率, median hours, 回访满意率 and reopen rate", () => {
    const cases: KpiCase[] = [
      { ...base, closedAt: "2026-11-01T10:00:00.000Z", rating: 5, everResolved: true },
      { ...base, closedAt: "2026-11-03T00:00:00.000Z", rating: 3, everResolved: true, reopenCount: 1 },
      { ...base, closedAt: "2026-11-01T20:00:00.000Z", rating: 4, everResolved: true },
      { ...base, everResolved: true },
      { ...base },
    ];
    const k = computeKpis(cases);
    expect(k.cases).toBe(5);
    expect(k.closed).toBe(3);
    expect(k.closureRate).toBeCloseTo(0.6);
    expect(k.closedOnTime).toBe(2);
    expect(k.onTimeRate).toBeCloseTo(2 / 3);
    expect(k.medianHoursToClose).toBe(20);
    expect(k.rated).toBe(3);
    expect(k.satisfactionRate).toBeCloseTo(2 / 3);
    expect(k.resolved).toBe(4);
    expect(k.reopened).toBe(1);
    expect(k.reopenRate).toBeCloseTo(0.25);
  });

  it("answers null rates, not zero or NaN, when nothing was counted", () => {
    const k = computeKpis([]);
    expect(k).toMatchObject({
      cases: 0,
      closureRate: null,
      onTimeRate: null,
      medianHoursToClose: null,
      satisfactionRate: null,
      reopenRate: null,
    });
  });

  it("median of even and odd counts", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([])).toBeNull();
  });
});

describe("coarsening", () => {
  it("snaps to a ~100 m cell centre, the same for every point in the cell", () => {
    const a = coarsen({ lat: 31.31234, lng: 120.61987 });
    const b = coarsen({ lat: 31.31291, lng: 120.61901 });
    expect(a).toEqual(b);
    expect(a).toEqual({ lat: 31.3125, lng: 120.6195 });
    // Never more than half a cell diagonal (~75 m) from the true point.
    expect(Math.abs(a.lat - 31.31234)).toBeLessThanOrEqual(0.0005);
  });
});
