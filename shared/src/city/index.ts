import type { CityConfig, CityNames } from "./schema";
import { SUZHOU_BOUNDARIES } from "./suzhou.boundaries";
import { SUZHOU_NAMES } from "./suzhou.names";

export * from "./districtName";
export * from "./pointInPolygon";
export * from "./resolve";
export * from "./schema";
export { SUZHOU_BOUNDARIES } from "./suzhou.boundaries";
export { SUZHOU_NAMES } from "./suzhou.names";
export * from "./waste-classes";

/** Suzhou, with its boundaries: for resolving a point to its district and street. */
export const SUZHOU_CITY: CityConfig = { ...SUZHOU_NAMES, boundaries: SUZHOU_BOUNDARIES };

/**
 * The city this deployment serves. Pages that only need names (pickers, labels) use DEFAULT_CITY_NAMES,
 * which carries no polygons.
 */
export const DEFAULT_CITY: CityConfig = SUZHOU_CITY;
export const DEFAULT_CITY_NAMES: CityNames = SUZHOU_NAMES;
