import { everyDay, latBand, type OpeningHours } from "@civic/shared";
import { sql } from "drizzle-orm";
import { auditLog, parkingFeedKeys, parkingLots, parkingObservations, parkingOperators } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { deriveFeedSecret, hashFeedSecret } from "../parking/feed-signature";
import { newId } from "../platform/ids";
import { type DemoLotProfile, demoCityHour, plausibleFree } from "./parking-occupancy";
import { pick, pointIn, prng, type Rand } from "./random";
import { SUZHOU_AREAS } from "./suzhou";

/*
 * Demo parking: about 60 lots over Suzhou's districts from two operators, some of them shared (错时)
 * school and office lots open to the public in evening windows, with a day of observed history. The
 * first operator is the one the simulated feed (parking-operator.ts) pushes for, with its own key.
 */

export const DEMO_FEED_KEY_ID = "pk_demo_city_parking";
export const DEMO_OPERATOR_NAME = "苏州城市停车运营";

interface DemoLot {
  name: string;
  type: "garage" | "underground" | "surface" | "street" | "shared";
  profile: DemoLotProfile;
}

const SUFFIXES: readonly DemoLot[] = [
  { name: "地下停车场", type: "underground", profile: "shopping" },
  { name: "立体停车库", type: "garage", profile: "office" },
  { name: "公共停车场", type: "surface", profile: "street" },
  { name: "路内泊位", type: "street", profile: "street" },
];

/** Named lots residents know; the rest are made from each district's roads. */
const LANDMARKS: Record<string, readonly DemoLot[]> = {
  "320508": [
    { name: "观前街地下停车场", type: "underground", profile: "shopping" },
    { name: "平江路历史街区停车场", type: "surface", profile: "shopping" },
    { name: "石路国际商城停车库", type: "garage", profile: "shopping" },
    { name: "苏州站北广场停车场", type: "underground", profile: "station" },
    { name: "平江实验学校错时共享停车场", type: "shared", profile: "shared" },
  ],
  "320571": [
    { name: "苏州中心地下停车场", type: "underground", profile: "shopping" },
    { name: "圆融时代广场停车场", type: "underground", profile: "shopping" },
    { name: "李公堤公共停车场", type: "surface", profile: "shopping" },
    { name: "星海小学错时共享停车场", type: "shared", profile: "shared" },
  ],
  "320505": [
    { name: "狮山龙湖天街停车场", type: "underground", profile: "shopping" },
    { name: "苏州新区火车站停车场", type: "surface", profile: "station" },
    { name: "高新区管委会错时共享停车场", type: "shared", profile: "shared" },
  ],
  "320506": [
    { name: "吴中万达广场停车场", type: "underground", profile: "shopping" },
    { name: "吴中区政府错时共享停车场", type: "shared", profile: "shared" },
  ],
  "320507": [
    { name: "相城活力岛停车场", type: "surface", profile: "shopping" },
    { name: "苏州北站停车场", type: "underground", profile: "station" },
  ],
  "320509": [{ name: "吴江万宝商业广场停车场", type: "underground", profile: "shopping" }],
};

const SHARED_WINDOWS: OpeningHours = {
  kind: "weekly",
  // Weekdays after school until the next morning; all weekend.
  days: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ open: "18:00", close: "07:30" }] : [{ open: "00:00", close: "24:00" }])),
};

function lotsFor(rand: Rand, count: number) {
  const out: (DemoLot & { lat: number; lng: number; district: string; address: string })[] = [];
  const totalWeight = SUZHOU_AREAS.reduce((s, a) => s + a.weight, 0);
  for (const area of SUZHOU_AREAS) {
    const n = Math.max(2, Math.round((count * area.weight) / totalWeight));
    const named = LANDMARKS[area.code] ?? [];
    for (let i = 0; i < n; i++) {
      const road = pick(rand, area.roads);
      const lot = named[i] ?? { ...pick(rand, SUFFIXES), name: "" };
      const name =
        lot.name ||
        `${road}${
          pick(
            rand,
            SUFFIXES.filter((s) => s.type === lot.type),
          ).name
        }`;
      const p = pointIn(area, rand, 0.6);
      out.push({
        ...lot,
        name,
        lat: p.lat,
        lng: p.lng,
        district: area.district,
        address: `${area.district}${road}${10 + Math.floor(rand() * 400)}号`,
      });
    }
  }
  return out;
}

const capacityFor = (type: DemoLot["type"], rand: Rand) =>
  type === "street" ? 20 + Math.floor(rand() * 40) : type === "shared" ? 40 + Math.floor(rand() * 80) : 120 + Math.floor(rand() * 700);

