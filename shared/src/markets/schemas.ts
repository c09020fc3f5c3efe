import { z } from "zod";
import { DEFAULT_CITY_NAMES } from "../city";
import { TimeOfDay } from "../finders/openingHours";
import { queryInt, queryNumber } from "../http/query";

/*
 * Night markets and vending zones (夜市, 便民疏导点, 早市): the wire contract. A zone is an area (a GCJ-02
 * polygon ring or a point and radius) with weekly time windows that may run past midnight, seasons of the
 * year, exception dates, rules for vendors and the unit that manages it. Its status at an instant is worked
 * out by zoneStatusAt (status.ts) on the city's wall clock.
 */

export const MARKET_ZONE_KINDS = ["night_market", "vending_point", "morning_market"] as const;
export const MarketZoneKind = z.enum(MARKET_ZONE_KINDS);
export type MarketZoneKind = z.infer<typeof MarketZoneKind>;

export const MARKET_ZONE_KIND_LABELS: Record<MarketZoneKind, string> = {
  night_market: "夜市",
  vending_point: "便民疏导点",
  morning_market: "早市",
};

const Latitude = z.number().min(-90).max(90);
const Longitude = z.number().min(-180).max(180);
/** GeoJSON order: [longitude, latitude], GCJ-02. */
const Position = z.tuple([Longitude, Latitude]);

export const MAX_ZONE_RADIUS_M = 2000;
/** How far outside an open zone a street-vending report is still "near" it. */
export const NEAR_ZONE_METRES = 100;

/** A closed ring (first position repeated last), at least a triangle. */
const Ring = z
  .array(Position)
  .min(4)
  .max(200)
  .refine((r) => r[0]?.[0] === r[r.length - 1]?.[0] && r[0]?.[1] === r[r.length - 1]?.[1], {
    message: "a ring must end where it starts",
  });

export const ZoneArea = z
  .discriminatedUnion("shape", [
    z.strictObject({ shape: z.literal("polygon"), ring: Ring }),
    z.strictObject({
      shape: z.literal("circle"),
      center: z.strictObject({ lat: Latitude, lng: Longitude }),
      radiusM: z.number().int().min(10).max(MAX_ZONE_RADIUS_M),
    }),
  ])
  .meta({ id: "ZoneArea" });
export type ZoneArea = z.infer<typeof ZoneArea>;

/** A month and day, MM-DD; a season repeats every year. */
const MonthDay = z.string().regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, "must be MM-DD");

/**
 * The part of every year the zone runs, inclusive at both ends; `end` before `start` wraps the new year
 * (11-01 to 03-31). A night belongs to the season of the date it starts on.
 */
export const ZoneSeason = z.strictObject({ start: MonthDay, end: MonthDay }).meta({ id: "ZoneSeason" });
export type ZoneSeason = z.infer<typeof ZoneSeason>;

/**
 * One weekly window: opens on `weekday` (0 = Monday) at `open`; a `close` not after `open` is on the next
 * day (Fri 18:00-02:00 closes Saturday 02:00). "24:00" is midnight at the end of the day.
 */
export const ZoneWindow = z
  .strictObject({ weekday: z.number().int().min(0).max(6), open: TimeOfDay, close: TimeOfDay })
  .refine((w) => w.open !== w.close, { message: "open and close must differ" })
  .refine((w) => w.open !== "24:00", { message: "a window cannot open at 24:00" })
  .meta({ id: "ZoneWindow" });
export type ZoneWindow = z.infer<typeof ZoneWindow>;

const IsoDate = z.iso.date();

/** A date the zone stays shut: the night that STARTS on that date does not happen (one after midnight still does). */
export const ZoneException = z.strictObject({ date: IsoDate, reason: z.string().trim().min(1).max(100) }).meta({ id: "ZoneException" });
export type ZoneException = z.infer<typeof ZoneException>;

const Goods = z.array(z.string().trim().min(1).max(30)).max(30);
/** A public unit's phone (landline with area code, or a mobile, or a hotline like 12345). */
const UnitPhone = z
  .string()
  .trim()
  .regex(/^[0-9-]{5,20}$/, "digits and dashes only");

