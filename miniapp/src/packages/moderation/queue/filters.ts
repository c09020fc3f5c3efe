import type { ReportStatus } from "@civic/shared";
import { SUZHOU_DISTRICTS } from "../../../finders/districts";
import type { QueueQueryParams } from "../api";

/* The queue's filters and the query they send (GET /api/v1/moderation/reports). */

export const QUEUE_PAGE_SIZE = 20;

export interface QueueFilters {
  /** null: every status that still needs the bureau (the API's default). */
  status: ReportStatus | null;
  category: string | null;
  /** One of SUZHOU_DISTRICTS' ids. */
  district: string | null;
  overdue: boolean;
  held: boolean;
}

export const NO_FILTERS: QueueFilters = { status: null, category: null, district: null, overdue: false, held: false };

/** The finder's district names are short for residents; reports carry the city's official names. */
const OFFICIAL_DISTRICT_NAMES: Record<string, string> = { yuanqu: "苏州工业园区", huqiu: "虎丘区" };

export const districtFilterValue = (id: string): string | undefined =>
  OFFICIAL_DISTRICT_NAMES[id] ?? SUZHOU_DISTRICTS.find((d) => d.id === id)?.name;

export function queueQuery(filters: QueueFilters, offset: number): QueueQueryParams {
  return {
    status: filters.status ?? undefined,
    category: filters.category ?? undefined,
    district: filters.district ? districtFilterValue(filters.district) : undefined,
    overdue: filters.overdue,
    held: filters.held,
    limit: QUEUE_PAGE_SIZE,
    offset,
  };
}

export const filtersKey = (f: QueueFilters): string => [f.status, f.category, f.district, f.overdue, f.held].join("|");
