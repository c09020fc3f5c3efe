import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { closesAt, inSeason, openTonight, timeLeftText, type ZoneSchedule, zoneHoursText, zoneStatusAt } from "./status";

// 2026-12-04 is a Friday. Instants are written in the city's offset (+08:00).
const at = (local: string) => new Date(`${local}+08:00`);
const FRI = 4;
const fridayLate: ZoneSchedule = { seasons: [], exceptions: [], windows: [{ weekday: FRI, open: "18:00", close: "02:00" }] };

describe("zoneStatusAt", () => {
  it("is open across midnight: a Friday 18:00-02:00 window is open at 01:00 on Saturday", () => {
    const s = zoneStatusAt(fridayLate, at("2026-12-05T01:00:00"));
    expect(s.state).toBe("open");
    expect(s.closesAt).toBe(at("2026-12-05T02:00:00").toISOString());
    expect(s.text).toBe("还有 1 小时收摊");
    expect(zoneStatusAt(fridayLate, at("2026-12-05T02:00:00")).state).toBe("closed");
  });

  it("says the time left while open", () => {
    expect(zoneStatusAt(fridayLate, at("2026-12-05T00:00:00")).text).toBe("还有 2 小时收摊");
    expect(zoneStatusAt(fridayLate, at("2026-12-05T01:35:00")).text).toBe("还有 25 分钟收摊");
  });

  it("opens later tonight, before it opens the same evening", () => {
    const s = zoneStatusAt(fridayLate, at("2026-12-04T15:00:00"));
    expect(s).toMatchObject({ state: "opens_later", tonight: true, text: "18:00 开市" });
    expect(s.opensAt).toBe(at("2026-12-04T18:00:00").toISOString());
  });

  it("is closed, with the next opening, on another day", () => {
    const s = zoneStatusAt(fridayLate, at("2026-12-02T20:00:00"));
    expect(s).toMatchObject({ state: "closed", tonight: false, text: "周五 18:00 开市" });
  });

  it("an exception date cancels the night that starts on it, not the one still running", () => {
    const sched = { ...fridayLate, exceptions: [{ date: "2026-12-05", reason: "马拉松" }] };
    expect(zoneStatusAt(sched, at("2026-12-05T01:00:00")).state).toBe("open");
    const friday = { ...fridayLate, exceptions: [{ date: "2026-12-04", reason: "台风" }] };
    const s = zoneStatusAt(friday, at("2026-12-04T20:00:00"));
    expect(s).toMatchObject({ state: "closed", closedReason: "台风", text: "今晚暂停：台风" });
    expect(zoneStatusAt(friday, at("2026-12-05T01:00:00")).state).toBe("closed");
  });

  it("a suspension closes like an exception", () => {
    const s = zoneStatusAt(fridayLate, at("2026-12-04T19:00:00"), { closed: [{ date: "2026-12-04", reason: "道路施工" }] });
    expect(s.state).toBe("closed");
    expect(s.closedReason).toBe("道路施工");
  });

  it("respects season boundaries, inclusive, judged on the start date", () => {
    const sched = { ...fridayLate, seasons: [{ start: "03-01", end: "12-04" }] };
    expect(zoneStatusAt(sched, at("2026-12-05T01:00:00")).state).toBe("open");
    expect(zoneStatusAt(sched, at("2026-12-11T19:00:00")).state).toBe("closed");
  });

  it("seasons may wrap the year", () => {
    expect(inSeason("2027-01-15", [{ start: "11-01", end: "03-31" }])).toBe(true);
    expect(inSeason("2026-11-01", [{ start: "11-01", end: "03-31" }])).toBe(true);
    expect(inSeason("2026-07-01", [{ start: "11-01", end: "03-31" }])).toBe(false);
    expect(inSeason("2026-07-01", [])).toBe(true);
  });

  it("joins windows that touch into one stretch", () => {
    const sched: ZoneSchedule = {
      seasons: [],
      exceptions: [],
      windows: [
        { weekday: FRI, open: "18:00", close: "24:00" },
        { weekday: FRI + 1, open: "00:00", close: "01:00" },
      ],
    };
    expect(closesAt(sched, at("2026-12-04T23:00:00"))?.toISOString()).toBe(at("2026-12-05T01:00:00").toISOString());
  });

  it("open tonight ends with the city night at 05:00", () => {
    const morning: ZoneSchedule = {
      seasons: [],
      exceptions: [],
      windows: [0, 1, 2, 3, 4, 5, 6].map((weekday) => ({ weekday, open: "05:30", close: "09:00" })),
    };
    expect(openTonight(morning, at("2026-12-04T22:00:00"))).toBe(false);
    expect(openTonight(morning, at("2026-12-05T05:10:00"))).toBe(true);
  });

  it("describes the hours of each weekday", () => {
    expect(zoneHoursText(fridayLate.windows)[FRI]).toBe("18:00–次日02:00");
    expect(zoneHoursText(fridayLate.windows)[0]).toBe("休市");
  });

  it("formats time left", () => {
    expect(timeLeftText(90 * 60_000)).toBe("还有 1 小时 30 分钟收摊");
    expect(timeLeftText(59_999)).toBe("还有 0 分钟收摊");
  });
});

describe("zoneStatusAt, properties", () => {
  const window = fc.record({
    weekday: fc.integer({ min: 0, max: 6 }),
    open: fc.integer({ min: 0, max: 1439 }),
    close: fc.integer({ min: 0, max: 1440 }),
  });
  const hm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
  const schedule = fc.array(window, { minLength: 1, maxLength: 5 }).map(
    (ws): ZoneSchedule => ({
      seasons: [],
      exceptions: [],
      windows: ws.filter((w) => w.open !== w.close).map((w) => ({ weekday: w.weekday, open: hm(w.open), close: hm(w.close) })),
    }),
  );
  const instant = fc
    .integer({ min: Date.parse("2026-01-01T00:00:00Z"), max: Date.parse("2027-12-31T00:00:00Z") })
    .map((ms) => new Date(ms));

  it("open means a closing time after now; otherwise an opening time after now, and tonight iff open or opening soon", () => {
    fc.assert(
      fc.property(schedule, instant, (sched, t) => {
        const s = zoneStatusAt(sched, t);
        if (s.state === "open") {
          expect(Date.parse(s.closesAt ?? "")).toBeGreaterThan(t.getTime());
          expect(s.tonight).toBe(true);
        } else if (s.opensAt) {
          expect(Date.parse(s.opensAt)).toBeGreaterThan(t.getTime());
        }
        expect(s.tonight).toBe(s.state !== "closed");
        if (sched.windows.length > 0 && s.state !== "open") expect(s.opensAt).not.toBeNull();
      }),
    );
  });

  it("still open one minute before closing and closed (or reopening) at the closing instant", () => {
    fc.assert(
      fc.property(schedule, instant, (sched, t) => {
        const s = zoneStatusAt(sched, t);
        if (s.state !== "open" || !s.closesAt) return;
        const close = Date.parse(s.closesAt);
        expect(zoneStatusAt(sched, new Date(close - 60_000)).state).toBe("open");
        expect(zoneStatusAt(sched, new Date(close)).state).not.toBe("open");
      }),
    );
  });

  it("an exception on every date closes everything", () => {
    fc.assert(
      fc.property(schedule, instant, (sched, t) => {
        const closed = Array.from({ length: 20 }, (_, i) => ({
          date: new Date(t.getTime() + (i - 3) * 86_400_000).toISOString().slice(0, 10),
          reason: "x",
        }));
        const s = zoneStatusAt(sched, t, { closed });
        expect(s.state).toBe("closed");
      }),
    );
  });
});
