import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cityClock } from "../time/cityTime";
import { compileHours, describeDay, everyDay, OpeningHours, openAtCompiled, openNow } from "./openingHours";

/** An instant given as Suzhou wall-clock time (UTC+8, no DST). */
const suzhou = (local: string) => new Date(`${local}+08:00`);

describe("city clock", () => {
  it("reads Asia/Shanghai wall time and weekday from a UTC instant", () => {
    // 2026-11-29 is a Sunday; 16:30 UTC on the 29th is 00:30 Monday in Suzhou.
    expect(cityClock(new Date("2026-11-29T16:30:00Z"))).toEqual({ date: "2026-11-30", weekday: 0, minutes: 30 });
    expect(cityClock(new Date("2026-11-29T15:59:00Z"))).toEqual({ date: "2026-11-29", weekday: 6, minutes: 23 * 60 + 59 });
  });

  it("honours another zone when the city is configured differently", () => {
    expect(cityClock(new Date("2026-06-01T12:00:00Z"), "Europe/London").minutes).toBe(13 * 60);
  });
});

describe("openNow", () => {
  const dayHours = everyDay({ open: "06:00", close: "22:00" });

  it("is open inside the interval, closed at and after close, open at opening minute", () => {
    expect(openNow(dayHours, suzhou("2026-11-26T06:00:00"))).toBe("open");
    expect(openNow(dayHours, suzhou("2026-11-26T21:59:00"))).toBe("open");
    expect(openNow(dayHours, suzhou("2026-11-26T22:00:00"))).toBe("closed");
    expect(openNow(dayHours, suzhou("2026-11-26T05:59:00"))).toBe("closed");
  });

  it("carries an interval past midnight into the next day, including from Sunday into Monday", () => {
    const night = everyDay({ open: "18:00", close: "02:00" });
    expect(openNow(night, suzhou("2026-11-26T23:30:00"))).toBe("open");
    expect(openNow(night, suzhou("2026-11-27T01:59:00"))).toBe("open");
    expect(openNow(night, suzhou("2026-11-27T02:00:00"))).toBe("closed");
    const sundayOnly: OpeningHours = { kind: "weekly", days: [[], [], [], [], [], [], [{ open: "20:00", close: "03:00" }]] };
    expect(openNow(sundayOnly, suzhou("2026-11-30T02:00:00"))).toBe("open"); // Monday 02:00
    expect(openNow(sundayOnly, suzhou("2026-11-24T02:00:00"))).toBe("closed"); // Tuesday 02:00
  });

  it("treats 00:00-24:00 and 'always' as 24 h, 'unknown' as unknown, and empty days as closed", () => {
    expect(openNow(everyDay({ open: "00:00", close: "24:00" }), suzhou("2026-11-26T03:00:00"))).toBe("open");
    expect(openNow({ kind: "always" }, suzhou("2026-11-26T03:00:00"))).toBe("open");
    expect(openNow({ kind: "unknown" }, suzhou("2026-11-26T12:00:00"))).toBe("unknown");
    const closedThursdays = everyDay({ open: "09:00", close: "17:00" });
    if (closedThursdays.kind === "weekly") closedThursdays.days[3] = [];
    expect(openNow(closedThursdays, suzhou("2026-11-26T12:00:00"))).toBe("closed");
    expect(openNow(closedThursdays, suzhou("2026-11-27T12:00:00"))).toBe("open");
  });

  it("an interval that closes at midnight ends the day without spilling over", () => {
    const lateClose = everyDay({ open: "18:00", close: "00:00" });
    expect(openNow(lateClose, suzhou("2026-11-26T23:59:00"))).toBe("open");
    expect(openNow(lateClose, suzhou("2026-11-27T00:00:00"))).toBe("closed");
  });

  it("for random weekly schedules, is open exactly when some interval covers the minute", () => {
    const hhmm = fc
      .integer({ min: 0, max: 23 * 60 + 59 })
      .map((m) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`);
    const interval = fc
      .tuple(hhmm, hhmm)
      .filter(([a, b]) => a !== b)
      .map(([open, close]) => ({ open, close }));
    const schedule = fc.array(fc.array(interval, { maxLength: 2 }), { minLength: 7, maxLength: 7 });
    fc.assert(
      fc.property(schedule, fc.integer({ min: 0, max: 7 * 24 * 60 - 1 }), (days, weekMinute) => {
        // 2026-11-23 is a Monday.
        const instant = new Date(Date.UTC(2026, 10, 23, 0, 0) - 8 * 3600_000 + weekMinute * 60_000);
        const m = (s: string) => Number(s.slice(0, 2)) * 60 + Number(s.slice(3));
        const covered = days.some((intervals, d) =>
          intervals.some(({ open, close }) => {
            const start = d * 1440 + m(open);
            const end = d * 1440 + (m(close) > m(open) ? m(close) : 1440 + m(close));
            // Sunday's overnight tail wraps to Monday morning.
            return (weekMinute >= start && weekMinute < end) || (weekMinute + 7 * 1440 >= start && weekMinute + 7 * 1440 < end);
          }),
        );
        expect(openNow({ kind: "weekly", days }, instant)).toBe(covered ? "open" : "closed");
        // The compiled form the in-memory search uses judges the same.
        expect(openAtCompiled(compileHours({ kind: "weekly", days }), cityClock(instant))).toBe(covered ? "open" : "closed");
      }),
    );
  });

  it("compiled hours keep 24 h, all-day intervals and unknown", () => {
    const at = cityClock(suzhou("2026-11-26T03:00:00"));
    expect(openAtCompiled(compileHours({ kind: "always" }), at)).toBe("open");
    expect(openAtCompiled(compileHours({ kind: "unknown" }), at)).toBe("unknown");
    expect(openAtCompiled(compileHours(everyDay({ open: "00:00", close: "24:00" })), at)).toBe("open");
    expect(openAtCompiled(compileHours(everyDay({ open: "06:00", close: "24:00" })), at)).toBe("closed");
  });

  it("rejects malformed schedules", () => {
    expect(OpeningHours.safeParse({ kind: "weekly", days: [[]] }).success).toBe(false);
    expect(OpeningHours.safeParse(everyDay({ open: "25:00", close: "10:00" })).success).toBe(false);
    expect(OpeningHours.safeParse(everyDay({ open: "10:00", close: "10:00" })).success).toBe(false);
  });
});

describe("describeDay", () => {
  it("says closed, 24 h or the intervals in Chinese", () => {
    expect(describeDay([])).toBe("休息");
    expect(describeDay([{ open: "00:00", close: "24:00" }])).toBe("24小时");
    expect(describeDay([{ open: "18:00", close: "02:00" }])).toBe("18:00–次日02:00");
    expect(
      describeDay([
        { open: "06:00", close: "11:30" },
        { open: "13:00", close: "22:00" },
      ]),
    ).toBe("06:00–11:30，13:00–22:00");
  });
});
