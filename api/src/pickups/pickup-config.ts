import { minutesOf, PICKUP_DEFAULTS, type PickupSettings } from "@civic/shared";
import { z } from "zod";

/* The bureau's pickup settings from the environment (PICKUP_*), defaults from shared/src/pickups/settings. */

const CityTime = z.string().refine((v) => minutesOf(v) !== null, { message: "a city time HH:MM" });

export const PICKUP_CONFIG_SHAPE = {
  /** Most items (sum of quantities) in one booking. */
  PICKUP_MAX_ITEMS: z.coerce.number().int().min(1).max(50).default(PICKUP_DEFAULTS.maxItems),
  /** Bookable from tomorrow up to this many days ahead. */
  PICKUP_WINDOW_DAYS: z.coerce.number().int().min(1).max(180).default(PICKUP_DEFAULTS.windowDays),
  /** Next-day booking closes at this city time. */
  PICKUP_CUTOFF: CityTime.default(PICKUP_DEFAULTS.cutoff),
  /** Cancel and amend close at this city time the day before collection. */
  PICKUP_AMEND_CUTOFF: CityTime.default(PICKUP_DEFAULTS.amendCutoff),
  /** Bookings per household (address) per city year. */
  PICKUP_YEARLY_QUOTA: z.coerce.number().int().min(1).max(365).default(PICKUP_DEFAULTS.yearlyQuota),
};

/** The names a host passes through (the Worker host lists every setting it reads). */
export const PICKUP_SETTING_NAMES = Object.keys(PICKUP_CONFIG_SHAPE) as (keyof typeof PICKUP_CONFIG_SHAPE)[];

type Parsed = { [K in keyof typeof PICKUP_CONFIG_SHAPE]: z.output<(typeof PICKUP_CONFIG_SHAPE)[K]> };

export const pickupSettingsOf = (e: Parsed): PickupSettings => ({
  maxItems: e.PICKUP_MAX_ITEMS,
  windowDays: e.PICKUP_WINDOW_DAYS,
  cutoff: e.PICKUP_CUTOFF,
  amendCutoff: e.PICKUP_AMEND_CUTOFF,
  yearlyQuota: e.PICKUP_YEARLY_QUOTA,
});
