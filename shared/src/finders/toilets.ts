import { z } from "zod";
import { CityDistrictName } from "../city/districtName";
import { queryFlag, queryInt, queryNumber } from "../http/query";
import { OpeningHours, OpenState } from "./openingHours";
import { TemporaryClosure } from "./toiletClosure";

export const TOILET_KINDS = ["municipal", "alliance", "mall", "transport", "park", "scenic", "hospital", "other"] as const;
export const ToiletKind = z.enum(TOILET_KINDS);
export type ToiletKind = z.infer<typeof ToiletKind>;

export const TOILET_KIND_LABELS: Record<ToiletKind, string> = {
  municipal: "市政公厕",
  alliance: "开放联盟",
  mall: "商场",
  transport: "交通枢纽",
  park: "公园",
  scenic: "景区",
  hospital: "医院",
  other: "其他",
};

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
const IsoDate = z.iso.date();

const toiletFields = {
  name: z.string().trim().min(1).max(100),
  address: z.string().trim().min(1).max(200),
  /** The official name of a district of the configured city (shared/src/city), e.g. 苏州工业园区. */
  district: CityDistrictName,
  street: z.string().trim().max(40),
  lat: Latitude,
  lng: Longitude,
  kind: ToiletKind,
  hours: OpeningHours,
  free: z.boolean(),
  feeNote: z.string().max(100).nullable(),
  accessible: z.boolean(),
  thirdToilet: z.boolean(),
  babyCare: z.boolean(),
  stalls: z.number().int().min(0).max(500).nullable(),
  managingUnit: z.string().max(100).nullable(),
  lastVerified: IsoDate.nullable(),
  /** The source dataset's own id; a re-import with the same sourceRef updates instead of duplicating. */
  sourceRef: z.string().max(100).nullable(),
};

/** Everything an admin writes about a toilet. Coordinates are GCJ-02. */
export const ToiletInput = z
  .strictObject({
    ...toiletFields,
    street: toiletFields.street.default(""),
    feeNote: toiletFields.feeNote.default(null),
    stalls: toiletFields.stalls.default(null),
    managingUnit: toiletFields.managingUnit.default(null),
    lastVerified: toiletFields.lastVerified.default(null),
    sourceRef: toiletFields.sourceRef.default(null),
  })
  .meta({ id: "ToiletInput" });
export type ToiletInput = z.input<typeof ToiletInput>;
export type ToiletRecordInput = z.output<typeof ToiletInput>;

/** A partial change: only the fields sent are touched (no defaults fill in). */
export const ToiletUpdate = z.strictObject(toiletFields).partial().meta({ id: "ToiletUpdate" });
export type ToiletUpdate = z.input<typeof ToiletUpdate>;

export const ToiletSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    district: z.string(),
    kind: ToiletKind,
    lat: z.number(),
    lng: z.number(),
    distanceM: z.number().int(),
    openNow: OpenState,
    free: z.boolean(),
    accessible: z.boolean(),
    thirdToilet: z.boolean(),
    babyCare: z.boolean(),
    /** Set while an admin's temporary closure lasts (openNow is then "closed"); null otherwise (or from an older API). */
    temporaryClosure: TemporaryClosure.nullable().default(null),
  })
  .meta({ id: "ToiletSummary" });
export type ToiletSummary = z.infer<typeof ToiletSummary>;

export const ToiletDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    address: z.string(),
    district: z.string(),
    street: z.string(),
    kind: ToiletKind,
    lat: z.number(),
    lng: z.number(),
    hours: OpeningHours,
    openNow: OpenState,
    free: z.boolean(),
    feeNote: z.string().nullable(),
    accessible: z.boolean(),
    thirdToilet: z.boolean(),
    babyCare: z.boolean(),
    stalls: z.number().int().nullable(),
    managingUnit: z.string().nullable(),
    lastVerified: z.string().nullable(),
    active: z.boolean(),
    deactivatedReason: z.string().nullable(),
    /** Set while an admin's temporary closure lasts (openNow is then "closed"); null otherwise (or from an older API). */
    temporaryClosure: TemporaryClosure.nullable().default(null),
    updatedAt: z.string(),
  })
  .meta({ id: "ToiletDetail" });
