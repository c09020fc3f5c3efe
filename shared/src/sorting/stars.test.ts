import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { addCityMonths, cityMonthEnded, cityMonthOf } from "../time/cityMonth";
import { type MonthFigures, rateCommunityMonth, starsForScore } from "./stars";

const figures = (over: Partial<MonthFigures> = {}): MonthFigures => ({
  households: 100,
  checkedHouseholds: 80,
  checks: 200,
  correctChecks: 180,
  inspection: 90,
  ...over,
});

describe("星级小区 stars", () => {
  it("weighs participation, accuracy and the inspection 30/30/40", () => {
    const r = rateCommunityMonth(figures());
    // 30 × 0.8 + 30 × 0.9 + 40 × 0.9 = 24 + 27 + 36 = 87
    expect(r).toEqual({ ratable: true, participation: 0.8, accuracy: 0.9, score: 87, stars: 4 });
  });

  it("gives the stars at each threshold", () => {
    expect([100, 90, 89.9, 75, 74.9, 60, 59.9, 40, 39.9, 0].map(starsForScore)).toEqual([5, 5, 4, 4, 3, 3, 2, 2, 1, 1]);
  });

  it("does not rate a month without an inspection score, or a community without households, and says why", () => {
    expect(rateCommunityMonth(figures({ inspection: null }))).toMatchObject({ ratable: false, reason: "no_inspection" });
    expect(rateCommunityMonth(figures({ households: 0, checkedHouseholds: 0 }))).toMatchObject({ ratable: false, reason: "no_households" });
  });

  it("counts a month without checks as 0 accuracy, not as a division by zero", () => {
    const r = rateCommunityMonth(figures({ checks: 0, correctChecks: 0, checkedHouseholds: 0, inspection: 100 }));
    expect(r).toEqual({ ratable: true, participation: 0, accuracy: 0, score: 40, stars: 2 });
  });

  const arbFigures = fc
    .record({
      households: fc.integer({ min: 1, max: 500 }),
      checked: fc.integer({ min: 0, max: 500 }),
      checks: fc.integer({ min: 0, max: 2000 }),
      correct: fc.integer({ min: 0, max: 2000 }),
      inspection: fc.integer({ min: 0, max: 100 }),
    })
    .map((r) => ({
      households: r.households,
      checkedHouseholds: Math.min(r.checked, r.households),
      checks: r.checks,
      correctChecks: Math.min(r.correct, r.checks),
      inspection: r.inspection,
    }));

  const starsOf = (f: MonthFigures) => {
    const r = rateCommunityMonth(f);
    if (!r.ratable) throw new Error("expected ratable");
    return r;
  };

  it("is monotone: better participation, accuracy or inspection never gives fewer stars or a lower score", () => {
    fc.assert(
      fc.property(
        arbFigures,
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 0, max: 2000 }),
        fc.integer({ min: 0, max: 100 }),
        (f, dh, dc, di) => {
          const base = starsOf(f);
          const better = [
            { ...f, checkedHouseholds: Math.min(f.households, f.checkedHouseholds + dh) },
            { ...f, correctChecks: Math.min(f.checks, f.correctChecks + dc) },
            { ...f, inspection: Math.min(100, (f.inspection ?? 0) + di) },
          ];
          for (const b of better) {
            const r = starsOf(b);
            expect(r.stars).toBeGreaterThanOrEqual(base.stars);
            expect(r.score).toBeGreaterThanOrEqual(base.score);
          }
        },
      ),
    );
  });

  it("always lands within 1–5 stars and 0–100 points", () => {
    fc.assert(
      fc.property(arbFigures, (f) => {
        const r = starsOf(f);
        expect(r.stars).toBeGreaterThanOrEqual(1);
        expect(r.stars).toBeLessThanOrEqual(5);
        expect(r.score).toBeGreaterThanOrEqual(0);
        expect(r.score).toBeLessThanOrEqual(100);
      }),
    );
  });
});

describe("city months", () => {
  it("reads the month in the city's zone and steps across years", () => {
    expect(cityMonthOf(new Date("2026-11-30T16:30:00Z"))).toBe("2026-12");
    expect(addCityMonths("2026-01", -1)).toBe("2025-12");
    expect(addCityMonths("2026-12", 1)).toBe("2027-01");
    expect(cityMonthEnded("2026-11", new Date("2026-11-30T15:59:00Z"))).toBe(false);
    expect(cityMonthEnded("2026-11", new Date("2026-11-30T16:00:00Z"))).toBe(true);
  });
});
