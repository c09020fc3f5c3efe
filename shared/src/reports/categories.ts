import { z } from "zod";

/*
 * Report categories after the digital city-management classes (事件/部件). Each category carries the
 * department a case is dispatched to by default, its SLA, and optional extra fields in the manner of
 * Open311 attributes (e.g. a street light's pole number).
 */

export const CATEGORY_GROUPS = [
  { code: "city_appearance", name: "市容环境" },
  { code: "street_order", name: "街面秩序" },
  { code: "advertising", name: "宣传广告" },
  { code: "construction", name: "施工管理" },
  { code: "public_facilities", name: "公用设施" },
  { code: "traffic_facilities", name: "交通设施" },
  { code: "greenery", name: "园林绿化" },
  { code: "other", name: "其他" },
] as const;
export const CategoryGroupCode = z.enum(CATEGORY_GROUPS.map((g) => g.code) as [string, ...string[]]);
export type CategoryGroupCode = (typeof CATEGORY_GROUPS)[number]["code"];
export const categoryGroupName = (code: string) => CATEGORY_GROUPS.find((g) => g.code === code)?.name ?? code;

/** Open311's attribute datatypes (GeoReport v2 service definition). */
export const ATTRIBUTE_TYPES = ["string", "number", "datetime", "text", "singlevaluelist", "multivaluelist"] as const;

const Code = z
  .string()
  .min(2)
  .max(40)
  .regex(/^[a-z][a-z0-9_]*$/, "lower-case letters, digits and _ only, starting with a letter");

export const CategoryAttribute = z
  .strictObject({
    code: Code,
    /** The question shown to the resident (Open311 `description`). */
    label: z.string().trim().min(1).max(60),
    datatype: z.enum(ATTRIBUTE_TYPES),
    required: z.boolean().default(false),
    /** Help text (Open311 `datatype_description`). */
    hint: z.string().max(120).default(""),
    /** For the list types: the allowed keys and their names. */
    values: z
      .array(z.strictObject({ key: z.string().min(1).max(40), name: z.string().min(1).max(60) }))
      .max(50)
      .default([]),
  })
  .meta({ id: "CategoryAttribute" });
export type CategoryAttribute = z.output<typeof CategoryAttribute>;
export type CategoryAttributeInput = z.input<typeof CategoryAttribute>;

function checkAttributeDefinitions(attributes: readonly CategoryAttribute[], ctx: z.RefinementCtx) {
  const seen = new Set<string>();
  attributes.forEach((a, i) => {
    if (seen.has(a.code)) ctx.addIssue({ code: "custom", path: ["attributes", i, "code"], message: "duplicate attribute code" });
    seen.add(a.code);
    const isList = a.datatype === "singlevaluelist" || a.datatype === "multivaluelist";
    if (isList && a.values.length === 0)
      ctx.addIssue({ code: "custom", path: ["attributes", i, "values"], message: "a list needs values" });
  });
}

const categoryFields = {
  name: z.string().trim().min(1).max(40),
  group: CategoryGroupCode,
  /** The department a case goes to by default (派遣 may choose another). */
  department: z.string().trim().min(1).max(60),
  /** Hours from acceptance (立案) to closure (结案) for an on-time case. */
  slaHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
  description: z.string().trim().max(200),
  /** Words residents use for it (search in the category picker). */
  keywords: z.array(z.string().trim().min(1).max(20)).max(20),
  attributes: z.array(CategoryAttribute).max(10),
  sortOrder: z.number().int().min(0).max(10_000),
};

export const CategoryInput = z
  .strictObject({
    code: Code,
    ...categoryFields,
    description: categoryFields.description.default(""),
    keywords: categoryFields.keywords.default([]),
    attributes: categoryFields.attributes.default([]),
    sortOrder: categoryFields.sortOrder.default(0),
  })
  .superRefine((c, ctx) => checkAttributeDefinitions(c.attributes, ctx))
  .meta({ id: "CategoryInput" });
export type CategoryInput = z.input<typeof CategoryInput>;
export type CategoryRecordInput = z.output<typeof CategoryInput>;

/** A partial change: only the fields sent are touched (no defaults fill in). */
export const CategoryUpdate = z
  .strictObject({ ...categoryFields, active: z.boolean() })
  .partial()
  .superRefine((c, ctx) => {
    if (c.attributes) checkAttributeDefinitions(c.attributes, ctx);
  })
  .meta({ id: "CategoryUpdate" });
export type CategoryUpdate = z.input<typeof CategoryUpdate>;

export const Category = z
  .object({
    code: z.string(),
    name: z.string(),
    group: z.string(),
    groupName: z.string(),
    department: z.string(),
    slaHours: z.number().int(),
    description: z.string(),
    keywords: z.array(z.string()),
    attributes: z.array(
      z.object({
        code: z.string(),
        label: z.string(),
        datatype: z.enum(ATTRIBUTE_TYPES),
        required: z.boolean(),
        hint: z.string(),
        values: z.array(z.object({ key: z.string(), name: z.string() })),
      }),
    ),
    sortOrder: z.number().int(),
    active: z.boolean(),
  })
  .meta({ id: "Category" });
export type Category = z.infer<typeof Category>;

export const CategoryList = z.object({ categories: z.array(Category) }).meta({ id: "CategoryList" });
export type CategoryList = z.infer<typeof CategoryList>;

/** Extra-field answers: attribute code → value (a list type's key, or keys for multivaluelist). */
export const AttributeValues = z.record(
  z.string().max(40),
  z.union([z.string().max(200), z.number(), z.array(z.string().max(40)).max(20)]),
);
export type AttributeValues = z.infer<typeof AttributeValues>;

/** Checks answers against a category's attributes; returns problems (empty when fine). Unknown codes are problems. */
export function checkAttributeValues(
  attributes: readonly CategoryAttribute[],
  values: AttributeValues,
): { path: string; message: string }[] {
  const problems: { path: string; message: string }[] = [];
  const byCode = new Map(attributes.map((a) => [a.code, a]));
  for (const code of Object.keys(values)) {
    if (!byCode.has(code)) problems.push({ path: `attributes.${code}`, message: "this category has no such field" });
  }
  for (const a of attributes) {
    const v = values[a.code];
    const path = `attributes.${a.code}`;
    if (v === undefined || v === "" || (Array.isArray(v) && v.length === 0)) {
      if (a.required) problems.push({ path, message: `${a.label} is required` });
      continue;
    }
    const keys = new Set(a.values.map((x) => x.key));
    switch (a.datatype) {
      case "number":
        if (typeof v !== "number" && !(typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v)))) {
          problems.push({ path, message: "must be a number" });
        }
        break;
      case "datetime":
        if (typeof v !== "string" || Number.isNaN(Date.parse(v))) problems.push({ path, message: "must be a date and time" });
        break;
      case "singlevaluelist":
        if (typeof v !== "string" || !keys.has(v)) problems.push({ path, message: "must be one of the listed values" });
        break;
      case "multivaluelist":
        if (!Array.isArray(v) || v.some((k) => !keys.has(k))) problems.push({ path, message: "must be listed values" });
        break;
      default:
        if (typeof v !== "string") problems.push({ path, message: "must be text" });
    }
  }
  return problems;
}
