import { AdminMarketZone, MarketZoneDetail, MarketZoneSummary, type ZoneWindow, zoneHoursText } from "@civic/shared";

/* Night-market test data built through the shared schemas (a contract change breaks these tests too). */

export const ZONE_ID = "0190a1b2-0000-7000-8000-00000000m001";
export const SUSPENSION_ID = "0190a1b2-0000-7000-8000-00000000s001";
export const SHILU = { lat: 31.3165, lng: 120.5985 };

const RING: [number, number][] = [
  [120.5975, 31.316],
  [120.5995, 31.316],
  [120.5995, 31.317],
  [120.5975, 31.317],
  [120.5975, 31.316],
];

/** Friday and Saturday 18:00 to 02:00 the next day, Sunday 17:00-22:00. */
export const LATE_WINDOWS: ZoneWindow[] = [
  { weekday: 4, open: "18:00", close: "02:00" },
  { weekday: 5, open: "18:00", close: "02:00" },
  { weekday: 6, open: "17:00", close: "22:00" },
];

export const summaryOf = (over: Partial<MarketZoneSummary> = {}): MarketZoneSummary =>
  MarketZoneSummary.parse({
    id: ZONE_ID,
    name: "石路夜市",
    kind: "night_market",
    address: "姑苏区石路步行街",
    district: "姑苏区",
    street: "金阊街道",
    lat: SHILU.lat,
    lng: SHILU.lng,
    distanceM: 350,
    area: { shape: "polygon", ring: RING },
    stalls: 80,
    status: {
      state: "open",
      closesAt: "2026-12-04T18:00:00.000Z",
      opensAt: null,
      tonight: true,
      text: "还有 2 小时收摊",
      closedReason: null,
    },
    ...over,
  });

export const OPENS_LATER = {
  state: "opens_later",
  closesAt: null,
  opensAt: "2026-12-04T11:00:00.000Z",
  tonight: true,
  text: "19:00 开市",
  closedReason: null,
} as const;

export const detailOf = (over: Partial<MarketZoneDetail> = {}): MarketZoneDetail =>
  MarketZoneDetail.parse({
    ...summaryOf(),
    distanceM: undefined,
    seasons: [{ start: "03-01", end: "11-30" }],
    windows: LATE_WINDOWS,
    hoursText: zoneHoursText(LATE_WINDOWS),
    exceptions: [{ date: "2099-10-01", reason: "国庆活动" }],
    goodsAllowed: ["小吃", "饮品"],
    goodsForbidden: ["明火烧烤"],
    fees: "每摊每晚 20 元",
    vendorsRegister: true,
    managingUnit: "姑苏区城管局金阊中队",
    contactPhone: "0512-65550000",
    upcomingSuspensions: [{ id: SUSPENSION_ID, date: "2099-12-05", reason: "暴雨预警", createdAt: "2026-12-01T02:00:00.000Z" }],
    subscribed: false,
    active: true,
    retiredReason: null,
    version: 2,
    updatedAt: "2026-12-01T02:00:00.000Z",
    ...over,
  });

export const adminZoneOf = (over: Partial<AdminMarketZone> = {}): AdminMarketZone => {
  const { distanceM: _, ...summary } = summaryOf();
  return AdminMarketZone.parse({ ...summary, active: true, retiredReason: null, version: 2, ...over });
};

/** The API's error envelope with details (a 409's reason, a 422's field issues). */
export const envelope = (statusCode: number, code: string, message: string, details?: unknown) => ({
  statusCode,
  data: { error: { code, message, ...(details === undefined ? {} : { details }) } },
});
