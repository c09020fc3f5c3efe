import { DEFAULT_CITY_ZONE, latBand, type ReportStatus } from "@civic/shared";
import { sql } from "drizzle-orm";
import { reportCategories, reportHistory, reports, users } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId } from "../platform/ids";
import { backfillCaseNumbers } from "../reports/case-number";
import { pick, placeIn, prng, type Rand, weighted } from "./random";
import { SUZHOU_AREAS } from "./suzhou";

/*
 * Demo cases for the public map, the moderation queue and the KPI dashboard: residents' reports from the
 * last 30 days at every stage of the closed loop, each with the history rows that led there (so the
 * timeline, the KPIs and the state-machine rules hold for seeded data exactly as for real data).
 * They carry no photos (the demo has no pictures to show).
 */

const DESCRIPTIONS: Record<string, string[]> = {
  illegal_posters: ["电线杆和墙面上贴满了办证小广告", "小区门口的公告栏被贴满了牛皮癣", "人行道地面被喷涂了联系电话"],
  street_vending: ["早高峰有流动摊贩占用人行道卖早点", "路口有水果摊占道经营，行人只能走机动车道"],
  street_light: ["这一段路灯整晚不亮，晚上很黑", "路灯一直闪烁，影响开车"],
  manhole_cover: ["人行道上的井盖缺了一块，很危险", "井盖松动，车辆经过有很大响声"],
  shared_bike: ["地铁口共享单车堆成一片，挡住了盲道", "路边几十辆共享单车乱停，行人无法通过"],
  exposed_garbage: ["绿化带里有成堆的生活垃圾没人清理", "河边有人倾倒垃圾，气味很大"],
  overflowing_bin: ["垃圾桶已经满溢，垃圾散落一地"],
  construction_noise: ["深夜十一点还在施工，噪音很大影响休息"],
  illegal_construction: ["楼顶正在加盖彩钢板房", "一楼住户在院子里违规搭建棚屋"],
  fallen_tree: ["昨晚大风，路边树木倒伏压在非机动车道上"],
  outside_store: ["餐馆把桌椅摆到了人行道上经营"],
  open_air_bbq: ["晚上有露天烧烤，油烟很大"],
};

/** How far along the loop a demo case got, with its share. */
const STAGES: readonly (readonly [ReportStatus, number])[] = [
  ["submitted", 14],
  ["accepted", 8],
  ["dispatched", 14],
  ["resolved", 12],
  ["closed", 42],
  ["rejected", 10],
];
const ORDER: ReportStatus[] = ["submitted", "accepted", "dispatched", "resolved", "closed"];

interface DemoCategory {
  code: string;
  slaHours: number;
  department: string;
  name: string;
}

export async function seedDemoReportsIfEmpty(
  db: AppDb,
  atomic: AppDeps["atomic"],
  now: Date,
  count = 80,
  seed = 20261127,
): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(reports);
  if (Number(row?.n ?? 0) > 0) return 0;
  const categories: DemoCategory[] = await db
    .select({
      code: reportCategories.code,
      slaHours: reportCategories.slaHours,
      department: reportCategories.department,
      name: reportCategories.name,
    })
    .from(reportCategories);
  if (categories.length === 0) return 0;
  const rand = prng(seed);
  const nowIso = now.toISOString();
  const residents = Array.from({ length: 8 }, (_, i) => ({
    id: newId(),
    openid: `demo-resident-${i + 1}`,
    nickname: `居民${i + 1}`,
    createdAt: nowIso,
  }));
  const staffId = newId();
  const statements: unknown[] = [
    db
      .insert(users)
      .values([...residents, { id: staffId, openid: "demo-seed-moderator", nickname: "数字城管指挥中心", createdAt: nowIso }])
      .onConflictDoNothing(),
  ];
  const weightedCategories = categories.map((c) => [c, DESCRIPTIONS[c.code] ? 4 : 1] as const);
  for (let i = 0; i < count; i++) {
    const category = weighted(rand, weightedCategories);
    const built = demoCase(rand, category, pick(rand, residents).id, staffId, now);
    statements.push(db.insert(reports).values(built.report), db.insert(reportHistory).values(built.history));
  }
  await atomic(statements);
  // Demo cases get their case numbers the way old rows do: per city day in order of filing.
  await db.run(backfillCaseNumbers(now, DEFAULT_CITY_ZONE));
  return count;
}

