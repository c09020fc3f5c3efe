import { type CityDistrict, DEFAULT_CITY, findDistrict, nearestDistrict, resolvePlace } from "@civic/shared";
import { and, eq, isNull, or, type SQL } from "drizzle-orm";
import { reports } from "../db/schema";

/*
 * Reports and the configured city (shared/src/city): which district a filed point belongs to, and how the
 * queue filters and the KPIs name a district. Codes are the key; the official name stays on the row so it
 * reads well in exports and Open311.
 */

/**
 * The district whose boundary contains the point. The boundaries are simplified, so a point just outside
 * every one (a riverbank, the lake shore) goes to the district with the nearest centre rather than to none.
 */
export function districtOf(p: { lat: number; lng: number }): CityDistrict {
  return resolvePlace(DEFAULT_CITY, p)?.district ?? nearestDistrict(DEFAULT_CITY, p);
}

/** Rows of a district: by code, or by official name on rows filed before codes were stored. */
export function inDistrict(key: string): SQL | undefined {
  const d = findDistrict(DEFAULT_CITY, key);
  if (!d) return undefined;
  return or(eq(reports.districtCode, d.code), and(isNull(reports.districtCode), eq(reports.district, d.name)));
}

/** A KPI group for a row: the district's code and official name from the one list, whatever the row holds. */
export function districtGroup(row: { districtCode: string | null; district: string }): { key: string; label: string } {
  const d = (row.districtCode && findDistrict(DEFAULT_CITY, row.districtCode)) || findDistrict(DEFAULT_CITY, row.district);
  return d ? { key: d.code, label: d.name } : { key: row.district, label: row.district };
}