/** Seeds the demo lots, operators and the simulated operator's key when there are no lots yet; returns lots added. */
export async function seedDemoParkingIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date, feedKeySecret?: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(parkingLots);
  if (Number(row?.n ?? 0) > 0) return 0;
  const rand = prng(20261201);
  const at = now.toISOString();
  const city = {
    id: newId(),
    name: DEMO_OPERATOR_NAME,
    kind: "push" as const,
    freshnessMinutes: 10,
    licence: "CC BY 4.0 苏州市城市管理局",
    contact: "0512-12319",
  };
  const park = {
    id: newId(),
    name: "工业园区智慧停车平台",
    kind: "push" as const,
    freshnessMinutes: 15,
    licence: "CC BY 4.0",
    contact: "0512-66680000",
  };
  const statements: unknown[] = [db.insert(parkingOperators).values([city, park].map((o) => ({ ...o, createdAt: at, updatedAt: at })))];
  if (feedKeySecret) {
    // The simulated operator's key, issued as an admin would (its secret is derived again by the simulator).
    const secretHash = await hashFeedSecret(await deriveFeedSecret(feedKeySecret, DEMO_FEED_KEY_ID));
    statements.push(
      db.insert(parkingFeedKeys).values({ keyId: DEMO_FEED_KEY_ID, operatorId: city.id, secretHash, status: "active", createdAt: at }),
      db.insert(auditLog).values({
        id: newId(),
        actorId: null,
        action: "parking.key.issue",
        targetType: "parking_operator",
        targetId: city.id,
        detail: JSON.stringify({ keyId: DEMO_FEED_KEY_ID, by: "demo seed" }),
        at,
      }),
    );
  }
  const lots = lotsFor(rand, 60);
  const observations: (typeof parkingObservations.$inferInsert)[] = [];
  const rows = lots.map((l, i) => {
    const id = newId();
    const operator = l.district === "苏州工业园区" ? park : city;
    const capacity = capacityFor(l.type, rand);
    // A day of history every 30 minutes; the park operator's lots stop two hours ago (its feed went quiet).
    const quietSince = operator === park ? 120 : 2 + Math.floor(rand() * 6);
    let last: { free: number; observedAt: string } | null = null;
    for (let m = 24 * 60; m >= quietSince; m -= 30) {
      const t = new Date(now.getTime() - m * 60_000);
      const free = plausibleFree(l.profile, capacity, demoCityHour(t), rand);
      last = { free, observedAt: t.toISOString() };
      observations.push({ lotId: id, observedAt: last.observedAt, free, total: capacity, status: "open" });
    }
    const shared = l.type === "shared";
    return {
      id,
      name: l.name,
      type: l.type,
      address: l.address,
      district: l.district,
      lat: l.lat,
      lng: l.lng,
      latBand: latBand(l.lat),
      capacityTotal: capacity,
      capacityDisabled: l.type === "street" ? 1 : Math.floor(capacity / 50),
      capacityCharging: l.type === "street" || shared ? 0 : Math.floor(capacity / 12),
      capacityShared: shared ? capacity : 0,
      feeText: shared
        ? "共享时段首 2 小时免费，之后每小时 2 元"
        : l.type === "street"
          ? "首 15 分钟免费，每 30 分钟 3 元"
          : "首小时 8 元，之后每小时 4 元，24 小时封顶 50 元",
      feeRate: JSON.stringify(
        shared
          ? { freeMinutes: 120, firstHourYuan: 0, perHourYuan: 2, dailyCapYuan: 20 }
          : l.type === "street"
            ? { freeMinutes: 15, firstHourYuan: 6, perHourYuan: 6, dailyCapYuan: null }
            : { freeMinutes: 15, firstHourYuan: 8, perHourYuan: 4, dailyCapYuan: 50 },
      ),
      hours: JSON.stringify(
        shared ? SHARED_WINDOWS : l.type === "street" ? everyDay({ open: "07:00", close: "21:00" }) : { kind: "always" },
      ),
      sharedHours: null,
      operatorId: operator.id,
      operatorLotId: `${operator === park ? "SIP" : "SZ"}-${String(i + 1).padStart(3, "0")}`,
      licence: operator.licence,
      active: true,
      createdAt: at,
      updatedAt: at,
      liveFree: last?.free ?? null,
      liveTotal: last ? capacity : null,
      liveStatus: last ? ("open" as const) : null,
      liveObservedAt: last?.observedAt ?? null,
      liveLimitMinutes: operator.freshnessMinutes,
      liveSeq: i + 1,
    };
  });
  for (let i = 0; i < rows.length; i += 50) statements.push(db.insert(parkingLots).values(rows.slice(i, i + 50)));
  for (let i = 0; i < observations.length; i += 500) statements.push(db.insert(parkingObservations).values(observations.slice(i, i + 500)));
  await atomic(statements);
  return rows.length;
}
