import { addCityDays, cityClock, cityDayStart, DEFAULT_CITY_ZONE } from "../time/cityTime";
import { minutesOf, PICKUP_DEFAULTS, PICKUP_WINDOWS, type PickupSettings } from "./settings";

/*
 * The pure booking rules: which dates are bookable at `now`, until when a booking may change, whether a
 * list of items is acceptable and how much of a truck it fills. Every cutoff is read in city time.
 */

/** "<district code>:<street name>", the key slots and bookings use for a 街道. */
export const pickupStreetCode = (street: { districtCode: string; name: string }): string => `${street.districtCode}:${street.name}`;

/** The instant `hhmm` city time on `date`. */
export function cityInstant(date: string, hhmm: string, zone: string = DEFAULT_CITY_ZONE): Date {
  const minutes = minutesOf(hhmm);
  if (minutes === null) throw new Error(`not a HH:MM time: ${hhmm}`);
  return new Date(cityDayStart(date, zone).getTime() + minutes * 60_000);
}

/**
 * The first and last bookable city dates at `now`: tomorrow (until the cutoff today; after it, the day
 * after tomorrow) up to `windowDays` ahead.
 */
export function bookableDates(now: Date, settings: PickupSettings = PICKUP_DEFAULTS, zone: string = DEFAULT_CITY_ZONE) {
  const clock = cityClock(now, zone);
  const pastCutoff = clock.minutes >= (minutesOf(settings.cutoff) ?? 0);
  return { first: addCityDays(clock.date, pastCutoff ? 2 : 1), last: addCityDays(clock.date, settings.windowDays) };
}

export function isBookableDate(
  date: string,
  now: Date,
  settings: PickupSettings = PICKUP_DEFAULTS,
  zone: string = DEFAULT_CITY_ZONE,
): boolean {
  const { first, last } = bookableDates(now, settings, zone);
  return date >= first && date <= last;
}

/** Cancel and amend stay open until `amendCutoff` city time on the day before collection. */
export function changeDeadline(date: string, settings: PickupSettings = PICKUP_DEFAULTS, zone: string = DEFAULT_CITY_ZONE): Date {
  return cityInstant(addCityDays(date, -1), settings.amendCutoff, zone);
}

/** When a window is over (after which a resident may say "not collected"). */
export const windowEnd = (date: string, window: "am" | "pm", zone: string = DEFAULT_CITY_ZONE): Date =>
  cityInstant(date, PICKUP_WINDOWS[window].end, zone);

/** The city year a collection date counts towards for the household quota. */
export const quotaYear = (date: string): string => date.slice(0, 4);

export interface CatalogueEntry {
  code: string;
  name: string;
  maxPerBooking: number;
  volumePoints: number;
  active: boolean;
}

export type ItemsCheck = { ok: true } | { ok: false; message: string; issues: { path: string; message: string }[] };

/** Known, active items, each within its per-booking maximum, at most `maxItems` in total, no code twice. */
export function checkItems(
  lines: readonly { code: string; qty: number }[],
  catalogue: readonly CatalogueEntry[],
  maxItems: number = PICKUP_DEFAULTS.maxItems,
): ItemsCheck {
  const issues: { path: string; message: string }[] = [];
  const seen = new Set<string>();
  let total = 0;
  lines.forEach((line, i) => {
    const entry = catalogue.find((e) => e.code === line.code);
    total += line.qty;
    if (seen.has(line.code)) issues.push({ path: `items.${i}.code`, message: `${line.code} is listed twice` });
    seen.add(line.code);
    if (!entry?.active) issues.push({ path: `items.${i}.code`, message: `unknown item ${line.code}` });
    else if (line.qty > entry.maxPerBooking) {
      issues.push({ path: `items.${i}.qty`, message: `too many of ${entry.name}: at most ${entry.maxPerBooking} per booking` });
    }
  });
  if (total > maxItems) issues.push({ path: "items", message: `too many items: at most ${maxItems} per booking` });
  if (issues.length === 0) return { ok: true };
  return { ok: false, message: issues.map((x) => x.message).join("; "), issues };
}

/** Volume points the lines take from a slot (unknown codes count nothing; check them first). */
export function volumeOf(lines: readonly { code: string; qty: number }[], catalogue: readonly CatalogueEntry[]): number {
  return lines.reduce((sum, l) => sum + l.qty * (catalogue.find((e) => e.code === l.code)?.volumePoints ?? 0), 0);
}

/** After this city time on its day, a job nobody finished is overdue for the bureau. */
export const PICKUP_OVERDUE_AFTER = "18:00";
const OPEN_STATUSES: readonly string[] = ["booked", "accepted", "arrived"];

/** A booking still open (booked, accepted, arrived) at or after 18:00 city time on its collection day. */
export function isPickupOverdue(b: { status: string; date: string }, now: Date, zone: string = DEFAULT_CITY_ZONE): boolean {
  return OPEN_STATUSES.includes(b.status) && now.getTime() >= cityInstant(b.date, PICKUP_OVERDUE_AFTER, zone).getTime();
}