function demoCase(rand: Rand, c: DemoCategory, reporterId: string, staffId: string, now: Date) {
  const area = weighted(
    rand,
    SUZHOU_AREAS.slice(0, 6).map((a) => [a, a.weight] as const),
  );
  const { point, district } = placeIn(area, rand, 0.6);
  const stage = weighted(rand, STAGES);
  const createdMs = now.getTime() - (1 + rand() * 29) * 86_400_000;
  const at = (ms: number) => new Date(Math.min(ms, now.getTime() - 60_000)).toISOString();
  const id = newId();
  const history: (typeof reportHistory.$inferInsert)[] = [];
  let t = createdMs;
  let status: ReportStatus = "submitted";
  const step = (action: string, to: ReportStatus, actor: string | null, note: string | null, hours: number) => {
    t += hours * 3_600_000;
    history.push({
      id: newId(),
      reportId: id,
      seq: history.length + 1,
      action,
      fromStatus: history.length ? status : null,
      toStatus: to,
      actorId: actor,
      actorKind: actor === staffId ? "bureau" : "resident",
      note,
      at: at(t),
    });
    status = to;
    return at(t);
  };
  step("submit", "submitted", reporterId, null, 0);
  let acceptedAt: string | null = null;
  let resolvedAt: string | null = null;
  let closedAt: string | null = null;
  let rating: number | null = null;
  let dispatchedTo: string | null = null;
  let reopenCount = 0;
  let rejectReason: string | null = null;
  const target = stage === "rejected" ? "rejected" : stage;
  if (target === "rejected") {
    rejectReason = pick(rand, ["not_responsible", "invalid", "duplicate"]);
    step("reject", "rejected", staffId, "经核实不予立案", 1 + rand() * 4);
  } else {
    const reach = ORDER.indexOf(target);
    // Most cases beat their SLA; about one in five runs late.
    const late = rand() < 0.2;
    if (reach >= 1) acceptedAt = step("accept", "accepted", staffId, "属实，立案", 0.5 + rand() * 3);
    if (reach >= 2) dispatchedTo = step("dispatch", "dispatched", staffId, null, 0.2 + rand()) && c.department;
    const resolveHours = () => c.slaHours * (late ? 1.1 + rand() : 0.15 + rand() * 0.45);
    if (reach >= 3) resolvedAt = step("resolve", "resolved", staffId, "已到场处置完毕", resolveHours());
    // About one resolved case in ten comes back: the resident reopens it and the bureau goes again.
    if (reach >= 3 && rand() < 0.1) {
      step("reopen", "reopened", reporterId, "问题又出现了", 4 + rand() * 20);
      reopenCount = 1;
      step("dispatch", "dispatched", staffId, "再次派遣", 0.5);
      resolvedAt = step("resolve", "resolved", staffId, "已再次处置并加强巡查", resolveHours() / 2);
    }
    if (reach >= 4) closedAt = step("close", "closed", staffId, "核查属实，结案", 0.5 + rand() * 2);
    if (reach >= 3 && rand() < 0.6) {
      rating = weighted(rand, [
        [5, 55],
        [4, 25],
        [3, 10],
        [2, 6],
        [1, 4],
      ] as const);
      step("rate", status, reporterId, rating >= 4 ? "处理及时，谢谢" : "处理得不够彻底", 2 + rand() * 20);
    }
  }
  const createdAt = at(createdMs);
  return {
    history,
    report: {
      id,
      reporterId,
      source: "app",
      categoryCode: c.code,
      description: pick(rand, DESCRIPTIONS[c.code] ?? [`${c.name}，请尽快处理`]),
      address: `${district.name}${pick(rand, area.roads)}${1 + Math.floor(rand() * 300)}号附近`,
      lat: point.lat,
      lng: point.lng,
      latBand: latBand(point.lat),
      district: district.name,
      districtCode: district.code,
      status,
      version: history.length,
      textCheck: "pass",
      department: dispatchedTo,
      rejectReason,
      resolutionNote: resolvedAt ? "已到场处置完毕" : null,
      rating,
      slaHours: c.slaHours,
      createdAt,
      updatedAt: history.at(-1)?.at ?? createdAt,
      acceptedAt,
      slaDueAt: new Date(Date.parse(acceptedAt ?? createdAt) + c.slaHours * 3_600_000).toISOString(),
      resolvedAt,
      everResolved: resolvedAt !== null,
      reopenCount,
      closedAt,
    } satisfies typeof reports.$inferInsert,
  };
}
