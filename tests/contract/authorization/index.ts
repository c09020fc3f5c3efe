import { AUTH_ROWS } from "./auth";
import { FINDERS_ROWS } from "./finders";
import { GUIDE_ROWS } from "./guide";
import { MARKETS_ROWS } from "./markets";
import { OPEN311_ROWS } from "./open311";
import { PARKING_ROWS } from "./parking";
import { PICKUPS_ROWS } from "./pickups";
import { PLATFORM_ROWS } from "./platform";
import { POINTS_ROWS } from "./points";
import { REPORTS_ROWS } from "./reports";
import { REWARDS_ROWS } from "./rewards";
import { SORTING_ROWS } from "./sorting";
import type { Rows } from "./table";

/** Every row, in the order the runner calls them (one fixture serves all: a release comes before the collector's day). */
export const AUTHORIZATION: Rows = {
  ...SORTING_ROWS,
  ...PICKUPS_ROWS,
  ...GUIDE_ROWS,
  ...POINTS_ROWS,
  ...AUTH_ROWS,
  ...FINDERS_ROWS,
  ...MARKETS_ROWS,
  ...REPORTS_ROWS,
  ...REWARDS_ROWS,
  ...PLATFORM_ROWS,
  ...OPEN311_ROWS,
  ...PARKING_ROWS,
};
