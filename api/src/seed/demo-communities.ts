import {
  addCityMonths,
  binRoomQrPath,
  cityMonthOf,
  DEFAULT_CITY,
  DEFAULT_CITY_ZONE,
  findDistrict,
  rateCommunityMonth,
} from "@civic/shared";
import { sql } from "drizzle-orm";
import {
  binRooms,
  communities,
  communityInspections,
  communityMembers,
  communityRatingMonths,
  communityRatings,
  userRoles,
  volunteerCommunities,
} from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { demoUsers } from "./demo-pickups";
import { prng } from "./random";

/*
 * Demo data for 星级小区: 20 communities across Suzhou's districts and streets with 1–4 bin rooms each,
 * households registered in them (dev-login openids demo-household-<community>-<n>; the H5 picker's
 * demo-resident lives in 狮山花园), the 小蜜蜂 volunteers demo-volunteer and demo-volunteer-2 assigned, and
 * inspections with published ratings for the 3 months before the seed's month (so the ranking and trends
 * show). The published figures are the demo's history: they are stored as published, not counted from
 * checks (the volunteers' demo, api/src/seed/demo-checks.ts, adds the current month's checks).
 */

/** [name, district, street, bin rooms, households] */
const COMMUNITIES: [string, string, string, number, number][] = [
  ["狮山花园", "虎丘区", "狮山街道", 3, 14],
  ["狮山名门", "虎丘区", "狮山街道", 2, 10],
  ["枫桥人家", "虎丘区", "枫桥街道", 2, 9],
  ["金色家园", "虎丘区", "枫桥街道", 1, 6],
  ["横塘新苑", "虎丘区", "横塘街道", 2, 8],
  ["平江新城", "姑苏区", "平江街道", 4, 15],
  ["桐芳巷小区", "姑苏区", "平江街道", 1, 6],
  ["沧浪新村", "姑苏区", "沧浪街道", 3, 12],
  ["南环新村", "姑苏区", "沧浪街道", 2, 9],
  ["金阊新城", "姑苏区", "金阊街道", 2, 8],
  ["虎丘湿地花园", "姑苏区", "虎丘街道", 1, 5],
  ["双塔苑", "姑苏区", "双塔街道", 2, 7],
  ["湖东邻里花园", "苏州工业园区", "金鸡湖街道", 4, 15],
  ["星海小区", "苏州工业园区", "金鸡湖街道", 3, 12],
  ["娄葑新村", "苏州工业园区", "娄葑街道", 2, 10],
  ["斜塘花园", "苏州工业园区", "斜塘街道", 2, 8],
  ["唯亭青苑", "苏州工业园区", "唯亭街道", 1, 6],
  ["长桥新村", "吴中区", "长桥街道", 2, 9],
  ["城南花苑", "吴中区", "城南街道", 3, 11],
  ["越溪佳苑", "吴中区", "越溪街道", 1, 6],
];

const ROOM_NAMES = ["1号投放点", "2号投放点", "北门投放点", "南门投放点"];

/** Fixed ids so other demo seeds (the volunteers' checks) find these rows. */
const demoId = (kind: number, i: number, j = 0) =>
  `0190d000-${String(kind).padStart(4, "0")}-7000-8000-${String(i).padStart(6, "0")}${String(j).padStart(6, "0")}`;
export const DEMO_COMMUNITY_IDS = COMMUNITIES.map((_, i) => demoId(1, i));
/** Each demo community's bin rooms: [{ id, code }] (codes are what the printed QR codes hold). */
export const DEMO_BIN_ROOMS = COMMUNITIES.map(([, , , rooms], i) =>
  Array.from({ length: rooms }, (_, j) => ({ id: demoId(2, i, j), code: `DEMO${String(i).padStart(2, "0")}${j}` })),
);
export const DEMO_VOLUNTEER_OPENIDS = ["dev:demo-volunteer", "dev:demo-volunteer-2"] as const;
/** Which demo communities (indexes) each volunteer serves: the first the 狮山/枫桥 ones, the second 姑苏's. */
export const DEMO_VOLUNTEER_COMMUNITIES = [
  [0, 1, 2, 3],
  [5, 6, 7, 8],
] as const;
export const demoHouseholdOpenid = (community: number, n: number) => `dev:demo-household-${community}-${n}`;
export const DEMO_RESIDENT_OPENID = "dev:demo-resident";
/** How many households each demo community has registered (the demo-resident is one more in the first). */
export const DEMO_HOUSEHOLDS = COMMUNITIES.map(([, , , , n]) => n);

const chunks = <T>(rows: T[], n: number) => Array.from({ length: Math.ceil(rows.length / n) }, (_, i) => rows.slice(i * n, i * n + n));

