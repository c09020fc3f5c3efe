import { addCityDays, cityClock, DEFAULT_CITY_ZONE, pickupCodeFrom } from "@civic/shared";
import { sql } from "drizzle-orm";
import { rewards } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId } from "../platform/ids";
import { awardStatement, entryWritten, spendStatement } from "../points/ledger";
import { rewardsRepo } from "../rewards/rewards.repo";
import { demoUsers } from "./demo-pickups";

/*
 * Demo rewards (积分兑换): eight everyday rewards at two pickup places, one nearly out of stock, one not
 * yet on offer; a demo resident (dev-login openid "demo-rewards-resident") with points from two weigh-ins
 * and two redemptions through the same ledger statements the API uses (one waiting, one collected).
 * No pictures: the seed has no image files to upload.
 */

export const DEMO_REWARDS_RESIDENT_OPENID = "dev:demo-rewards-resident";

const CENTRE = { placeName: "平江街道社区服务中心", placeAddress: "姑苏区平江路 120 号", placeHours: "周一至周六 9:00–17:00" };
const STATION = { placeName: "金鸡湖可回收物服务站", placeAddress: "工业园区星湖街 328 号", placeHours: "每天 8:30–18:00" };

const DEMO_REWARDS = [
  { name: "环保购物袋", description: "可折叠无纺布购物袋，结实耐用", price: 50, stock: 200, ...CENTRE },
  { name: "洗衣液 2kg", description: "低泡浓缩洗衣液一瓶", price: 300, stock: 40, ...CENTRE },
  { name: "厨余沥水篮", description: "水槽角落沥水篮，厨余垃圾先沥干再投放", price: 120, stock: 60, ...STATION },
  { name: "公交卡充值券 10 元", description: "苏州交通卡充值券，领取后 30 天内有效", price: 500, stock: 3, ...CENTRE },
  { name: "分类垃圾桶（四色）", description: "家用四分类小垃圾桶一套", price: 800, stock: 25, ...STATION },
  { name: "洗洁精 500ml", description: "食品级洗洁精一瓶", price: 150, stock: 80, ...CENTRE },
  { name: "抽纸 3 包", description: "原生木浆抽纸三包", price: 100, stock: 120, ...STATION },
  { name: "玻璃密封罐", description: "厨房收纳密封罐，旧物少一点", price: 200, stock: 30, ...STATION, startsInDays: 7 },
] as const;

/** Seeds the rewards demo into a database without rewards; returns how many were added. */
export async function seedDemoRewardsIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(rewards);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  const today = cityClock(now, DEFAULT_CITY_ZONE).date;
  const rows = DEMO_REWARDS.map((r) => ({
    id: newId(),
    name: r.name,
    description: r.description,
    pictureId: null,
    price: r.price,
    stock: r.stock,
    taken: 0,
    placeName: r.placeName,
    placeAddress: r.placeAddress,
    placeHours: r.placeHours,
    activeFrom: addCityDays(today, "startsInDays" in r ? r.startsInDays : -30),
    activeTo: addCityDays(today, 180),
    retiredAt: null,
    version: 1,
    editId: null,
    createdAt: at,
    updatedAt: at,
  }));
  const repo = rewardsRepo(db);
  await atomic(rows.map((r) => repo.insertStatement(r)));

  const ids = await demoUsers(db, atomic, [{ openid: DEMO_REWARDS_RESIDENT_OPENID, nickname: "积分兑换演示居民" }], at);
  const residentId = ids.get(DEMO_REWARDS_RESIDENT_OPENID);
  if (!residentId) return rows.length;
  const cap = { kind: "weigh_in" as const, perAccountDay: null, perActorDay: null };
  const earn = (amount: number, daysAgo: number, reason: string) => {
    const id = newId();
    return awardStatement(db, {
      id,
      accountId: residentId,
      kind: "weigh_in",
      sourceKey: `weigh:seed-${id}`,
      amount,
      cap,
      rule: "demo seed",
      day: addCityDays(today, -daysAgo),
      at,
      reason,
    });
  };
  await atomic([earn(600, 12, "可回收物称重：纸类 8.2kg"), earn(450, 3, "可回收物称重：塑料瓶 3.5kg")]);

  const redeemed = [
    { reward: rows[0]!, collected: true },
    { reward: rows[3]!, collected: false },
  ];
  for (const { reward, collected } of redeemed) {
    const entryId = newId();
    const redemptionId = newId();
    const written = entryWritten(entryId);
    await atomic([
      spendStatement(db, {
        id: entryId,
        accountId: residentId,
        kind: "redemption",
        sourceKey: `redeem:${redemptionId}`,
        cost: reward.price,
        rule: `reward ${reward.id} at ${reward.price}`,
        day: today,
        at,
        reason: `兑换 ${reward.name}`,
      }),
      repo.takeStatement(reward.id, written),
      repo.redemptionStatement(
        {
          id: redemptionId,
          rewardId: reward.id,
          accountId: residentId,
          entryId,
          price: reward.price,
          pickupCode: pickupCodeFrom(crypto.getRandomValues(new Uint8Array(8))),
          status: collected ? "collected" : "reserved",
          createdAt: at,
          collectedAt: collected ? at : null,
          collectedBy: null,
          cancelledAt: null,
          refundEntryId: null,
          claimId: null,
        },
        written,
      ),
    ]);
  }
  return rows.length;
}
