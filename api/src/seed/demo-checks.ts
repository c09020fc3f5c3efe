import {
  addCityDays,
  CHECK_ERRORS,
  cityClock,
  cityDayStart,
  DEFAULT_CITY_ZONE,
  DEFAULT_POINTS_CAPS,
  POINTS_PER_CORRECT_CHECK,
} from "@civic/shared";
import { eq, sql } from "drizzle-orm";
import { binRooms, communities, communityMembers, pointsCodes, sortingChecks, userRoles, volunteerCommunities } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { newId, newToken } from "../platform/ids";
import { awardStatement } from "../points/ledger";
import { checksRepo } from "../sorting/checks.repo";
import { demoUsers } from "./demo-pickups";
import { prng } from "./random";

/*
 * Demo 小蜜蜂 checks: volunteers (dev-login openids demo-volunteer, demo-volunteer-2) assigned to the demo
 * communities, and a month of checks of the communities' households with their ledger entries, written
 * through the same statements as the sync (check row + capped award). Uses the communities and bin rooms of
 * the communities seed (demo-communities.ts) when they are there; otherwise seeds a minimal set of its own
 * (2 communities, 3 bin rooms, 12 households).
 */

export const DEMO_VOLUNTEER_OPENIDS = ["dev:demo-volunteer", "dev:demo-volunteer-2"] as const;

const OWN_COMMUNITIES = [
  { id: "demo-comm-tongjing", name: "桐泾新村", district: "姑苏区", street: "双塔街道", lat: 31.2905, lng: 120.5992 },
  { id: "demo-comm-nanhuan", name: "南环新村", district: "姑苏区", street: "吴门桥街道", lat: 31.2842, lng: 120.6188 },
];
const OWN_ROOMS = [
  { id: "demo-room-tj-1", communityId: "demo-comm-tongjing", name: "北门投放点", code: "demo-tj-north" },
  { id: "demo-room-tj-2", communityId: "demo-comm-tongjing", name: "12幢旁投放点", code: "demo-tj-12" },
  { id: "demo-room-nh-1", communityId: "demo-comm-nanhuan", name: "中心投放点", code: "demo-nh-centre" },
];

async function ensureCommunities(db: AppDb, atomic: AppDeps["atomic"], at: string) {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(communities);
  if (Number(row?.n ?? 0) > 0) return;
  await atomic([
    db.insert(communities).values(OWN_COMMUNITIES.map((c) => ({ ...c, createdAt: at }))),
    db.insert(binRooms).values(OWN_ROOMS.map((r) => ({ ...r, createdAt: at }))),
  ]);
  const households = await demoUsers(
    db,
    atomic,
    Array.from({ length: 12 }, (_, i) => ({ openid: `dev:demo-household-${i + 1}`, nickname: `演示住户${i + 1}` })),
    at,
  );
  await atomic([
    db
      .insert(communityMembers)
      .values([...households.values()].map((accountId, i) => ({ accountId, communityId: OWN_COMMUNITIES[i % 2]!.id, joinedAt: at })))
      .onConflictDoNothing(),
  ]);
}

/** Seeds the demo checks if there are none; returns how many were added. */
export async function seedDemoChecksIfEmpty(db: AppDb, atomic: AppDeps["atomic"], now: Date): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)` }).from(sortingChecks);
  if (Number(row?.n ?? 0) > 0) return 0;
  const at = now.toISOString();
  await ensureCommunities(db, atomic, at);
  const ids = await demoUsers(
    db,
    atomic,
    DEMO_VOLUNTEER_OPENIDS.map((openid, i) => ({ openid, nickname: ["小蜜蜂 王阿姨", "小蜜蜂 李师傅"][i]! })),
    at,
  );
  const volunteers = DEMO_VOLUNTEER_OPENIDS.map((o) => ids.get(o)!);
  const comms = await db.select({ id: communities.id }).from(communities).orderBy(communities.id);
  const rooms = await db.select().from(binRooms).where(eq(binRooms.active, true));
  await atomic([
    db
      .insert(userRoles)
      .values(volunteers.map((userId) => ({ userId, role: "volunteer" as const, grantedAt: at, grantedBy: null })))
      .onConflictDoNothing(),
    db
      .insert(volunteerCommunities)
      .values(comms.map((c, i) => ({ volunteerId: volunteers[i % 2]!, communityId: c.id, assignedAt: at })))
      .onConflictDoNothing(),
  ]);
  const members = await db.select().from(communityMembers);
  if (members.length === 0 || rooms.length === 0) return 0;
  await atomic([
    db
      .insert(pointsCodes)
      .values(members.map((m) => ({ accountId: m.accountId, ref: newToken().slice(0, 22), createdAt: at })))
      .onConflictDoNothing(),
  ]);

  const rand = prng(20261201);
  const today = cityClock(now, DEFAULT_CITY_ZONE).date;
  const repo = checksRepo(db);
  let added = 0;
  for (let d = 30; d >= 1; d--) {
    const date = addCityDays(today, -d);
    const statements = [];
    for (const room of rooms) {
      const volunteerIndex = comms.findIndex((c) => c.id === room.communityId) % 2;
      const volunteerId = volunteers[Math.max(volunteerIndex, 0)]!;
      const households = members.filter((m) => m.communityId === room.communityId);
      for (const m of households) {
        if (rand() < 0.4) continue;
        const correct = rand() < 0.8;
        const errors = correct ? [] : [CHECK_ERRORS[Math.floor(rand() * 5)]!];
        const checkedAt = new Date(
          cityDayStart(date, DEFAULT_CITY_ZONE).getTime() + (7 * 60 + Math.floor(rand() * 120)) * 60_000,
        ).toISOString();
        const id = crypto.randomUUID();
        const check = {
          id,
          volunteerId,
          binRoomId: room.id,
          communityId: room.communityId,
          accountId: m.accountId,
          correct,
          errors: JSON.stringify(errors),
          photoUploadId: null,
          note: null,
          checkedAt,
          month: date.slice(0, 7),
          receivedAt: checkedAt,
        };
        statements.push(repo.insertStatement(check));
        if (correct) {
          statements.push(
            awardStatement(db, {
              id: newId(),
              accountId: m.accountId,
              kind: "sorting_check",
              sourceKey: `check:${id}`,
              amount: POINTS_PER_CORRECT_CHECK,
              cap: DEFAULT_POINTS_CAPS.sorting_check,
              rule: `分类正确 ${POINTS_PER_CORRECT_CHECK} 分/次`,
              rate: POINTS_PER_CORRECT_CHECK,
              actorId: volunteerId,
              day: date,
              at: checkedAt,
              reason: `垃圾分类检查正确（${room.name}）`,
              guard: repo.ran(check),
            }),
          );
        }
        added++;
      }
    }
    if (statements.length) await atomic(statements);
  }
  return added;
}
