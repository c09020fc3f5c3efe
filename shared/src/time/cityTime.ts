/**
 * The one place that turns an instant into the city's wall-clock time. Every "open now", cutoff, slot and
 * day boundary goes through here, so the zone (Asia/Shanghai for the demo city) is a setting, not a habit.
 */
export const DEFAULT_CITY_ZONE = "Asia/Shanghai";

export interface CityClock {
  /** Calendar date in the city, YYYY-MM-DD. */
  date: string;
  /** 0 = Monday ... 6 = Sunday. */
  weekday: number;
  /** Minutes since local midnight, 0..1439. */
  minutes: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(zone: string): Intl.DateTimeFormat {
  let f = formatters.get(zone);
  if (!f) {
    f = new Intl.DateTimeFormat("en-US", {
      timeZone: zone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      weekday: "short",
    });
    formatters.set(zone, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Mon: 0, Tue: 1, Wed: 2, Thu: 3, Fri: 4, Sat: 5, Sun: 6 };

/** Wall-clock readings repeat within a minute; the last one per zone is kept (formatToParts is slow). */
const lastReading = new Map<string, { minute: number; clock: CityClock }>();

export function cityClock(instant: Date, zone: string = DEFAULT_CITY_ZONE): CityClock {
  const minute = Math.floor(instant.getTime() / 60_000);
  const last = lastReading.get(zone);
  if (last && last.minute === minute) return last.clock;
  const clock = readCityClock(instant, zone);
  lastReading.set(zone, { minute, clock });
  return clock;
}

function readCityClock(instant: Date, zone: string): CityClock {
  const parts: Record<string, string> = {};
  for (const p of formatterFor(zone).formatToParts(instant)) parts[p.type] = p.value;
  const weekday = WEEKDAYS[parts.weekday ?? ""];
  if (weekday === undefined) throw new Error(`cannot read weekday for zone ${zone}`);
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    weekday,
    minutes: Number(parts.hour) * 60 + Number(parts.minute),
  };
}

/** True when the zone name is one the runtime knows. */
export function isValidZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: zone });
    return true;
  } catch {
    return false;
  }
}

/** The instant a city date (YYYY-MM-DD) begins in the zone. */
export function cityDayStart(date: string, zone: string = DEFAULT_CITY_ZONE): Date {
  const naive = Date.parse(`${date}T00:00:00Z`);
  let start = naive;
  // Two rounds settle the offset even across a daylight-saving change.
  for (let i = 0; i < 2; i++) {
    const c = readCityClock(new Date(start), zone);
    const shownAsUtc = Date.parse(`${c.date}T00:00:00Z`) + c.minutes * 60_000;
    start += naive - shownAsUtc;
  }
  return new Date(start);
}

/** A city date `days` later (or earlier), YYYY-MM-DD. */
export function addCityDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}
