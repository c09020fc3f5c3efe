import { z } from "zod";
import { CityDistrictName } from "../city/districtName";
import { OpeningHours, OpenState } from "../finders/openingHours";
import { queryFlag, queryInt, queryNumber } from "../http/query";
import { LiveStatus } from "./live";

/*
 * Parking lots, after ParkAPI's lot model: what a lot is (type, place, capacity per class, fees, hours,
 * operator, source, licence) apart from its live status (live.ts). Coordinates are GCJ-02.
 */

export const LOT_TYPES = ["garage", "underground", "surface", "street", "shared"] as const;
export const LotType = z.enum(LOT_TYPES);
export type LotType = z.infer<typeof LotType>;

export const LOT_TYPE_LABELS: Record<LotType, string> = {
  garage: "立体车库",
  underground: "地下停车场",
  surface: "地面停车场",
  street: "路内泊位",
  shared: "错时共享停车",
};

/** Spaces in all and per class; the classes are parts of the total. */
export const LotCapacity = z
  .strictObject({
    total: z.number().int().min(0).max(20_000),
    disabled: z.number().int().min(0).max(20_000).default(0),
    charging: z.number().int().min(0).max(20_000).default(0),
    /** Spaces open to the public in shared (错时) windows. */
    shared: z.number().int().min(0).max(20_000).default(0),
  })
  .refine((c) => c.disabled <= c.total && c.charging <= c.total && c.shared <= c.total, {
    message: "a class cannot have more spaces than the lot",
  })
  .meta({ id: "ParkingLotCapacity" });
export type LotCapacity = z.output<typeof LotCapacity>;

/** A structured tariff in yuan beside the free text; `null` rate means only the text is known. */
export const HourlyRate = z
  .strictObject({
    /** Minutes free on arrival (e.g. 15). */
    freeMinutes: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(0),
    firstHourYuan: z.number().min(0).max(1000),
    perHourYuan: z.number().min(0).max(1000),
    /** The most a day costs, or null without a cap. */
    dailyCapYuan: z.number().min(0).max(10_000).nullable().default(null),
  })
  .meta({ id: "ParkingHourlyRate" });
export type HourlyRate = z.output<typeof HourlyRate>;

export const LotFees = z
  .strictObject({
    text: z.string().trim().max(300),
    rate: HourlyRate.nullable().default(null),
  })
  .meta({ id: "ParkingLotFees" });
export type LotFees = z.output<typeof LotFees>;

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);

const lotFields = {
  name: z.string().trim().min(1).max(100),
  type: LotType,
  address: z.string().trim().min(1).max(200),
  district: CityDistrictName,
  lat: Latitude,
  lng: Longitude,
  capacity: LotCapacity,
  fees: LotFees,
  /** When the lot is open; for a shared (错时) lot these are its public windows. */
  hours: OpeningHours,
  /** When the `capacity.shared` spaces of a non-shared lot are open to the public; null when none. */
  sharedHours: OpeningHours.nullable(),
  /** The operator (= data source) whose feed reports this lot; null for a lot without live data. */
  operatorId: z.string().min(1).max(64).nullable(),
  /** The operator's own id for the lot, which its feed may use instead of ours (unique per operator). */
  operatorLotId: z.string().trim().min(1).max(100).nullable(),
  /** The licence the lot's data is published under, e.g. "CC BY 4.0". */
  licence: z.string().trim().max(100),
};

/** Everything an admin writes about a lot. */
export const ParkingLotInput = z
  .strictObject({
    ...lotFields,
    sharedHours: lotFields.sharedHours.default(null),
    operatorId: lotFields.operatorId.default(null),
    operatorLotId: lotFields.operatorLotId.default(null),
    licence: lotFields.licence.default(""),
  })
  .refine((l) => l.operatorLotId === null || l.operatorId !== null, {
    message: "an operator's own id needs the operator",
    path: ["operatorLotId"],
  })
  .meta({ id: "ParkingLotInput" });
export type ParkingLotInput = z.input<typeof ParkingLotInput>;
export type ParkingLotRecordInput = z.output<typeof ParkingLotInput>;

/** A partial change: only the fields sent are touched. */
export const ParkingLotUpdate = z
  .strictObject({ ...lotFields, active: z.boolean() })
  .partial()
  .meta({ id: "ParkingLotUpdate" });
export type ParkingLotUpdate = z.input<typeof ParkingLotUpdate>;

/** Who runs a lot and where its numbers come from. */
export const LotSourceInfo = z
  .object({
    operatorId: z.string().nullable(),
    operatorName: z.string().nullable(),
    /** push: the operator posts to /api/v1/feeds/parking; pull: the bureau fetches a feed; none: no live data. */
    kind: z.enum(["push", "pull", "none"]),
    licence: z.string(),
  })
  .meta({ id: "ParkingLotSource" });
export type LotSourceInfo = z.infer<typeof LotSourceInfo>;

export const ParkingLotSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    type: LotType,
    address: z.string(),
    district: z.string(),
    lat: z.number(),
    lng: z.number(),
    distanceM: z.number().int(),
    capacity: LotCapacity,
    /** Opening hours judged now in the city's time. */
    openNow: OpenState,
    live: LiveStatus,
  })
  .meta({ id: "ParkingLotSummary" });
export type ParkingLotSummary = z.infer<typeof ParkingLotSummary>;

/** One hour of the last 24: the mean free spaces observed in it (null when nothing was observed). */
export const OccupancyBucket = z
  .object({
    /** The hour's start, UTC ISO-8601. */
    hourStart: z.string(),
    meanFree: z.number().nullable(),
    /** Mean occupied share 0..1 on the observations' own basis, null when nothing was observed. */
    occupancy: z.number().min(0).max(1).nullable(),
    samples: z.number().int(),
  })
  .meta({ id: "ParkingOccupancyBucket" });
export type OccupancyBucket = z.infer<typeof OccupancyBucket>;

export const ParkingLotDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    type: LotType,
    address: z.string(),
    district: z.string(),
    lat: z.number(),
    lng: z.number(),
    capacity: LotCapacity,
    fees: LotFees,
    hours: OpeningHours,
    sharedHours: OpeningHours.nullable(),
    openNow: OpenState,
    source: LotSourceInfo,
    live: LiveStatus,
    /** 24 hourly buckets, oldest first, ending with the current hour. */
    last24h: z.array(OccupancyBucket),
    active: z.boolean(),
    updatedAt: z.string(),
  })
  .meta({ id: "ParkingLotDetail" });
export type ParkingLotDetail = z.infer<typeof ParkingLotDetail>;

export const MAX_PARKING_RADIUS_M = 5000;

export const NearbyParkingQuery = z.object({
  lat: queryNumber(-85, 85),
  lng: queryNumber(-180, 180),
  radius: queryInt(50, MAX_PARKING_RADIUS_M, 1500),
  limit: queryInt(1, 50, 20),
  /** Only lots open now by their hours and not reported closed. */
  openNow: queryFlag(),
  /** Only lots with a fresh count of free spaces above zero. */
  hasFree: queryFlag(),
  charging: queryFlag(),
  accessible: queryFlag(),
  type: LotType.optional(),
});
export type NearbyParkingQuery = z.output<typeof NearbyParkingQuery>;

export const NearbyParkingResponse = z
  .object({
    lots: z.array(ParkingLotSummary),
    center: z.object({ lat: z.number(), lng: z.number() }),
    radius: z.number(),
    /** The server's time the live statuses were judged at. */
    asOf: z.string(),
  })
  .meta({ id: "NearbyParking" });
export type NearbyParkingResponse = z.infer<typeof NearbyParkingResponse>;
