import type { MarketZoneInput } from "@civic/shared";
import { offset } from "./fixtures";
import { type ContractHarness, call } from "./harness";

/* Shared set-up for the night-market suites: zones through the admin API, each test in its own spot. */

/** 2026-12-04 is a Friday; instants in the city's offset. */
export const cityInstant = (local: string) => new Date(`${local}+08:00`).toISOString();
export const FRIDAY = 4;

/** A spot of its own per test (3 km apart, searches use 1 km), so zones from other tests never show up. */
export function marketSpot(n: number) {
  return offset({ lat: 31.26, lng: 120.56 }, 0, n * 3000);
}

/** A square about `sideM` metres a side centred on `c`. */
export function square(c: { lat: number; lng: number }, sideM = 200): MarketZoneInput["area"] {
  const sw = offset(c, -sideM / 2, -sideM / 2);
  const ne = offset(c, sideM / 2, sideM / 2);
  return {
    shape: "polygon",
    ring: [
      [sw.lng, sw.lat],
      [ne.lng, sw.lat],
      [ne.lng, ne.lat],
      [sw.lng, ne.lat],
      [sw.lng, sw.lat],
    ],
  };
}

export function zone(over: Partial<MarketZoneInput> & { name: string; area: MarketZoneInput["area"] }): MarketZoneInput {
  return {
    kind: "night_market",
    address: "姑苏区石路步行街",
    district: "姑苏区",
    street: "金阊街道",
    windows: [{ weekday: FRIDAY, open: "18:00", close: "02:00" }],
    goodsAllowed: ["小吃", "文创"],
    goodsForbidden: ["明火烧烤"],
    stalls: 40,
    fees: "每摊每晚 20 元",
    vendorsRegister: true,
    managingUnit: "姑苏区城市管理局",
    contactPhone: "0512-65223456",
    ...over,
  };
}

export async function createZone(h: ContractHarness, token: string, input: MarketZoneInput) {
  const res = await call(h, "POST", "/api/v1/admin/night-markets", { token, body: input });
  if (res.status !== 201) throw new Error(`create zone failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as { id: string; version: number };
}

export async function nearbyZones(h: ContractHarness, at: { lat: number; lng: number }, query = "") {
  const res = await call(h, "GET", `/api/v1/night-markets/nearby?lat=${at.lat}&lng=${at.lng}&radius=1000${query}`);
  if (res.status !== 200) throw new Error(`nearby failed: ${res.status} ${JSON.stringify(res.json)}`);
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  return res.json.zones as any[];
}

/** The street-vending report category (as the seed has it), created once per host run. */
export async function ensureStreetVending(h: ContractHarness, token: string) {
  const res = await call(h, "POST", "/api/v1/admin/report-categories", {
    token,
    body: { code: "street_vending", name: "占道经营", group: "street_order", department: "城管执法中队", slaHours: 4 },
  });
  if (res.status !== 201 && res.status !== 409) throw new Error(`street_vending category: ${res.status} ${JSON.stringify(res.json)}`);
}
