/*
 * Pickup settings and their defaults (the bureau may override them through config). Times are city wall
 * clock ("HH:MM" in the city zone), never UTC: a resident reads 16:00 as 16:00 in Suzhou.
 */
export interface PickupSettings {
  /** Most items (sum of quantities) in one booking. */
  maxItems: number;
  /** Bookable from tomorrow up to this many days ahead. */
  windowDays: number;
  /** Next-day booking closes at this city time. */
  cutoff: string;
  /** Cancel and amend close at this city time on the day before collection. */
  amendCutoff: string;
  /** Bookings per household (address) per city year. */
  yearlyQuota: number;
}

export const PICKUP_DEFAULTS: PickupSettings = {
  maxItems: 5,
  windowDays: 28,
  cutoff: "16:00",
  amendCutoff: "14:00",
  yearlyQuota: 6,
};

/** The collection windows in city time: when a collector may arrive, and after which "not collected" may be reported. */
export const PICKUP_WINDOWS = {
  am: { start: "08:00", end: "12:00", label: "上午 8:00–12:00" },
  pm: { start: "13:00", end: "18:00", label: "下午 13:00–18:00" },
} as const;

/** "HH:MM" → minutes since midnight; null for anything else. */
export function minutesOf(hhmm: string): number | null {
  const m = /^([01]\d|2[0-3]):([0-5]\d)$/.exec(hhmm);
  return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}
