import { z } from "zod";

/*
 * The configured city as data: which districts it has (official names and administrative codes), the
 * streets (街道/镇) in each, and simplified boundaries so a point resolves to its district and street on
 * the client and the server alike. A second city is a second value of this shape, not new code.
 */

const GcjCentre = z.strictObject({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) });

export const DistrictKind = z.enum([
  /** 市辖区 */
  "district",
  /** A functional zone administered like a district, with a commonly used (non-statutory) code. */
  "functional-zone",
  /** 县级市 */
  "county-city",
]);
export type DistrictKind = z.infer<typeof DistrictKind>;

export const CityDistrict = z.strictObject({
  /** 6-digit administrative division code (GB/T 2260), stable when a name changes. */
  code: z.string().regex(/^\d{6}$/),
  /** The official name, stored on reports and used by the API and Open311. */
  name: z.string().min(1).max(20),
  /** The short name residents use where the official one is long (e.g. 工业园区); pickers show this. */
  shortName: z.string().min(1).max(20).optional(),
  /** Another name the same area is known by (e.g. 苏州高新区 for 虎丘区). */
  alsoKnownAs: z.string().min(1).max(20).optional(),
  /** Latin id for URLs and stable class names (`district-<slug>`). */
  slug: z.string().regex(/^[a-z]+$/),
  kind: DistrictKind,
  /** GCJ-02; where a picker searches when the phone's location is unavailable. */
  centre: GcjCentre,
});
export type CityDistrict = z.infer<typeof CityDistrict>;

export const CityStreet = z.strictObject({
  name: z.string().min(1).max(20),
  districtCode: z.string().regex(/^\d{6}$/),
  /** GCJ-02, roughly the seat of the 街道办事处/镇政府; streets are resolved as the nearest centre. */
  centre: GcjCentre,
});
export type CityStreet = z.infer<typeof CityStreet>;

/** GeoJSON positions are [longitude, latitude]; ours are GCJ-02. */
const Position = z.tuple([z.number(), z.number()]);
const LinearRing = z.array(Position).min(4);

export const DistrictBoundary = z.strictObject({
  type: z.literal("Feature"),
  properties: z.strictObject({ code: z.string().regex(/^\d{6}$/) }),
  geometry: z.discriminatedUnion("type", [
    z.strictObject({ type: z.literal("Polygon"), coordinates: z.array(LinearRing).min(1) }),
    z.strictObject({ type: z.literal("MultiPolygon"), coordinates: z.array(z.array(LinearRing).min(1)).min(1) }),
  ]),
});
export type DistrictBoundary = z.infer<typeof DistrictBoundary>;

export const CityBoundaries = z.strictObject({
  type: z.literal("FeatureCollection"),
  features: z.array(DistrictBoundary),
});
export type CityBoundaries = z.infer<typeof CityBoundaries>;

/** Everything but the polygons: what pickers and labels need, small enough for any page. */
const cityNamesShape = {
  id: z.string().regex(/^[a-z]+$/),
  name: z.string().min(1),
  /** 6-digit code of the prefecture-level city. */
  code: z.string().regex(/^\d{6}$/),
  districts: z.array(CityDistrict).min(1),
  streets: z.array(CityStreet),
};

/** Codes, slugs and names are unique, and every street and boundary names a district of this city. */
function checkReferences(
  city: { districts: CityDistrict[]; streets: CityStreet[]; boundaries?: CityBoundaries },
  ctx: z.RefinementCtx,
): void {
  const codes = new Set<string>();
  const labels = new Set<string>();
  const slugs = new Set<string>();
  for (const d of city.districts) {
    if (codes.has(d.code)) ctx.addIssue({ code: "custom", message: `duplicate district code ${d.code}` });
    if (slugs.has(d.slug)) ctx.addIssue({ code: "custom", message: `duplicate district slug ${d.slug}` });
    for (const label of new Set([d.name, d.shortName ?? d.name])) {
      if (labels.has(label)) ctx.addIssue({ code: "custom", message: `duplicate district name ${label}` });
      labels.add(label);
    }
    codes.add(d.code);
    slugs.add(d.slug);
  }
  const streetKeys = new Set<string>();
  for (const s of city.streets) {
    if (!codes.has(s.districtCode)) ctx.addIssue({ code: "custom", message: `street ${s.name} names unknown district ${s.districtCode}` });
    const key = `${s.districtCode}:${s.name}`;
    if (streetKeys.has(key)) ctx.addIssue({ code: "custom", message: `duplicate street ${s.name}` });
    streetKeys.add(key);
  }
  if (!city.boundaries) return;
  const drawn = new Set(city.boundaries.features.map((f) => f.properties.code));
  for (const code of codes) {
    if (!drawn.has(code)) ctx.addIssue({ code: "custom", message: `district ${code} has no boundary` });
  }
  for (const code of drawn) {
    if (!codes.has(code)) ctx.addIssue({ code: "custom", message: `boundary for unknown district ${code}` });
  }
}

export const CityNames = z.strictObject(cityNamesShape).superRefine(checkReferences);
export type CityNames = z.infer<typeof CityNames>;

export const CityConfig = z.strictObject({ ...cityNamesShape, boundaries: CityBoundaries }).superRefine(checkReferences);
export type CityConfig = z.infer<typeof CityConfig>;
