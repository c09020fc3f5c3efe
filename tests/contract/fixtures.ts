import type { OpeningHours, ToiletInput } from "@civic/shared";
import { everyDay } from "@civic/shared";
import { type ContractHarness, call, loginAs } from "./harness";

/** Guanqian Street, Suzhou (GCJ-02): the centre most toilet tests search around. */
export const GUANQIAN = { lat: 31.3085, lng: 120.6195 };

/** Moves `metres` north (+) / east (+) of a point. */
export function offset(p: { lat: number; lng: number }, northM: number, eastM: number) {
  return {
    lat: p.lat + northM / 111_195,
    lng: p.lng + eastM / (111_195 * Math.cos((p.lat * Math.PI) / 180)),
  };
}

export function toilet(over: Partial<ToiletInput> & { name: string; lat: number; lng: number }): ToiletInput {
  const hours: OpeningHours = everyDay({ open: "06:00", close: "22:00" });
  return {
    address: "姑苏区观前街1号",
    district: "姑苏区",
    street: "平江街道",
    kind: "municipal",
    hours,
    free: true,
    accessible: false,
    thirdToilet: false,
    babyCare: false,
    stalls: 8,
    managingUnit: "姑苏区环境卫生管理所",
    lastVerified: "2026-10-01",
    ...over,
  };
}

/** Creates toilets as an admin and returns their ids in the same order. */
export async function createToilets(h: ContractHarness, toilets: ToiletInput[], adminToken?: string) {
  const token = adminToken ?? (await loginAs(h, "fixture-admin", "admin")).token;
  const ids: string[] = [];
  for (const t of toilets) {
    const res = await call(h, "POST", "/api/v1/admin/toilets", { token, body: t });
    if (res.status !== 201) throw new Error(`create toilet failed: ${res.status} ${JSON.stringify(res.json)}`);
    ids.push(res.json.id);
  }
  return ids;
}

export const nearbyPath = (p: { lat: number; lng: number }, extra = "") => `/api/v1/toilets/nearby?lat=${p.lat}&lng=${p.lng}${extra}`;
