import { describe, expect, it } from "vitest";
import { bookableDates, changeDeadline, checkItems, isBookableDate, isPickupOverdue, volumeOf } from "./rules";

const CATALOGUE = [
  { code: "sofa", name: "沙发", maxPerBooking: 2, volumePoints: 3, active: true },
  { code: "chair", name: "椅子", maxPerBooking: 4, volumePoints: 1, active: true },
  { code: "piano", name: "钢琴", maxPerBooking: 1, volumePoints: 9, active: false },
];

describe("pickup rules", () => {
  it("tomorrow is bookable until 16:00 city time today, then the window starts the day after", () => {
    // 15:59 and 16:00 in Suzhou are 07:59 and 08:00 UTC.
    expect(bookableDates(new Date("2026-12-01T07:59:00Z"))).toEqual({ first: "2026-12-02", last: "2026-12-29" });
    expect(bookableDates(new Date("2026-12-01T08:00:00Z")).first).toBe("2026-12-03");
    expect(isBookableDate("2026-12-01", new Date("2026-12-01T01:00:00Z"))).toBe(false);
    expect(isBookableDate("2026-12-30", new Date("2026-12-01T01:00:00Z"))).toBe(false);
  });

  it("changes close at 14:00 city time the day before collection", () => {
    expect(changeDeadline("2026-12-10").toISOString()).toBe("2026-12-09T06:00:00.000Z");
  });

  it("refuses too many of one item by its name, too many items, unknown and retired items", () => {
    expect(checkItems([{ code: "sofa", qty: 2 }], CATALOGUE)).toEqual({ ok: true });
    const tooMany = checkItems([{ code: "sofa", qty: 3 }], CATALOGUE);
    expect(tooMany.ok).toBe(false);
    if (!tooMany.ok) expect(tooMany.message).toContain("too many of 沙发");
    const total = checkItems(
      [
        { code: "sofa", qty: 2 },
        { code: "chair", qty: 4 },
      ],
      CATALOGUE,
    );
    expect(total.ok || total.message).toContain("at most 5");
    expect(checkItems([{ code: "piano", qty: 1 }], CATALOGUE).ok).toBe(false);
    expect(
      checkItems(
        [
          { code: "sofa", qty: 1 },
          { code: "sofa", qty: 1 },
        ],
        CATALOGUE,
      ).ok,
    ).toBe(false);
  });

  it("volume is the sum of quantity × points", () => {
    expect(
      volumeOf(
        [
          { code: "sofa", qty: 2 },
          { code: "chair", qty: 1 },
        ],
        CATALOGUE,
      ),
    ).toBe(7);
  });
});

describe("isPickupOverdue", () => {
  const day = "2026-03-10";
  it("is overdue from 18:00 city time on its day while still open", () => {
    expect(isPickupOverdue({ status: "accepted", date: day }, new Date("2026-03-10T09:59:59Z"))).toBe(false);
    expect(isPickupOverdue({ status: "accepted", date: day }, new Date("2026-03-10T10:00:00Z"))).toBe(true);
    expect(isPickupOverdue({ status: "booked", date: day }, new Date("2026-03-11T01:00:00Z"))).toBe(true);
  });
  it("is never overdue once finished or cancelled", () => {
    for (const status of ["completed", "unable", "cancelled", "missed"]) {
      expect(isPickupOverdue({ status, date: day }, new Date("2026-03-12T00:00:00Z"))).toBe(false);
    }
  });
});
