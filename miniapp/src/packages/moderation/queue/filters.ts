import { REPORT_STATUS_LABELS, type ReportStatus } from "@civic/shared";
import { CITY_DISTRICTS } from "../../../city/districts";
import type { QueueQueryParams } from "../api";

/* The queue's filters and the query they send (GET /api/v1/moderation/reports). */

export const QUEUE_PAGE_SIZE = 20;

export interface QueueFilters {
  /** null: every status that still needs the bureau (the API's default). */
  status: ReportStatus | null;
  category: string | null;
  /** One of CITY_DISTRICTS' ids (slugs). */
  district: string | null;
  overdue: boolean;
  held: boolean;
  /** Street-vending reports filed in (within) or near an open vending zone. */
  vendingZone: "within" | "near" | null;
}

export const NO_FILTERS: QueueFilters = { status: null, category: null, district: null, overdue: false, held: false, vendingZone: null };

export const VENDING_ZONE_FILTER_LABELS = { within: "摊区内", near: "摊区旁" } as const;

/** The API filters by the district's code, the key that survives a renamed district. */
export const districtFilterValue = (id: string): string | undefined => CITY_DISTRICTS.find((d) => d.id === id)?.code;

export function queueQuery(filters: QueueFilters, offset: number): QueueQueryParams {
  return {
    status: filters.status ?? undefined,
    category: filters.category ?? undefined,
    district: filters.district ? districtFilterValue(filters.district) : undefined,
    overdue: filters.overdue,
    held: filters.held,
    vendingZone: filters.vendingZone ?? undefined,
    limit: QUEUE_PAGE_SIZE,
    offset,
  };
}

export const filtersKey = (f: QueueFilters): string => [f.status, f.category, f.district, f.overdue, f.held, f.vendingZone].join("|");

/** The folded panel's one line: what the queue shows now, e.g. "处置中 · 超期 · 路灯不亮 · 工业园区". */
export function queueFilterSummary(f: QueueFilters, categoryName: string | null): string {
  const district = f.district ? CITY_DISTRICTS.find((d) => d.id === f.district)?.name : null;
  return [
    f.status ? REPORT_STATUS_LABELS[f.status] : "全部待办",
    ...(f.overdue ? ["超期"] : []),
    ...(f.held ? ["待人工复核"] : []),
    ...(f.vendingZone ? [VENDING_ZONE_FILTER_LABELS[f.vendingZone]] : []),
    categoryName ?? "全部分类",
    district ?? "全市",
  ].join(" · ");
}
