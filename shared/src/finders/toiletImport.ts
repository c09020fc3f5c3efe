import Papa from "papaparse";
import { wgs84ToGcj02 } from "../geo/gcj02";
import { parseHoursText } from "./hoursText";
import { type ImportRowError, ToiletInput, type ToiletRecordInput } from "./toilets";

export const MAX_IMPORT_ROWS = 5_000;

export type ParsedImport = { ok: true; rows: ToiletRecordInput[] } | { ok: false; errors: ImportRowError[] };

const BOOLEAN_TEXT: Record<string, boolean> = {
  true: true,
  yes: true,
  "1": true,
  是: true,
  false: false,
  no: false,
  "0": false,
  否: false,
  "": false,
};

function coerceRow(raw: Record<string, unknown>): Record<string, unknown> | { hoursError: string } {
  const row: Record<string, unknown> = { ...raw };
  for (const key of ["free", "accessible", "thirdToilet", "babyCare"]) {
    const v = row[key];
    if (typeof v === "string") row[key] = BOOLEAN_TEXT[v.trim().toLowerCase()] ?? v;
  }
  for (const key of ["lat", "lng", "stalls"]) {
    const v = row[key];
    if (typeof v === "string") row[key] = v.trim() === "" ? (key === "stalls" ? null : v) : Number(v);
  }
  for (const key of ["feeNote", "managingUnit", "lastVerified", "sourceRef"]) {
    if (row[key] === "") row[key] = null;
  }
  if (typeof row.hours === "string" || row.hours === undefined) {
    const parsed = parseHoursText(typeof row.hours === "string" ? row.hours : "");
    if (!parsed.ok) return { hoursError: parsed.message };
    row.hours = parsed.hours;
  }
  return row;
}

function validateRows(rawRows: Record<string, unknown>[], coordinates: "gcj02" | "wgs84", firstRow: number): ParsedImport {
  const errors: ImportRowError[] = [];
  const rows: ToiletRecordInput[] = [];
  rawRows.forEach((raw, index) => {
    const rowNumber = index + firstRow;
    const coerced = coerceRow(raw);
    if ("hoursError" in coerced) {
      errors.push({ row: rowNumber, field: "hours", message: coerced.hoursError as string });
      return;
    }
    const parsed = ToiletInput.safeParse(coerced);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row: rowNumber, field: issue.path.join(".") || "(row)", message: issue.message });
      }
      return;
    }
    const toilet = parsed.data;
    if (coordinates === "wgs84") {
      const g = wgs84ToGcj02({ lat: toilet.lat, lng: toilet.lng });
      toilet.lat = g.lat;
      toilet.lng = g.lng;
    }
    rows.push(toilet);
  });
  const seen = new Map<string, number>();
  rows.forEach((r, i) => {
    if (!r.sourceRef) return;
    const prior = seen.get(r.sourceRef);
    if (prior !== undefined) errors.push({ row: i + firstRow, field: "sourceRef", message: `duplicates row ${prior}` });
    else seen.set(r.sourceRef, i + firstRow);
  });
  if (rows.length + errors.length === 0) errors.push({ row: 0, field: "(file)", message: "no rows to import" });
  return errors.length > 0 ? { ok: false, errors } : { ok: true, rows };
}

/** CSV with a header row of ToiletInput field names; row numbers in errors count the header as row 1. */
export function parseToiletCsv(content: string, coordinates: "gcj02" | "wgs84"): ParsedImport {
  const result = Papa.parse<Record<string, string>>(content.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim(),
  });
  if (result.errors.length > 0) {
    return {
      ok: false,
      errors: result.errors.map((e) => ({ row: (e.row ?? -1) + 2, field: "(csv)", message: e.message })),
    };
  }
  if (result.data.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ row: 0, field: "(file)", message: `at most ${MAX_IMPORT_ROWS} rows per import` }] };
  }
  return validateRows(result.data, coordinates, 2);
}

/** GeoJSON FeatureCollection of Points; properties carry ToiletInput fields. Row numbers are 1-based features. */
export function parseToiletGeoJson(content: string, coordinates: "gcj02" | "wgs84"): ParsedImport {
  let doc: unknown;
  try {
    doc = JSON.parse(content);
  } catch {
    return { ok: false, errors: [{ row: 0, field: "(file)", message: "not valid JSON" }] };
  }
  const features = (doc as { type?: unknown; features?: unknown })?.features;
  if ((doc as { type?: unknown })?.type !== "FeatureCollection" || !Array.isArray(features)) {
    return { ok: false, errors: [{ row: 0, field: "(file)", message: "expected a GeoJSON FeatureCollection" }] };
  }
  if (features.length > MAX_IMPORT_ROWS) {
    return { ok: false, errors: [{ row: 0, field: "(file)", message: `at most ${MAX_IMPORT_ROWS} features per import` }] };
  }
  const geometryErrors: ImportRowError[] = [];
  const rawRows = features.map((f: unknown, i) => {
    const feature = f as { geometry?: { type?: unknown; coordinates?: unknown }; properties?: unknown };
    const coords = feature?.geometry?.coordinates;
    if (feature?.geometry?.type !== "Point" || !Array.isArray(coords) || coords.length < 2) {
      geometryErrors.push({ row: i + 1, field: "geometry", message: "expected a Point geometry" });
    }
    const props = (typeof feature?.properties === "object" && feature.properties) || {};
    const [lng, lat] = Array.isArray(coords) ? coords : [];
    return { ...(props as Record<string, unknown>), lat, lng };
  });
  const parsed = validateRows(rawRows, coordinates, 1);
  if (geometryErrors.length === 0) return parsed;
  const rowErrors = parsed.ok ? [] : parsed.errors.filter((e) => !geometryErrors.some((g) => g.row === e.row));
  return { ok: false, errors: [...geometryErrors, ...rowErrors].sort((a, b) => a.row - b.row) };
}
