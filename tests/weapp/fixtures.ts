import { describeDay, type NearbyToiletsResponse, SessionResponse, ToiletDetail, type ToiletSummary, User } from "@civic/shared";
import { GUANQIAN_TOILETS } from "../support/sample-toilets";
import type { RequestHandler, WxResponse } from "./harness/fake-wx";

/*
 * What the stubbed API answers in the weapp smoke test: three toilets near Guanqian Street (GCJ-02), built
 * through the shared schemas so a change of the contract breaks this test too.
 */
export const HERE = { latitude: 31.3017, longitude: 120.62 };

export const NEARBY_TOILETS: ToiletSummary[] = GUANQIAN_TOILETS;

const WEEKDAY = [{ open: "06:00", close: "22:00" }];
export const DETAIL_HOURS = {
  kind: "weekly" as const,
  days: [WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, WEEKDAY, [{ open: "08:00", close: "20:00" }], []],
};

const first = NEARBY_TOILETS[0] as ToiletSummary;
export const TOILET_DETAIL: ToiletDetail = ToiletDetail.parse({
  id: first.id,
  name: first.name,
  address: first.address,
  district: first.district,
  street: "观前街道",
  kind: first.kind,
  lat: first.lat,
  lng: first.lng,
  hours: DETAIL_HOURS,
  openNow: "open",
  free: true,
  feeNote: null,
  accessible: true,
  thirdToilet: true,
  babyCare: false,
  stalls: 12,
  managingUnit: "姑苏区环境卫生管理所",
  lastVerified: "2026-09-30",
  active: true,
  deactivatedReason: null,
  updatedAt: "2026-09-30T02:00:00.000Z",
});

/** The texts a resident should see for each day of the detail's week ("06:00–22:00", ..., "休息"). */
export const DETAIL_DAY_TEXTS = DETAIL_HOURS.days.map((d) => describeDay(d));

export const RESIDENT: User = User.parse({
  id: "0190a1b2-0000-7000-8000-0000000000aa",
  nickname: "苏州市民",
  roles: ["resident"],
  createdAt: "2026-09-01T00:00:00.000Z",
});
const SESSION: SessionResponse = SessionResponse.parse({
  token: "fake-session-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: RESIDENT,
});

const json = (statusCode: number, data: unknown): WxResponse => ({ statusCode, data, header: { "content-type": "application/json" } });

/** A stub of the API routes the toilet finder uses. */
export function stubApi(): RequestHandler {
  return (req) => {
    const url = new URL(req.url, "https://api.test");
    const path = url.pathname;
    if (path.endsWith("/api/v1/toilets/nearby")) {
      const accessibleOnly = /accessible=(true|1)/.test(req.url) || isOn(req.data, "accessible");
      const toilets = NEARBY_TOILETS.filter((t) => !accessibleOnly || t.accessible);
      const body: NearbyToiletsResponse = { toilets, center: { lat: HERE.latitude, lng: HERE.longitude }, radius: 1000 };
      return json(200, body);
    }
    const detail = /\/api\/v1\/toilets\/([^/?]+)$/.exec(path);
    if (detail) {
      return detail[1] === TOILET_DETAIL.id
        ? json(200, TOILET_DETAIL)
        : json(404, { error: { code: "not_found", message: "no such toilet" } });
    }
    if (path.endsWith("/api/v1/auth/wechat") || path.endsWith("/api/v1/auth/dev-login")) {
      return json(200, SESSION);
    }
    if (path.endsWith("/api/v1/me")) return json(200, RESIDENT);
    return undefined;
  };
}

function isOn(data: unknown, key: string): boolean {
  if (!data || typeof data !== "object") return false;
  const v = (data as Record<string, unknown>)[key];
  return v === true || v === "true" || v === "1" || v === 1;
}
