import {
  FeedKey,
  IssuedFeedKey,
  type LiveStatus,
  NearbyParkingResponse,
  type OccupancyBucket,
  ParkingLotDetail,
  type ParkingLotSummary,
  ParkingOperator,
  ParkingSource,
} from "@civic/shared";
import { GUSU } from "./fixtures";

/* Parking test data built through the shared schemas (a contract change breaks these tests too). */

const minutesAgo = (m: number) => new Date(Date.now() - m * 60_000).toISOString();

export const freshLive = (free: number, total: number, ageMinutes = 3): LiveStatus => ({
  free,
  total,
  status: "open",
  observedAt: minutesAgo(ageMinutes),
  fresh: true,
  band: free <= 0 ? "full" : free <= Math.max(5, Math.floor(total / 10)) ? "few" : "many",
});

/** What the API answers once a report is past its source's limit: no number, the age kept. */
export const unknownLive = (ageMinutes: number | null): LiveStatus => ({
  free: null,
  total: null,
  status: "unknown",
  observedAt: ageMinutes === null ? null : minutesAgo(ageMinutes),
  fresh: false,
  band: "unknown",
});

const summary = (over: Partial<ParkingLotSummary> & Pick<ParkingLotSummary, "id" | "name" | "live">): ParkingLotSummary => ({
  type: "underground",
  address: "苏州市姑苏区人民路 100 号",
  district: "姑苏区",
  lat: GUSU.lat + 0.001,
  lng: GUSU.lng,
  distanceM: 120,
  capacity: { total: 200, disabled: 4, charging: 10, shared: 0 },
  openNow: "open",
  ...over,
});

export const LOTS: ParkingLotSummary[] = [
  summary({ id: "lot-many", name: "观前街地下停车场", live: freshLive(23, 200, 3) }),
  summary({ id: "lot-few", name: "察院场立体车库", type: "garage", lat: GUSU.lat - 0.02, distanceM: 2200, live: freshLive(4, 60, 12) }),
  summary({
    id: "lot-full",
    name: "人民路路内泊位",
    type: "street",
    lng: GUSU.lng + 0.02,
    distanceM: 1900,
    capacity: { total: 30, disabled: 0, charging: 0, shared: 0 },
    live: freshLive(0, 30, 1),
  }),
  summary({ id: "lot-stale", name: "苏州中学错时共享停车", type: "shared", lat: GUSU.lat + 0.02, distanceM: 2300, live: unknownLive(125) }),
];

export const parkingBody = (lots: ParkingLotSummary[] = LOTS, radius = 1000): NearbyParkingResponse =>
  NearbyParkingResponse.parse({ lots, center: GUSU, radius, asOf: new Date().toISOString() });

/** 24 hourly buckets ending with the current hour; `gaps` are hours (index) without observations. */
export function series(gaps: number[] = []): OccupancyBucket[] {
  const hour = Math.floor(Date.now() / 3_600_000) * 3_600_000;
  return Array.from({ length: 24 }, (_, i) => {
    const gap = gaps.includes(i);
    return {
      hourStart: new Date(hour - (23 - i) * 3_600_000).toISOString(),
      meanFree: gap ? null : 200 - i * 5,
      occupancy: gap ? null : (i * 5) / 200,
      samples: gap ? 0 : 4,
    };
  });
}

export const lotDetail = (over: Partial<ParkingLotDetail> = {}): ParkingLotDetail =>
  ParkingLotDetail.parse({
    ...LOTS[0],
    distanceM: undefined,
    fees: { text: "白天 5 元/小时，夜间 2 元/小时", rate: { freeMinutes: 15, firstHourYuan: 5, perHourYuan: 3, dailyCapYuan: 40 } },
    hours: { kind: "always" },
    sharedHours: null,
    source: { operatorId: "op-1", operatorName: "姑苏停车运营公司", kind: "push", licence: "CC BY 4.0" },
    last24h: series([5, 6]),
    active: true,
    updatedAt: "2026-11-30T02:00:00.000Z",
    ...over,
  });

export const operator = (over: Partial<ParkingOperator> = {}): ParkingOperator =>
  ParkingOperator.parse({
    id: "op-1",
    name: "姑苏停车运营公司",
    kind: "push",
    freshnessMinutes: 15,
    licence: "CC BY 4.0",
    contact: "0512-65000000",
    enabled: true,
    pullUrl: null,
    createdAt: "2026-11-01T00:00:00.000Z",
    updatedAt: "2026-11-01T00:00:00.000Z",
    ...over,
  });

export const feedKey = (over: Partial<FeedKey> = {}): FeedKey =>
  FeedKey.parse({
    keyId: "pk_0001",
    operatorId: "op-1",
    status: "active",
    createdAt: "2026-11-02T00:00:00.000Z",
    revokedAt: null,
    lastUsedAt: null,
    ...over,
  });

export const issuedKey = (): IssuedFeedKey => IssuedFeedKey.parse({ ...feedKey({ keyId: "pk_0002" }), secret: "s3cr3t-shown-once" });

export const source = (over: Partial<ParkingSource> = {}): ParkingSource =>
  ParkingSource.parse({
    operatorId: "op-1",
    name: "姑苏停车运营公司",
    kind: "push",
    freshnessLimitMinutes: 15,
    state: "active",
    lots: 3,
    lastReportAt: minutesAgo(2),
    lastErrorAt: null,
    lastError: null,
    rowsAccepted: 1200,
    rowsRejected: 3,
    requestsRefused: 1,
    ...over,
  });
