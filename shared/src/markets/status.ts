import { toMinutes, WEEKDAY_NAMES_ZH } from "../finders/openingHours";
import { addCityDays, cityClock, cityDayStart, DEFAULT_CITY_ZONE } from "../time/cityTime";
import type { ZoneException, ZoneSeason, ZoneStatus, ZoneWindow } from "./schemas";

/*
 * When a zone trades, judged on the city's wall clock. The rules, in one place:
 * - A window belongs to the date it opens on; its close, if not after its open, is on the next day. So a
 *   Friday 18:00-02:00 window is open at 01:00 on Saturday.
 * - The city night of date D runs from D 05:00 to D+1 05:00. "Tonight" means: open now, or opening before
 *   the current city night ends.
 * - Seasons, exception dates and suspensions all judge a night by the date it STARTS on: a suspension of
 *   Saturday cancels Saturday evening's market, not the Friday market still running at 01:00 on Saturday.
 * - Window times are added to the city day's start in minutes (the demo city has no daylight saving).
 */

export interface ZoneSchedule {
  seasons: readonly ZoneSeason[];
  windows: readonly ZoneWindow[];
  exceptions: readonly ZoneException[];
}

/** A date closed by an admin's suspension (same effect as an exception date). */
export interface ClosedDate {
  date: string;
  reason: string;
}

export interface ZoneStatusOptions {
  /** Suspensions in force, in addition to the schedule's exceptions. */
  closed?: readonly ClosedDate[];
  zone?: string;
}

/** Minutes after midnight when the city night ends. */
export const CITY_NIGHT_ENDS_MIN = 5 * 60;
/** How far ahead the next opening is looked for. */
const LOOKAHEAD_DAYS = 14;
const MINUTE = 60_000;

/** 0 = Monday ... 6 = Sunday, for a calendar date. */
export function weekdayOf(date: string): number {
  return (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
}

/** Whether a date (YYYY-MM-DD) falls in one of the seasons; no seasons means all year. */
export function inSeason(date: string, seasons: readonly ZoneSeason[]): boolean {
  if (seasons.length === 0) return true;
  const md = date.slice(5);
  return seasons.some((s) => (s.start <= s.end ? md >= s.start && md <= s.end : md >= s.start || md <= s.end));
}

interface Occurrence {
  start: number;
  end: number;
}

function occurrencesStarting(date: string, schedule: ZoneSchedule, closed: ReadonlyMap<string, string>, zone: string): Occurrence[] {
  if (closed.has(date) || !inSeason(date, schedule.seasons)) return [];
  const weekday = weekdayOf(date);
  const dayStart = cityDayStart(date, zone).getTime();
  const out: Occurrence[] = [];
  for (const w of schedule.windows) {
    if (w.weekday !== weekday) continue;
    const open = toMinutes(w.open);
    const close = toMinutes(w.close);
    out.push({ start: dayStart + open * MINUTE, end: dayStart + (close > open ? close : close + 1440) * MINUTE });
  }
  return out;
}

/** The city date whose night `instant` belongs to (the date of `instant` minus five hours). */
export function nightDateOf(instant: Date, zone: string = DEFAULT_CITY_ZONE): string {
  return cityClock(new Date(instant.getTime() - CITY_NIGHT_ENDS_MIN * MINUTE), zone).date;
}

const hhmm = (ms: number, zone: string) => {
  const m = cityClock(new Date(ms), zone).minutes;
  return `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;
};

/** "还有 2 小时收摊", "还有 1 小时 30 分钟收摊", "还有 25 分钟收摊" (whole minutes, rounded down). */
export function timeLeftText(ms: number): string {
  const minutes = Math.max(0, Math.floor(ms / MINUTE));
  if (minutes < 60) return `还有 ${minutes} 分钟收摊`;
  const h = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0 ? `还有 ${h} 小时收摊` : `还有 ${h} 小时 ${rest} 分钟收摊`;
}

/** Open now, opening later tonight, or closed, with when it closes or opens and the text a resident reads. */
export function zoneStatusAt(schedule: ZoneSchedule, at: Date, opts: ZoneStatusOptions = {}): ZoneStatus {
  const zone = opts.zone ?? DEFAULT_CITY_ZONE;
  const closed = new Map<string, string>();
  for (const e of schedule.exceptions) closed.set(e.date, e.reason);
  for (const c of opts.closed ?? []) closed.set(c.date, c.reason);
  const t = at.getTime();
  const today = cityClock(at, zone).date;
  const nightDate = nightDateOf(at, zone);
  const nightEnds = cityDayStart(addCityDays(nightDate, 1), zone).getTime() + CITY_NIGHT_ENDS_MIN * MINUTE;
  const occurrences: Occurrence[] = [];
  for (let d = -1; d <= LOOKAHEAD_DAYS; d++) occurrences.push(...occurrencesStarting(addCityDays(today, d), schedule, closed, zone));
  occurrences.sort((a, b) => a.start - b.start);

  let end = -Infinity;
  for (const o of occurrences) if (o.start <= t && t < o.end) end = Math.max(end, o.end);
  if (end > t) {
    // Windows that touch or overlap (e.g. 18:00-24:00 then 00:00-02:00) are one stretch of trading.
    for (const o of occurrences) if (o.start <= end && o.end > end) end = o.end;
    return {
      state: "open",
      closesAt: new Date(end).toISOString(),
      opensAt: null,
      tonight: true,
      text: timeLeftText(end - t),
      closedReason: null,
    };
  }
  const next = occurrences.find((o) => o.start > t);
  const opensAt = next ? new Date(next.start).toISOString() : null;
  const closedReason = closed.get(nightDate) ?? null;
  if (next && next.start < nightEnds) {
    return { state: "opens_later", closesAt: null, opensAt, tonight: true, text: `${hhmm(next.start, zone)} 开市`, closedReason };
  }
  let text = "休市";
  if (closedReason) text = `今晚暂停：${closedReason}`;
  else if (next) text = `${WEEKDAY_NAMES_ZH[cityClock(new Date(next.start), zone).weekday]} ${hhmm(next.start, zone)} 开市`;
  return { state: "closed", closesAt: null, opensAt, tonight: false, text, closedReason };
}

/** When the zone closes, if it is open at `at`. */
export function closesAt(schedule: ZoneSchedule, at: Date, opts: ZoneStatusOptions = {}): Date | null {
  const s = zoneStatusAt(schedule, at, opts);
  return s.closesAt ? new Date(s.closesAt) : null;
}

/** Open now or opening before the city night ends. */
export function openTonight(schedule: ZoneSchedule, at: Date, opts: ZoneStatusOptions = {}): boolean {
  return zoneStatusAt(schedule, at, opts).tonight;
}

/** Per weekday (Monday first): "18:00–次日02:00，…" or "休市". */
export function zoneHoursText(windows: readonly ZoneWindow[]): string[] {
  return WEEKDAY_NAMES_ZH.map((_, weekday) => {
    const day = windows.filter((w) => w.weekday === weekday).sort((a, b) => a.open.localeCompare(b.open));
    if (day.length === 0) return "休市";
    return day.map((w) => `${w.open}–${toMinutes(w.close) <= toMinutes(w.open) ? "次日" : ""}${w.close}`).join("，");
  });
}
