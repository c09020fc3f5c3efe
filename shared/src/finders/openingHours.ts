import { z } from "zod";
import { type CityClock, cityClock, DEFAULT_CITY_ZONE } from "../time/cityTime";

/*
 * A week of opening hours. `days[0]` is Monday. Each day lists intervals; an interval whose close is not
 * after its open runs past midnight into the next day ("18:00"-"02:00"). "00:00"-"24:00" is all day.
 * An empty day is closed. `always` is 24 h every day; `unknown` means nobody has checked.
 */
const HHMM = /^(([01]\d|2[0-3]):[0-5]\d|24:00)$/;
export const TimeOfDay = z.string().regex(HHMM, "time must be HH:MM between 00:00 and 24:00");

export const OpeningInterval = z
  .strictObject({ open: TimeOfDay, close: TimeOfDay })
  .refine((i) => i.open !== i.close, { message: "open and close must differ" })
  .refine((i) => i.open !== "24:00", { message: "an interval cannot open at 24:00" });
export type OpeningInterval = z.infer<typeof OpeningInterval>;

export const OpeningHours = z
  .discriminatedUnion("kind", [
    z.strictObject({ kind: z.literal("always") }),
    z.strictObject({ kind: z.literal("unknown") }),
    z.strictObject({
      kind: z.literal("weekly"),
      days: z.array(z.array(OpeningInterval).max(4)).length(7),
    }),
  ])
  .meta({ id: "OpeningHours" });
export type OpeningHours = z.infer<typeof OpeningHours>;

export const OPEN_STATES = ["open", "closed", "unknown"] as const;
export const OpenState = z.enum(OPEN_STATES);
export type OpenState = z.infer<typeof OpenState>;

export const toMinutes = (hhmm: string) => Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3, 5));

/**
 * The minutes of `weekday` that are open, as [start, end) pairs: that day's intervals capped at midnight,
 * plus the previous day's intervals that run past midnight. The one rule every open-now judgement uses.
 */
function openRanges(days: readonly (readonly OpeningInterval[])[], weekday: number): number[] {
  const pairs: number[] = [];
  for (const i of days[weekday] ?? []) {
    const open = toMinutes(i.open);
    const close = toMinutes(i.close);
    pairs.push(open, close > open ? close : 24 * 60);
  }
  for (const i of days[(weekday + 6) % 7] ?? []) {
    const open = toMinutes(i.open);
    const close = toMinutes(i.close);
    if (close < open) pairs.push(0, close);
  }
  return pairs;
}

function withinRanges(ranges: ArrayLike<number>, minutes: number): boolean {
  for (let i = 0; i + 1 < ranges.length; i += 2) {
    if (minutes >= (ranges[i] as number) && minutes < (ranges[i + 1] as number)) return true;
  }
  return false;
}

/** Open, closed or unknown at `instant`, judged on the city's wall clock. */
export function openNow(hours: OpeningHours, instant: Date, zone: string = DEFAULT_CITY_ZONE): OpenState {
  return openAt(hours, cityClock(instant, zone));
}

/** Same as openNow for a wall-clock time already read (one read serves a whole result list). */
export function openAt(hours: OpeningHours, { weekday, minutes }: CityClock): OpenState {
  if (hours.kind !== "weekly") return hours.kind === "always" ? "open" : "unknown";
  return withinRanges(openRanges(hours.days, weekday), minutes) ? "open" : "closed";
}

/**
 * Opening hours with each weekday's open ranges worked out ahead, for judging many places in a hot loop
 * (the in-memory nearby search). Judges exactly as openAt does.
 */
export type CompiledHours = "always" | "unknown" | readonly Int16Array[];

export function compileHours(hours: OpeningHours): CompiledHours {
  if (hours.kind !== "weekly") return hours.kind;
  return hours.days.map((_, weekday) => Int16Array.from(openRanges(hours.days, weekday)));
}

export function openAtCompiled(hours: CompiledHours, { weekday, minutes }: CityClock): OpenState {
  if (hours === "unknown" || hours === "always") return hours === "always" ? "open" : "unknown";
  return withinRanges(hours[weekday] ?? [], minutes) ? "open" : "closed";
}

/** Same hours every day of the week. */
export function everyDay(...intervals: OpeningInterval[]): OpeningHours {
  return { kind: "weekly", days: Array.from({ length: 7 }, () => intervals.map((i) => ({ ...i }))) };
}

export const WEEKDAY_NAMES_ZH = ["周一", "周二", "周三", "周四", "周五", "周六", "周日"] as const;

/** Human text for one day, in Chinese, e.g. "06:00–22:00" / "休息" / "24小时". */
export function describeDay(intervals: readonly OpeningInterval[]): string {
  if (intervals.length === 0) return "休息";
  return intervals
    .map((i) => {
      if (i.open === "00:00" && i.close === "24:00") return "24小时";
      const overnight = toMinutes(i.close) < toMinutes(i.open);
      return `${i.open}–${overnight ? "次日" : ""}${i.close}`;
    })
    .join("，");
}
