import {
  type Category,
  caseNumberOf,
  coarsen,
  gcj02ToWgs84,
  open311Status,
  REJECT_REASON_LABELS,
  REPORT_STATUS_LABELS,
  type RejectReason,
} from "@civic/shared";
import type { ReportRow } from "../reports/reports.repo";
import { publicText } from "../reports/views";

/* Our categories and reports in GeoReport v2's shapes and field names (wiki.open311.org/GeoReport_v2). */

export function serviceOf(category: Category) {
  return {
    service_code: category.code,
    service_name: category.name,
    description: category.description,
    metadata: category.attributes.length > 0,
    type: "realtime" as const,
    keywords: category.keywords.join(","),
    group: category.groupName,
  };
}

export function serviceDefinitionOf(category: Category) {
  return {
    service_code: category.code,
    attributes: category.attributes.map((a, i) => ({
      variable: true,
      code: a.code,
      datatype: a.datatype,
      required: a.required,
      datatype_description: a.hint || null,
      order: i + 1,
      description: a.label,
      values: a.values.map((v) => ({ key: v.key, name: v.name })),
    })),
  };
}

/** What the bureau promises when a request arrives or is listed. */
/**
 * GeoReport v2's free-text notice. It also carries the case number (案件编号): service_request_id stays the
 * random id (stable, what clients poll by), and the citizen's description is never altered.
 */
export const serviceNotice = (report: { slaHours: number; caseDay: string | null; caseSeq: number | null }) => {
  const number = caseNumberOf(report);
  return `${number ? `案件编号 ${number}；` : ""}城管部门受理后 ${report.slaHours} 小时内办结`;
};

const round6 = (v: number) => Math.round(v * 1e6) / 1e6;

/** WGS-84 for Open311; coarsened (~100 m, like the public map) for everyone but the key that filed it. */
export function wgs84Of(report: Pick<ReportRow, "lat" | "lng">, exact: boolean): { lat: number; long: number } {
  const p = gcj02ToWgs84(exact ? { lat: report.lat, lng: report.lng } : coarsen(report));
  return { lat: round6(p.lat), long: round6(p.lng) };
}

/** Public status notes: the outcome the bureau published, else the status itself. */
export function publicStatusNotes(report: ReportRow): string {
  const { status } = report;
  const label = REPORT_STATUS_LABELS[status] ?? status;
  if (status === "rejected" && report.rejectReason)
    return `${label}：${REJECT_REASON_LABELS[report.rejectReason as RejectReason] ?? report.rejectReason}`;
  if ((status === "resolved" || status === "closed") && report.resolutionNote) return `${label}：${report.resolutionNote}`;
  return label;
}

export interface RequestView {
  report: ReportRow;
  serviceName: string;
  defaultDepartment: string;
  /** The client's own request (filed with the api_key it presents). */
  own: boolean;
  /** The latest note of a status change, for the filing key only. */
  ownNote: string | null;
  mediaUrl: string | null;
}

export function serviceRequestOf(v: RequestView) {
  const { report, own } = v;
  const { status } = report;
  return {
    service_request_id: report.id,
    status: open311Status(status),
    status_notes: own && v.ownNote ? `${REPORT_STATUS_LABELS[status] ?? status}：${v.ownNote}` : publicStatusNotes(report),
    service_name: v.serviceName,
    service_code: report.categoryCode,
    description: own ? report.description : (publicText(report) ?? ""),
    agency_responsible: report.department ?? v.defaultDepartment,
    service_notice: serviceNotice(report),
    requested_datetime: report.createdAt,
    updated_datetime: report.updatedAt,
    expected_datetime: report.slaDueAt,
    // Like the coarsened point: the typed address only to the key that filed it, the district to others.
    address: own ? report.address : report.district,
    address_id: null,
    zipcode: null,
    ...wgs84Of(report, own),
    media_url: v.mediaUrl,
  };
}
export type ServiceRequest = ReturnType<typeof serviceRequestOf>;
