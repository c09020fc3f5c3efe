import {
  type AttributeValues,
  AttributeValues as AttributeValuesSchema,
  type CategoryAttribute,
  coarsen,
  MAX_DESCRIPTION_CHARS,
  wgs84ToGcj02,
} from "@civic/shared";
import type { HonoRequest } from "hono";
import type { NewReport } from "../reports/reports.service";
import { open311BadRequest } from "./errors";

/*
 * POST requests.json arrives form-encoded (or multipart) as the spec sends it: api_key, service_code,
 * lat/long (WGS-84), address_string, description, attribute[code]=v and attribute[code][]=v. Personal
 * fields (email, names, phone, device_id, account_id) and media_url are accepted and never stored.
 */
export interface Open311Submission {
  fields: Map<string, string>;
  /** attribute code → the values sent, in order. */
  attributes: Map<string, string[]>;
}

const ATTRIBUTE_KEY = /^attribute\[([^\]]+)\](\[\])?$/;

export async function readSubmission(req: HonoRequest): Promise<Open311Submission> {
  const type = req.header("content-type") ?? "";
  let entries: [string, string][];
  if (/^application\/x-www-form-urlencoded\b/i.test(type)) {
    // Decoded from bytes: workerd warns on .text() of a body it does not consider text.
    entries = [...new URLSearchParams(new TextDecoder().decode(await req.arrayBuffer()))];
  } else if (/^multipart\/form-data\b/i.test(type)) {
    let form: FormData;
    try {
      form = await req.raw.formData();
    } catch {
      throw open311BadRequest("the multipart/form-data body could not be read");
    }
    entries = [];
    // Files (photos) are not taken through Open311; only text fields count.
    form.forEach((value, key) => {
      if (typeof value === "string") entries.push([key, value]);
    });
  } else {
    throw open311BadRequest("send the request as application/x-www-form-urlencoded (or multipart/form-data)");
  }
  const fields = new Map<string, string>();
  const attributes = new Map<string, string[]>();
  for (const [key, value] of entries) {
    const attribute = ATTRIBUTE_KEY.exec(key);
    if (attribute?.[1]) attributes.set(attribute[1], [...(attributes.get(attribute[1]) ?? []), value]);
    else if (!fields.has(key)) fields.set(key, value);
  }
  return { fields, attributes };
}

function coordinate(name: string, raw: string, limit: number): number {
  const text = raw.trim();
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(text)) throw open311BadRequest(`${name} must be a decimal number of degrees (WGS-84)`);
  const value = Number(text);
  if (Math.abs(value) > limit) throw open311BadRequest(`${name} must be between -${limit} and ${limit}`);
  return value;
}

/** The WGS-84 point sent; this service needs one (an address alone is not geocoded). */
export function pointOf(s: Open311Submission): { lat: number; long: number } {
  const lat = s.fields.get("lat")?.trim();
  const long = s.fields.get("long")?.trim();
  if (!lat || !long) {
    throw open311BadRequest(
      s.fields.get("address_string")?.trim()
        ? "lat and long (WGS-84) are required: this service places every request on the map and does not geocode address_string"
        : "lat and long (WGS-84) are required",
    );
  }
  return { lat: coordinate("lat", lat, 85), long: coordinate("long", long, 180) };
}

function attributeValues(s: Open311Submission, definitions: readonly CategoryAttribute[]): AttributeValues {
  const byCode = new Map(definitions.map((a) => [a.code, a]));
  const values: Record<string, string | number | string[]> = {};
  for (const [code, sent] of s.attributes) {
    const datatype = byCode.get(code)?.datatype;
    const nonEmpty = sent.filter((v) => v !== "");
    if (datatype === "multivaluelist") values[code] = nonEmpty;
    // More than one value for a single-valued field stays a list, which the check refuses.
    else if (sent.length > 1) values[code] = sent;
    else if (datatype === "number" && sent[0]?.trim() && Number.isFinite(Number(sent[0]))) values[code] = Number(sent[0]);
    else values[code] = sent[0] ?? "";
  }
  const parsed = AttributeValuesSchema.safeParse(values);
  if (!parsed.success) {
    const problem = parsed.error.issues[0];
    const code = problem?.path[0];
    throw open311BadRequest(`${code === undefined ? "attribute" : `attribute[${String(code)}]`}: ${problem?.message ?? "not valid"}`);
  }
  return parsed.data;
}

/** The report to file, with the point converted to GCJ-02 (what we store). */
export function newReportOf(
  s: Open311Submission,
  category: { code: string; name: string; attributes: readonly CategoryAttribute[] },
): NewReport {
  const point = pointOf(s);
  const description = s.fields.get("description")?.trim() || category.name;
  if (description.length > MAX_DESCRIPTION_CHARS) throw open311BadRequest(`description may be at most ${MAX_DESCRIPTION_CHARS} characters`);
  const addressString = s.fields.get("address_string")?.trim() ?? "";
  if (addressString.length > 200) throw open311BadRequest("address_string may be at most 200 characters");
  // A generated address names the ~100 m cell only: public views show the address as it is.
  const cell = coarsen({ lat: point.lat, lng: point.long });
  return {
    categoryCode: category.code,
    description,
    photoIds: [],
    location: wgs84ToGcj02({ lat: point.lat, lng: point.long }),
    locationSource: "gps",
    address: addressString || `WGS-84 ${cell.lat},${cell.lng} 附近`,
    attributes: attributeValues(s, category.attributes),
    subscriptions: [],
  };
}