const zoneFields = {
  name: z.string().trim().min(1).max(60),
  kind: MarketZoneKind,
  area: ZoneArea,
  address: z.string().trim().min(1).max(200),
  /** The official name of a district of the configured city (shared/src/city). */
  district: z
    .string()
    .trim()
    .min(1)
    .max(40)
    .refine((v) => DEFAULT_CITY_NAMES.districts.some((d) => d.name === v), {
      message: "not the official name of a district of the configured city",
    }),
  street: z.string().trim().max(40),
  /** Empty: all year. */
  seasons: z.array(ZoneSeason).max(4),
  windows: z.array(ZoneWindow).min(1).max(28),
  exceptions: z.array(ZoneException).max(60),
  goodsAllowed: Goods,
  goodsForbidden: Goods,
  stalls: z.number().int().min(0).max(2000).nullable(),
  /** Fees as the unit states them (e.g. 每摊每晚 20 元, 免费). */
  fees: z.string().trim().max(100),
  /** Whether vendors must register with the managing unit before trading. */
  vendorsRegister: z.boolean(),
  managingUnit: z.string().trim().min(1).max(60),
  contactPhone: UnitPhone,
};

/** Everything an admin writes about a zone. */
export const MarketZoneInput = z
  .strictObject({
    ...zoneFields,
    street: zoneFields.street.default(""),
    seasons: zoneFields.seasons.default([]),
    exceptions: zoneFields.exceptions.default([]),
    goodsAllowed: zoneFields.goodsAllowed.default([]),
    goodsForbidden: zoneFields.goodsForbidden.default([]),
    stalls: zoneFields.stalls.default(null),
    fees: zoneFields.fees.default(""),
    vendorsRegister: zoneFields.vendorsRegister.default(false),
  })
  .meta({ id: "MarketZoneInput" });
export type MarketZoneInput = z.input<typeof MarketZoneInput>;
export type MarketZoneRecord = z.output<typeof MarketZoneInput>;

/** A partial edit decided on `version` (the detail's); a stale version is a 409 stale_version. */
export const MarketZoneUpdate = z
  .strictObject({ ...zoneFields, version: z.number().int().min(1) })
  .partial()
  .required({ version: true })
  .meta({ id: "MarketZoneUpdate" });
export type MarketZoneUpdate = z.input<typeof MarketZoneUpdate>;

export const RetireMarketZone = z
  .strictObject({ version: z.number().int().min(1), reason: z.string().trim().min(1).max(200) })
  .meta({ id: "RetireMarketZone" });
export type RetireMarketZone = z.infer<typeof RetireMarketZone>;

export const SuspensionInput = z
  .strictObject({ date: IsoDate, reason: z.string().trim().min(1).max(100) })
  .meta({ id: "MarketSuspensionInput" });
export type SuspensionInput = z.infer<typeof SuspensionInput>;

export const MarketSuspension = z
  .object({ id: z.string(), date: z.string(), reason: z.string(), createdAt: z.string() })
  .meta({ id: "MarketSuspension" });
export type MarketSuspension = z.infer<typeof MarketSuspension>;

export const ZONE_STATES = ["open", "opens_later", "closed"] as const;
export const ZoneState = z.enum(ZONE_STATES);
export type ZoneState = z.infer<typeof ZoneState>;

/** A zone's state at an instant, as the API answers it (see zoneStatusAt). */
export const ZoneStatus = z
  .object({
    state: ZoneState,
    /** While open: when the stalls pack up (ISO instant). */
    closesAt: z.string().nullable(),
    /** When it next opens (ISO instant), looking two weeks ahead; null while open or when nothing is scheduled. */
    opensAt: z.string().nullable(),
    /** Opens (or is open) between now and the end of the city night (05:00). */
    tonight: z.boolean(),
    /** What a resident reads: "还有 2 小时收摊", "今晚 18:00 开市", "今晚暂停：…", "已收摊". */
    text: z.string(),
    /** Set when tonight's night is cancelled (an exception date or a suspension). */
    closedReason: z.string().nullable(),
  })
  .meta({ id: "ZoneStatus" });