/** Seeds the communities demo into a database without communities; returns how many were added. */
export async function seedDemoCommunitiesIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(communities);
  if (Number(row?.n ?? 0) > 0) return 0;
  const rand = prng(10);
  const at = now.toISOString();
  const joinedAt = new Date(now.getTime() - 150 * 86_400_000).toISOString();
  const thisMonth = cityMonthOf(now, DEFAULT_CITY_ZONE);
  const months = [3, 2, 1].map((n) => addCityMonths(thisMonth, -n));

  const communityRows = COMMUNITIES.map(([name, district, street], i) => {
    const d = findDistrict(DEFAULT_CITY, district);
    const s = DEFAULT_CITY.streets.find((x) => x.districtCode === d?.code && x.name === street);
    if (!d || !s) throw new Error(`demo community ${name}: unknown place ${district} ${street}`);
    return {
      id: DEMO_COMMUNITY_IDS[i]!,
      name,
      district: d.name,
      street,
      lat: s.centre.lat + (rand() - 0.5) * 0.01,
      lng: s.centre.lng + (rand() - 0.5) * 0.01,
      active: true,
      createdAt: at,
      version: 1,
    };
  });
  const roomRows = communityRows.flatMap((c, i) =>
    DEMO_BIN_ROOMS[i]!.map((r, j) => ({
      id: r.id,
      communityId: c.id,
      name: ROOM_NAMES[j]!,
      code: r.code,
      lat: c.lat,
      lng: c.lng,
      active: true,
      createdAt: at,
    })),
  );

  const wanted = [
    { openid: DEMO_VOLUNTEER_OPENIDS[0], nickname: "小蜜蜂志愿者王阿姨" },
    { openid: DEMO_VOLUNTEER_OPENIDS[1], nickname: "小蜜蜂志愿者陈老师" },
    { openid: DEMO_RESIDENT_OPENID, nickname: "演示居民" },
    ...DEMO_HOUSEHOLDS.flatMap((n, c) =>
      Array.from({ length: n }, (_, k) => ({ openid: demoHouseholdOpenid(c, k), nickname: `住户${c + 1}-${k + 1}` })),
    ),
  ];
  const ids = await demoUsers(db, atomic, wanted, at);
  const volunteerIds = DEMO_VOLUNTEER_OPENIDS.map((o) => ids.get(o)!);
  const memberRows = [
    { accountId: ids.get(DEMO_RESIDENT_OPENID)!, communityId: DEMO_COMMUNITY_IDS[0]!, joinedAt },
    ...DEMO_HOUSEHOLDS.flatMap((n, c) =>
      Array.from({ length: n }, (_, k) => ({
        accountId: ids.get(demoHouseholdOpenid(c, k))!,
        communityId: DEMO_COMMUNITY_IDS[c]!,
        joinedAt,
      })),
    ),
  ];

  // Each community has a character (a well-run one stays good), drifting a little month to month.
  const inspections: (typeof communityInspections.$inferInsert)[] = [];
  const ratings: (typeof communityRatings.$inferInsert)[] = [];
  communityRows.forEach((c, i) => {
    const households = DEMO_HOUSEHOLDS[i]! + (i === 0 ? 1 : 0);
    const quality = 0.45 + rand() * 0.5;
    months.forEach((month, m) => {
      const q = Math.min(1, quality + (m - 1) * 0.03 + (rand() - 0.5) * 0.08);
      const checkedHouseholds = Math.round(households * Math.min(1, q + 0.1));
      const checks = checkedHouseholds * (2 + Math.floor(rand() * 3));
      const correctChecks = Math.round(checks * Math.min(1, q + 0.05));
      const inspection = Math.round(Math.min(100, 50 + q * 50));
      const publishedAt = `${addCityMonths(month, 1)}-02T01:00:00.000Z`;
      inspections.push({
        communityId: c.id,
        month,
        score: inspection,
        note: inspection >= 85 ? "桶站整洁，分类指引清晰" : "部分时段有混投",
        inspectorId: null,
        updatedAt: publishedAt,
      });
      const r = rateCommunityMonth({ households, checkedHouseholds, checks, correctChecks, inspection });
      ratings.push({
        communityId: c.id,
        month,
        households,
        checkedHouseholds,
        checks,
        correctChecks,
        participation: r.participation,
        accuracy: r.accuracy,
        inspection,
        score: r.ratable ? r.score : null,
        stars: r.ratable ? r.stars : null,
        unratable: r.ratable ? null : r.reason,
        publishedAt,
      });
    });
  });

  await atomic([
    db.insert(communities).values(communityRows),
    ...chunks(roomRows, 10).map((rows) => db.insert(binRooms).values(rows)),
    db
      .insert(userRoles)
      .values(volunteerIds.map((userId) => ({ userId, role: "volunteer" as const, grantedAt: at, grantedBy: null })))
      .onConflictDoNothing(),
    db
      .insert(volunteerCommunities)
      .values(
        volunteerIds.flatMap((volunteerId, v) =>
          DEMO_VOLUNTEER_COMMUNITIES[v]!.map((c) => ({
            volunteerId,
            communityId: DEMO_COMMUNITY_IDS[c]!,
            assignedAt: at,
            assignedBy: null,
          })),
        ),
      )
      .onConflictDoNothing(),
    ...chunks(memberRows, 30).map((rows) => db.insert(communityMembers).values(rows).onConflictDoNothing()),
    ...chunks(inspections, 15).map((rows) => db.insert(communityInspections).values(rows)),
    db.insert(communityRatingMonths).values(
      months.map((month) => ({
        month,
        publishId: `demo:${month}`,
        publishedAt: `${addCityMonths(month, 1)}-02T01:00:00.000Z`,
        publishedBy: null,
      })),
    ),
    ...chunks(ratings, 7).map((rows) => db.insert(communityRatings).values(rows)),
  ]);
  return communityRows.length;
}

/** What a printed bin-room QR code of the demo holds (for the README and the volunteers' demo). */
export const demoBinRoomQrPaths = () => DEMO_BIN_ROOMS.flat().map((r) => binRoomQrPath(r.code));
