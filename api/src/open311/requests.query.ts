import { open311BadRequest } from "./errors";
import type { RequestFilter } from "./georeport.repo";

/*
 * GET requests.json's filters as the spec defines them: service_request_id (comma-separated; overrides
 * the rest), service_code (comma-separated), start_date/end_date (W3C datetimes with a zone, on
 * requested_datetime, at most 90 days apart, the last 90 days by default), status (open, closed).
 */
export const MAX_REQUESTS = 1000;
const DAY_MS = 86_400_000;
const WINDOW_DAYS = 90;
const W3C_DATETIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const ID = /^[A-Za-z0-9_-]{1,64}$/;
const CODE = /^[a-z][a-z0-9_]{0,39}$/;

function list(raw: string | null): string[] | undefined {
  if (raw === null) return undefined;
  const items = [...new Set(raw.split(",").map((s) => s.trim()))].filter((s) => s !== "");
  return items.length > 0 ? items : undefined;
}

function datetime(name: string, raw: string | null): number | undefined {
  if (raw === null || raw.trim() === "") return undefined;
  const text = raw.trim();
  const ms = Date.parse(text);
  if (!W3C_DATETIME.test(text) || Number.isNaN(ms)) {
    throw open311BadRequest(`${name} must be a W3C datetime with a time zone, e.g. 2026-11-02T08:15:30+08:00`);
  }
  return ms;
}

export function requestFilterOf(query: URLSearchParams, keyId: string | null, now: Date): RequestFilter {
  const ids = list(query.get("service_request_id"));
  if (ids) {
    if (ids.length > MAX_REQUESTS) throw open311BadRequest(`at most ${MAX_REQUESTS} service_request_id values at once`);
    const bad = ids.find((id) => !ID.test(id));
    if (bad !== undefined) throw open311BadRequest(`service_request_id ${JSON.stringify(bad.slice(0, 70))} is not a request id`);
    return { ids, keyId, limit: MAX_REQUESTS };
  }
  const serviceCodes = list(query.get("service_code"));
  if (serviceCodes && (serviceCodes.length > 50 || serviceCodes.some((c) => !CODE.test(c)))) {
    throw open311BadRequest("service_code must be service codes from services.json, comma-separated");
  }
  const states = list(query.get("status"));
  if (states?.some((s) => s !== "open" && s !== "closed"))
    throw open311BadRequest("status must be open or closed (or both, comma-separated)");
  const start = datetime("start_date", query.get("start_date"));
  const end = datetime("end_date", query.get("end_date"));
  const to = end ?? (start !== undefined ? start + WINDOW_DAYS * DAY_MS : now.getTime());
  const from = start ?? to - WINDOW_DAYS * DAY_MS;
  if (to < from) throw open311BadRequest("end_date is before start_date");
  if (to - from > WINDOW_DAYS * DAY_MS) throw open311BadRequest(`start_date and end_date may not span more than ${WINDOW_DAYS} days`);
  return {
    ...(serviceCodes ? { serviceCodes } : {}),
    from: new Date(from).toISOString(),
    to: new Date(to).toISOString(),
    ...(states?.length === 1 ? { state: states[0] as "open" | "closed" } : {}),
    keyId,
    limit: MAX_REQUESTS,
  };
}