export type ZoneStatus = z.infer<typeof ZoneStatus>;

export const MarketZoneSummary = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: MarketZoneKind,
    address: z.string(),
    district: z.string(),
    street: z.string(),
    /** The zone's centre (GCJ-02), where a map puts its marker. */
    lat: z.number(),
    lng: z.number(),
    /** Metres from the asked point to the zone's centre. */
    distanceM: z.number().int(),
    area: ZoneArea,
    stalls: z.number().int().nullable(),
    status: ZoneStatus,
  })
  .meta({ id: "MarketZoneSummary" });
export type MarketZoneSummary = z.infer<typeof MarketZoneSummary>;

export const MarketZoneDetail = z
  .object({
    id: z.string(),
    name: z.string(),
    kind: MarketZoneKind,
    area: ZoneArea,
    address: z.string(),
    district: z.string(),
    street: z.string(),
    lat: z.number(),
    lng: z.number(),
    seasons: z.array(ZoneSeason),
    windows: z.array(ZoneWindow),
    /** Human text per weekday (周一 … 周日), e.g. "18:00–次日02:00" / "休市". */
    hoursText: z.array(z.string()).length(7),
    exceptions: z.array(ZoneException),
    goodsAllowed: z.array(z.string()),
    goodsForbidden: z.array(z.string()),
    stalls: z.number().int().nullable(),
    fees: z.string(),
    vendorsRegister: z.boolean(),
    managingUnit: z.string(),
    contactPhone: z.string(),
    status: ZoneStatus,
    /** Suspensions from today on, soonest first. */
    upcomingSuspensions: z.array(MarketSuspension),
    /** Whether the caller subscribes to this zone's suspension notices (false when signed out). */
    subscribed: z.boolean(),
    active: z.boolean(),
    retiredReason: z.string().nullable(),
    version: z.number().int(),
    updatedAt: z.string(),
  })
  .meta({ id: "MarketZoneDetail" });
export type MarketZoneDetail = z.infer<typeof MarketZoneDetail>;

export const MAX_MARKET_SEARCH_RADIUS_M = 5000;

export const NearbyMarketsQuery = z.object({
  lat: queryNumber(-85, 85),
  lng: queryNumber(-180, 180),
  radius: queryInt(50, MAX_MARKET_SEARCH_RADIUS_M, 3000),
  limit: queryInt(1, 50, 20),
  /** now: open now; tonight: open now or opening before the city night ends; absent: every zone. */
  when: z.enum(["now", "tonight"]).optional(),
  kind: MarketZoneKind.optional(),
});
export type NearbyMarketsQuery = z.output<typeof NearbyMarketsQuery>;

export const NearbyMarketsResponse = z
  .object({
    zones: z.array(MarketZoneSummary),
    center: z.object({ lat: z.number(), lng: z.number() }),
    radius: z.number(),
  })
  .meta({ id: "NearbyMarketsResponse" });
export type NearbyMarketsResponse = z.infer<typeof NearbyMarketsResponse>;

export const MarketSubscription = z.object({ zoneId: z.string(), subscribed: z.boolean() }).meta({ id: "MarketSubscription" });

/**
 * Optional body of a subscription: the subscribe-message templates the resident accepted at the tap
 * (wx.requestSubscribeMessage); the markets template's one-time grant lets the next notice reach WeChat.
 */
export const MarketSubscribeRequest = z
  .strictObject({ subscriptions: z.array(z.string().min(1).max(64)).max(5).optional() })
  .meta({ id: "MarketSubscribeRequest" });
export type MarketSubscribeRequest = z.infer<typeof MarketSubscribeRequest>;
export type MarketSubscription = z.infer<typeof MarketSubscription>;

/** The report category whose reports are judged against open vending zones (shared/src/reports categories). */
export const STREET_VENDING_CATEGORY = "street_vending";
