import {
  type AttributeValues,
  type Category,
  type CategoryAttribute,
  type CreateReportRequest,
  checkAttributeValues,
  MAX_DESCRIPTION_CHARS,
} from "@civic/shared";
import { newIdempotencyKey } from "../services/idempotencyKey";
import type { DraftPhoto } from "../services/photoDrafts";

/*
 * The wizard's draft, kept in memory while the resident moves between steps, and what it takes to turn
 * it into a CreateReportRequest. One Idempotency-Key per wizard run, so a retry after a lost answer
 * cannot file the report twice.
 */
export type { DraftPhoto } from "../services/photoDrafts";

export interface DraftLocation {
  lat: number;
  lng: number;
  source: "gps" | "map";
  /** What the location step shows ("我的位置", "姑苏区中心附近", the picked place's name). */
  label: string;
}

/** Form values as typed: text for every field, keys for the list types. */
export type DraftAttributes = Record<string, string | string[]>;

export interface ReportDraft {
  category: Category | null;
  photos: DraftPhoto[];
  location: DraftLocation | null;
  address: string;
  description: string;
  attributes: DraftAttributes;
  idempotencyKey: string;
}

export { newIdempotencyKey };

export const emptyDraft = (): ReportDraft => ({
  category: null,
  photos: [],
  location: null,
  address: "",
  description: "",
  attributes: {},
  idempotencyKey: newIdempotencyKey(),
});

type Attribute = Category["attributes"][number];

/** "2026-11-26 14:05" (city time) → ISO with the city's offset; other text is passed on unchanged. */
function datetimeValue(text: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})[ T](\d{1,2}):(\d{2})$/.exec(text.trim());
  if (!m) return text.trim();
  return `${m[1]}T${m[2]?.padStart(2, "0")}:${m[3]}:00+08:00`;
}

/** The answers the API gets: blanks left out, numbers as numbers, date-times as ISO. */
export function attributeValues(attributes: readonly Attribute[], typed: DraftAttributes): AttributeValues {
  const values: AttributeValues = {};
  for (const a of attributes) {
    const v = typed[a.code];
    if (v === undefined) continue;
    if (Array.isArray(v)) {
      if (v.length > 0) values[a.code] = v;
      continue;
    }
    const text = v.trim();
    if (text === "") continue;
    if (a.datatype === "number") values[a.code] = Number.isFinite(Number(text)) ? Number(text) : text;
    else if (a.datatype === "datetime") values[a.code] = datetimeValue(text);
    else values[a.code] = text;
  }
  return values;
}

/** Problems with the extra fields, in Chinese, keyed by attribute code (checked by the shared rules). */
export function attributeProblemsZh(attributes: readonly Attribute[], typed: DraftAttributes): Record<string, string> {
  const problems: Record<string, string> = {};
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  for (const p of checkAttributeValues(attributes as readonly CategoryAttribute[], attributeValues(attributes, typed))) {
    const code = p.path.replace(/^attributes\./, "");
    const a = byCode.get(code);
    if (!a || problems[code]) continue;
    if (/required/.test(p.message)) problems[code] = `请填写“${a.label}”`;
    else if (a.datatype === "number") problems[code] = `“${a.label}”请填写数字`;
    else if (a.datatype === "datetime") problems[code] = `“${a.label}”请按 2026-11-26 14:00 的格式填写`;
    else if (a.datatype === "singlevaluelist" || a.datatype === "multivaluelist") problems[code] = `请从选项中选择“${a.label}”`;
    else problems[code] = `“${a.label}”填写有误`;
  }
  return problems;
}

export const descriptionProblemZh = (description: string): string | null => {
  const text = description.trim();
  if (text.length === 0) return "请描述一下问题";
  if (text.length > MAX_DESCRIPTION_CHARS) return `问题描述不能超过 ${MAX_DESCRIPTION_CHARS} 字`;
  return null;
};

export const uploadedPhotoIds = (draft: ReportDraft): string[] =>
  draft.photos.flatMap((p) => (p.status === "done" && p.uploadId ? [p.uploadId] : []));

export function toCreateRequest(draft: ReportDraft, subscriptions: string[]): CreateReportRequest | null {
  if (!draft.category || !draft.location) return null;
  return {
    category: draft.category.code,
    description: draft.description.trim(),
    photoIds: uploadedPhotoIds(draft),
    location: { lat: draft.location.lat, lng: draft.location.lng },
    locationSource: draft.location.source,
    address: draft.address.trim(),
    attributes: attributeValues(draft.category.attributes, draft.attributes),
    subscriptions,
  };
}

/** The Chinese name of a field the API's 422 details point at. */
export function fieldNameZh(path: string, category: Category | null): string {
  if (path.startsWith("attributes.")) {
    const code = path.slice("attributes.".length).split(".")[0];
    return category?.attributes.find((a) => a.code === code)?.label ?? "补充信息";
  }
  const names: Record<string, string> = {
    category: "问题类型",
    description: "问题描述",
    photoIds: "照片",
    location: "位置",
    address: "地址",
    subscriptions: "消息通知",
  };
  return names[path.split(".")[0] ?? ""] ?? "填写内容";
}

/** True once the resident has put anything into the wizard: leaving then asks first and keeps a draft. */
export const hasInput = (d: ReportDraft): boolean =>
  Boolean(d.category || d.photos.length > 0 || d.location || d.address.trim() || d.description.trim());

/**
 * What survives leaving the wizard (kept in storage by draftStore.ts): only uploaded photos (a local
 * file or a half-done upload cannot be resumed), the category by code (its definition is loaded fresh).
 */
export interface SavedDraft {
  v: 1;
  savedAt: string;
  step: number;
  categoryCode: string | null;
  photos: { uploadId: string; url: string }[];
  location: DraftLocation | null;
  address: string;
  description: string;
  attributes: DraftAttributes;
  idempotencyKey: string;
}

export function toSaved(d: ReportDraft, step: number, now: Date): SavedDraft {
  return {
    v: 1,
    savedAt: now.toISOString(),
    step,
    categoryCode: d.category?.code ?? null,
    photos: d.photos.flatMap((p) => (p.status === "done" && p.uploadId ? [{ uploadId: p.uploadId, url: p.url ?? p.path }] : [])),
    location: d.location,
    address: d.address,
    description: d.description,
    attributes: d.attributes,
    idempotencyKey: d.idempotencyKey,
  };
}

/** The draft back, with its category looked up among today's (a retired category is left for the resident to choose again). */
export function fromSaved(saved: SavedDraft, categories: readonly Category[], photoSrc: (url: string) => string): ReportDraft {
  const category = categories.find((c) => c.code === saved.categoryCode) ?? null;
  return {
    category,
    photos: saved.photos.map((p, i) => ({
      key: `saved-${i}`,
      path: photoSrc(p.url),
      url: p.url,
      uploadId: p.uploadId,
      status: "done",
      progress: 100,
    })),
    location: saved.location,
    address: saved.address,
    description: saved.description,
    attributes: category ? saved.attributes : {},
    idempotencyKey: saved.idempotencyKey,
  };
}
