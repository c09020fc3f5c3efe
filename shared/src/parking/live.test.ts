import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { sourceState } from "./admin";
import { FeedRow } from "./feed";
import { capacityViolation, isFresh, liveStatus, liveText, occupancyBand } from "./live";

const at = (iso: string) => new Date(iso);
const observedAt = "2026-12-01T02:00:00.000Z";
const stored = { free: 23, total: 200, status: "open" as const, observedAt };

describe("freshness", () => {
  it("a report is fresh up to its source's limit and unknown after it, never a stale number", () => {
    expect(liveStatus(stored, at("2026-12-01T02:30:00.000Z"), 30)).toMatchObject({ free: 23, fresh: true, band: "many" });
    const late = liveStatus(stored, at("2026-12-01T02:30:00.001Z"), 30);
    expect(late).toEqual({ free: null, total: null, status: "unknown", observedAt, fresh: false, band: "unknown" });
  });

  it("a lot never reported is unknown", () => {
    const never = liveStatus({ free: null, total: null, status: null, observedAt: null }, at(observedAt), 30);
    expect(never).toMatchObject({ fresh: false, band: "unknown", observedAt: null });
  });

  it("freshness only turns off as the clock moves on (property)", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 1, max: 1440 }),
        (a, b, limit) => {
          const [early, later] = a <= b ? [a, b] : [b, a];
          const t0 = Date.parse(observedAt);
          if (!isFresh(observedAt, new Date(t0 + early), limit)) expect(isFresh(observedAt, new Date(t0 + later), limit)).toBe(false);
          expect(isFresh(observedAt, new Date(t0 + early), limit)).toBe(early <= limit * 60_000);
        },
      ),
    );
  });
});

describe("occupancy band", () => {
  it("many, few, full and unknown", () => {
    expect(occupancyBand({ free: 50, total: 200, status: "open" })).toBe("many");
    expect(occupancyBand({ free: 20, total: 200, status: "open" })).toBe("few");
    expect(occupancyBand({ free: 5, total: 20, status: "open" })).toBe("few");
    expect(occupancyBand({ free: 0, total: 20, status: "open" })).toBe("full");
    expect(occupancyBand({ free: 50, total: 200, status: "closed" })).toBe("full");
    expect(occupancyBand({ free: null, total: null, status: "unknown" })).toBe("unknown");
  });

  it("more free spaces never give a worse band (property)", () => {
    const rank = { full: 0, few: 1, many: 2, unknown: -1 };
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        fc.integer({ min: 0, max: 5000 }),
        (x, y, total) => {
          const [lo, hi] = x <= y ? [x, y] : [y, x];
          expect(rank[occupancyBand({ free: hi, total, status: "open" })]).toBeGreaterThanOrEqual(
            rank[occupancyBand({ free: lo, total, status: "open" })],
          );
        },
      ),
    );
  });
});

describe("live text", () => {
  it("says free spaces with their age, or unknown with the last report's age", () => {
    expect(liveText(liveStatus(stored, at("2026-12-01T02:03:10.000Z"), 30), at("2026-12-01T02:03:10.000Z"))).toBe("剩余 23 个 · 3 分钟前");
    expect(liveText(liveStatus({ ...stored, free: 0 }, at(observedAt), 30), at(observedAt))).toBe("已满 · 刚刚");
    expect(liveText(liveStatus({ ...stored, status: "closed" }, at(observedAt), 30), at(observedAt))).toBe("暂停开放 · 刚刚");
    const later = at("2026-12-01T04:00:00.000Z");
    expect(liveText(liveStatus(stored, later, 30), later)).toBe("余位未知 · 最后上报 2 小时前");
    expect(liveText(liveStatus({ free: null, total: null, status: null, observedAt: null }, later, 30), later)).toBe("余位未知");
  });
});

describe("free within capacity on the same basis", () => {
  it("free counts against the report's total when it sends one, the lot's capacity otherwise", () => {
    expect(capacityViolation({ free: 100 }, 100)).toBeNull();
    expect(capacityViolation({ free: 101 }, 100)).toBe("free_above_capacity");
    expect(capacityViolation({ free: 40, total: 30 }, 100)).toBe("free_above_capacity");
    expect(capacityViolation({ free: 10, total: 120 }, 100)).toBe("total_above_capacity");
  });

  it("an accepted report never has more free spaces than its basis (property)", () => {
    fc.assert(
      fc.property(fc.nat(3000), fc.option(fc.nat(3000), { nil: undefined }), fc.nat(3000), (free, total, capacity) => {
        if (capacityViolation({ free, total }, capacity) === null) {
          expect(free).toBeLessThanOrEqual(total ?? capacity);
          expect(total ?? 0).toBeLessThanOrEqual(capacity);
        }
      }),
    );
  });
});

describe("feed rows and sources", () => {
  it("a row names its lot one way only", () => {
    const base = { free: 1, status: "open", observedAt };
    expect(FeedRow.safeParse({ ...base, lotId: "a" }).success).toBe(true);
    expect(FeedRow.safeParse({ ...base, operatorLotId: "P-1" }).success).toBe(true);
    expect(FeedRow.safeParse({ ...base, lotId: "a", operatorLotId: "P-1" }).success).toBe(false);
    expect(FeedRow.safeParse(base).success).toBe(false);
  });

  it("a source is failing when its last word was an error or it went quiet past its limit", () => {
    const now = at("2026-12-01T03:00:00.000Z");
    const s = { enabled: true, lastReportAt: "2026-12-01T02:50:00.000Z", lastErrorAt: null, limitMinutes: 15 };
    expect(sourceState(s, now)).toBe("active");
    expect(sourceState({ ...s, lastErrorAt: "2026-12-01T02:55:00.000Z" }, now)).toBe("failing");
    expect(sourceState({ ...s, limitMinutes: 5 }, now)).toBe("failing");
    expect(sourceState({ ...s, enabled: false }, now)).toBe("disabled");
  });
});
