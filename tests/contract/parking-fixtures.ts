import { everyDay, feedRequestHeaders, type ParkingLotInput } from "@civic/shared";
import { offset } from "./fixtures";
import { type ContractHarness, call, loginAs } from "./harness";

/** Near 观前街, Suzhou (GCJ-02). */
export const PARKING_CENTRE = { lat: 31.3085, lng: 120.6195 };

export function lot(over: Partial<ParkingLotInput> & { name: string; lat: number; lng: number }): ParkingLotInput {
  return {
    type: "underground",
    address: "姑苏区人民路 100 号",
    district: "姑苏区",
    capacity: { total: 200, disabled: 4, charging: 10, shared: 0 },
    fees: { text: "首小时 10 元，之后每小时 5 元", rate: { freeMinutes: 15, firstHourYuan: 10, perHourYuan: 5, dailyCapYuan: 60 } },
    hours: { kind: "always" },
    ...over,
  };
}

export interface FeedKey {
  keyId: string;
  secret: string;
}

export interface ParkingWorld {
  adminToken: string;
  operatorId: string;
  key: FeedKey;
  /** Another operator with its own key and lot. */
  otherOperatorId: string;
  otherKey: FeedKey;
  lotIds: string[];
  otherLotId: string;
}

export async function createOperator(h: ContractHarness, adminToken: string, body: Record<string, unknown>) {
  const res = await call(h, "POST", "/api/v1/admin/parking/operators", { token: adminToken, body });
  if (res.status !== 201) throw new Error(`operator: ${res.status} ${JSON.stringify(res.json)}`);
  const key = await call(h, "POST", `/api/v1/admin/parking/operators/${res.json.id}/keys`, { token: adminToken });
  if (key.status !== 201) throw new Error(`key: ${key.status} ${JSON.stringify(key.json)}`);
  return { operatorId: res.json.id as string, key: { keyId: key.json.keyId as string, secret: key.json.secret as string } };
}

export async function createLot(h: ContractHarness, adminToken: string, input: ParkingLotInput): Promise<string> {
  const res = await call(h, "POST", "/api/v1/admin/parking/lots", { token: adminToken, body: input });
  if (res.status !== 201) throw new Error(`lot: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json.id as string;
}

/** Two operators (freshness 10 minutes), a key each; `lots` belong to the first, one lot to the second. */
export async function parkingWorld(h: ContractHarness, lots: Omit<ParkingLotInput, "operatorId">[]): Promise<ParkingWorld> {
  const admin = await loginAs(h, "parking-admin", "admin");
  const first = await createOperator(h, admin.token, { name: "姑苏停车", kind: "push", freshnessMinutes: 10, licence: "CC BY 4.0" });
  const second = await createOperator(h, admin.token, { name: "园区停车", kind: "push", freshnessMinutes: 10 });
  const lotIds: string[] = [];
  for (const l of lots) lotIds.push(await createLot(h, admin.token, { ...l, operatorId: first.operatorId }));
  const otherLotId = await createLot(
    h,
    admin.token,
    lot({ name: "园区 A 停车场", ...offset(PARKING_CENTRE, 0, 3000), operatorId: second.operatorId }),
  );
  return { adminToken: admin.token, ...first, otherOperatorId: second.operatorId, otherKey: second.key, lotIds, otherLotId };
}

/** A signed push at `now` (the harness clock), or with the headers overridden. */
export async function pushFeed(
  h: ContractHarness,
  key: FeedKey,
  rows: unknown[],
  now: string,
  over: { headers?: Record<string, string>; body?: string } = {},
) {
  const body = over.body ?? JSON.stringify({ rows });
  const headers = { ...(await feedRequestHeaders(key.keyId, key.secret, body, new Date(now))), ...(over.headers ?? {}) };
  return call(h, "POST", "/api/v1/feeds/parking", { body, headers });
}

export const nearbyParkingPath = (p: { lat: number; lng: number }, extra = "") =>
  `/api/v1/parking/nearby?lat=${p.lat}&lng=${p.lng}${extra}`;

export const SHARED_WINDOWS = everyDay({ open: "18:00", close: "08:00" });