export type ToiletDetail = z.infer<typeof ToiletDetail>;

export const MAX_SEARCH_RADIUS_M = 5000;

export const NearbyToiletsQuery = z.object({
  lat: queryNumber(-85, 85),
  lng: queryNumber(-180, 180),
  radius: queryInt(50, MAX_SEARCH_RADIUS_M, 1000),
  limit: queryInt(1, 50, 20),
  openNow: queryFlag(),
  free: queryFlag(),
  accessible: queryFlag(),
  babyCare: queryFlag(),
  thirdToilet: queryFlag(),
  kind: ToiletKind.optional(),
});
export type NearbyToiletsQuery = z.output<typeof NearbyToiletsQuery>;

export const NearbyToiletsResponse = z
  .object({
    toilets: z.array(ToiletSummary),
    center: z.object({ lat: z.number(), lng: z.number() }),
    radius: z.number(),
  })
  .meta({ id: "NearbyToilets" });
export type NearbyToiletsResponse = z.infer<typeof NearbyToiletsResponse>;

export const DeactivateToiletRequest = z.strictObject({ reason: z.string().trim().min(2).max(200) });

/* Residents telling the bureau that a toilet is closed or its information is wrong. */
export const TOILET_FEEDBACK_KINDS = ["closed", "wrong_info", "not_found", "dirty", "other"] as const;
export const ToiletFeedbackKind = z.enum(TOILET_FEEDBACK_KINDS);
export const TOILET_FEEDBACK_LABELS: Record<z.infer<typeof ToiletFeedbackKind>, string> = {
  closed: "已关闭/无法使用",
  wrong_info: "信息有误",
  not_found: "找不到",
  dirty: "卫生差",
  other: "其他",
};

export const ToiletFeedbackRequest = z.strictObject({
  kind: ToiletFeedbackKind,
  note: z.string().trim().max(500).default(""),
});
export type ToiletFeedbackRequest = z.input<typeof ToiletFeedbackRequest>;

export const ToiletFeedbackStatus = z.enum(["open", "resolved"]);
export type ToiletFeedbackStatus = z.infer<typeof ToiletFeedbackStatus>;

export const ToiletFeedback = z
  .object({
    id: z.string(),
    toiletId: z.string(),
    toiletName: z.string(),
    kind: ToiletFeedbackKind,
    note: z.string(),
    status: ToiletFeedbackStatus,
    resolutionNote: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "ToiletFeedback" });
export type ToiletFeedback = z.infer<typeof ToiletFeedback>;

export const ToiletFeedbackList = z.object({ feedback: z.array(ToiletFeedback) }).meta({ id: "ToiletFeedbackList" });
export type ToiletFeedbackList = z.infer<typeof ToiletFeedbackList>;

/* Import: GeoJSON FeatureCollection or CSV, all rows or none. */
export const ToiletImportRequest = z.strictObject({
  format: z.enum(["geojson", "csv"]),
  /** Chinese sources are usually GCJ-02 already; pass wgs84 for GPS/OSM data. */
  coordinates: z.enum(["gcj02", "wgs84"]).default("gcj02"),
  content: z.string().min(1),
});
export type ToiletImportRequest = z.input<typeof ToiletImportRequest>;

export const ImportRowError = z.object({ row: z.number().int(), field: z.string(), message: z.string() });
export type ImportRowError = z.infer<typeof ImportRowError>;

export const ToiletImportResult = z
  .object({ imported: z.number().int(), created: z.number().int(), updated: z.number().int() })
  .meta({ id: "ToiletImportResult" });
export type ToiletImportResult = z.infer<typeof ToiletImportResult>;
