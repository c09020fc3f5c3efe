import {
  addCityDays,
  cityClock,
  cityDayStart,
  DEFAULT_CITY_ZONE,
  DEFAULT_POINTS_RATES,
  DROP_OFF_CLASSES,
  POINTS_CLASS_LABELS,
  POINTS_CLASSES,
} from "@civic/shared";
import { inArray, sql } from "drizzle-orm";
import { pointsCodes, pointsRates, users, weighInLines, weighIns } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId, newToken } from "../platform/ids";
import { awardStatement } from "../points/ledger";
import { householdLabel } from "../points/resident-code";
import { DEMO_COLLECTOR_OPENIDS } from "./demo-pickups";
import { pick, prng } from "./random";

/*
 * Demo data for recycling points: the rate table's version 1 and three households (dev-login openids
 * demo-resident — the H5 role picker's resident — demo-points-resident-2, -3) with two months of weigh-ins
 * by demo-collector at the doorstep and at recycling points, so 我的积分 shows a balance and a history.
 * Runs once: only into a database without rates.
 */

export const DEMO_POINTS_RESIDENTS = ["dev:demo-resident", "dev:demo-points-resident-2", "dev:demo-points-resident-3"] as const;
const POINT_NAMES = ["平江路回收点", "观前街回收点", "金鸡湖社区回收站"];

export async function seedDemoPointsIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(pointsRates);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  const wanted = [
    ...DEMO_POINTS_RESIDENTS.map((openid, i) => ({ openid, nickname: `积分住户${i + 1}` })),
    { openid: DEMO_COLLECTOR_OPENIDS[0], nickname: "回收员张师傅" },
  ];
  await atomic([
    db
      .insert(users)
      .values(wanted.map((u) => ({ id: newId(), ...u, createdAt: at })))
      .onConflictDoNothing(),
    ...POINTS_CLASSES.map((c) =>
      db.insert(pointsRates).values({ class: c, pointsPerKg: DEFAULT_POINTS_RATES[c], version: 1, effectiveAt: at, setBy: null }),
    ),
  ]);
  const ids = new Map(
    (
      await db
        .select({ id: users.id, openid: users.openid })
        .from(users)
        .where(
          inArray(
            users.openid,
            wanted.map((u) => u.openid),
          ),
        )
    ).map((r) => [r.openid, r.id]),
  );
  const collectorId = ids.get(DEMO_COLLECTOR_OPENIDS[0]);
  if (!collectorId) return 0;
  const rand = prng(1010);
  const today = cityClock(now, DEFAULT_CITY_ZONE).date;
  let count = 0;
  for (const openid of DEMO_POINTS_RESIDENTS) {
    const accountId = ids.get(openid);
    if (!accountId) continue;
    await db
      .insert(pointsCodes)
      .values({ accountId, ref: newToken().slice(0, 22), createdAt: at })
      .onConflictDoNothing();
    const [code] = await db.select().from(pointsCodes).where(sql`${pointsCodes.accountId} = ${accountId}`);
    const label = householdLabel(code?.ref ?? "0000");
    for (let d = 60; d >= 1; d -= 3 + Math.floor(rand() * 5)) {
      const day = addCityDays(today, -d);
      const when = new Date(cityDayStart(day, DEFAULT_CITY_ZONE).getTime() + (9 + Math.floor(rand() * 8)) * 3_600_000).toISOString();
      const classes = [...new Set([pick(rand, DROP_OFF_CLASSES), pick(rand, DROP_OFF_CLASSES)])];
      const lines = classes.map((c) => {
        const kg = Math.round((0.5 + rand() * 6) * 10) / 10;
        return {
          class: c,
          kg,
          pointsPerKg: DEFAULT_POINTS_RATES[c],
          rateVersion: 1,
          points: Math.round(kg * DEFAULT_POINTS_RATES[c]),
          at: when,
        };
      });
      const where = rand() < 0.5 ? "doorstep" : "drop_off";
      const id = crypto.randomUUID();
      const entryId = newId();
      const rated = lines.reduce((s, l) => s + l.points, 0);
      await atomic([
        db.insert(weighIns).values({
          id,
          collectorId,
          accountId,
          householdLabel: label,
          where,
          pointName: where === "drop_off" ? pick(rand, POINT_NAMES) : null,
          ratedPoints: rated,
          entryId,
          day,
          at: when,
        }),
        awardStatement(db, {
          id: entryId,
          accountId,
          kind: "weigh_in",
          sourceKey: `weigh:${id}`,
          amount: rated,
          cap: { kind: "weigh_in", perAccountDay: null, perActorDay: null },
          rule: `${lines.map((l) => `${POINTS_CLASS_LABELS[l.class]} ${l.pointsPerKg} 分/千克`).join("、")}（第1版费率）`,
          actorId: collectorId,
          day,
          at: when,
          reason: `${where === "doorstep" ? "上门回收" : "回收点投交"} ${lines.map((l) => `${POINTS_CLASS_LABELS[l.class]} ${l.kg} 千克`).join("、")}`,
        }),
        ...lines.map((l) => db.insert(weighInLines).values({ weighInId: id, ...l })),
      ]);
      count++;
    }
  }
  return count;
}
