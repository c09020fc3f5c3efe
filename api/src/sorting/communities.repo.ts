import { type AdminBinRoom, binRoomQrPath, type CommunityInput, type CommunityStars } from "@civic/shared";
import { and, asc, eq, inArray, like, type SQL, sql } from "drizzle-orm";
import { auditLog, binRooms, communities, communityMembers, communityRatings, userRoles, users, volunteerCommunities } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/* Communities, their bin rooms, registered households and assigned volunteers: reads and write statements. */

export type CommunityRow = typeof communities.$inferSelect;
export type BinRoomRow = typeof binRooms.$inferSelect;

const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);

export const toAdminBinRoom = (r: BinRoomRow): AdminBinRoom => ({
  id: r.id,
  name: r.name,
  code: r.code,
  qrPath: binRoomQrPath(r.code),
  lat: r.lat,
  lng: r.lng,
  active: r.active,
});

export function communitiesRepo(db: AppDb) {
  return {
    byId: async (id: string): Promise<CommunityRow | undefined> =>
      (await db.select().from(communities).where(eq(communities.id, id)).limit(1))[0],

    /** Active communities, filtered, in district/street/name order. */
    listActive: async (f: { district?: string; street?: string; q?: string }, limit = 200) => {
      const where: SQL[] = [eq(communities.active, true)];
      if (f.district) where.push(eq(communities.district, f.district));
      if (f.street) where.push(eq(communities.street, f.street));
      if (f.q) where.push(like(communities.name, sql`${`%${escapeLike(f.q)}%`} escape '\\'`));
      return db
        .select()
        .from(communities)
        .where(and(...where))
        .orderBy(asc(communities.district), asc(communities.street), asc(communities.name))
        .limit(limit);
    },

    listAll: async () => db.select().from(communities).orderBy(asc(communities.district), asc(communities.street), asc(communities.name)),

    /** Each community's latest published month that had stars. */
    latestStars: async (ids: string[]): Promise<Map<string, CommunityStars>> => {
      const out = new Map<string, CommunityStars>();
      if (ids.length === 0) return out;
      const rows = await db
        .select({
          communityId: communityRatings.communityId,
          month: communityRatings.month,
          stars: communityRatings.stars,
          score: communityRatings.score,
        })
        .from(communityRatings)
        .where(and(inArray(communityRatings.communityId, ids), sql`${communityRatings.stars} is not null`))
        .orderBy(asc(communityRatings.month));
      for (const r of rows)
        if (r.stars !== null && r.score !== null) out.set(r.communityId, { month: r.month, stars: r.stars, score: r.score });
      return out;
    },

    binRoomsOf: async (communityId: string, activeOnly: boolean) =>
      db
        .select()
        .from(binRooms)
        .where(activeOnly ? and(eq(binRooms.communityId, communityId), eq(binRooms.active, true)) : eq(binRooms.communityId, communityId))
        .orderBy(asc(binRooms.name)),

    binRoomById: async (id: string): Promise<BinRoomRow | undefined> =>
      (await db.select().from(binRooms).where(eq(binRooms.id, id)).limit(1))[0],

    volunteersOf: async (communityId: string) =>
      db
        .select({ id: users.id, nickname: users.nickname, assignedAt: volunteerCommunities.assignedAt })
        .from(volunteerCommunities)
        .innerJoin(users, eq(users.id, volunteerCommunities.volunteerId))
        .where(eq(volunteerCommunities.communityId, communityId))
        .orderBy(asc(volunteerCommunities.assignedAt)),

    householdCounts: async (): Promise<Map<string, number>> => {
      const rows = await db
        .select({ communityId: communityMembers.communityId, n: sql<number>`count(*)` })
        .from(communityMembers)
        .groupBy(communityMembers.communityId);
      return new Map(rows.map((r) => [r.communityId, Number(r.n)]));
    },

    isVolunteer: async (userId: string) =>
      (
        await db
          .select({ id: userRoles.userId })
          .from(userRoles)
          .where(and(eq(userRoles.userId, userId), eq(userRoles.role, "volunteer")))
          .limit(1)
      ).length > 0,

    membershipOf: async (accountId: string) =>
      (await db.select().from(communityMembers).where(eq(communityMembers.accountId, accountId)).limit(1))[0],

    /* --- statements for atomic() --- */

    insertStatement: (id: string, input: CommunityInput, at: string) =>
      db.insert(communities).values({ id, ...input, active: true, createdAt: at, version: 1 }),

    /** The audit row of a versioned change, written only while the community is at `version` (the claim). */
    claimChangeStatement: (
      auditId: string,
      ch: { id: string; version: number; set: object; actorId: string; action: string },
      at: string,
    ) =>
      guardedInsert(
        db,
        auditLog,
        {
          id: auditId,
          actorId: ch.actorId,
          action: ch.action,
          targetType: "community",
          targetId: ch.id,
          detail: JSON.stringify({ version: ch.version, changes: ch.set }),
          at,
        },
        sql`exists (select 1 from ${communities} where ${communities.id} = ${ch.id} and ${communities.version} = ${ch.version})`,
      ),

    auditWritten: async (auditId: string) =>
      (await db.select({ id: auditLog.id }).from(auditLog).where(eq(auditLog.id, auditId)).limit(1)).length > 0,

    /** The update of a versioned change: only at `version` and only with its claim written. */
    updateAtVersion: (id: string, version: number, set: Partial<CommunityInput> & { active?: boolean }, auditId: string) =>
      db
        .update(communities)
        .set({ ...set, version: version + 1 })
        .where(
          and(
            eq(communities.id, id),
            eq(communities.version, version),
            sql`exists (select 1 from ${auditLog} where ${auditLog.id} = ${auditId})`,
          ),
        ),

    insertBinRoomStatement: (row: typeof binRooms.$inferInsert) =>
      guardedInsert(
        db,
        binRooms,
        row,
        sql`exists (select 1 from ${communities} where ${communities.id} = ${row.communityId} and ${communities.active} = 1)`,
      ),

    updateBinRoomStatement: (id: string, set: Partial<typeof binRooms.$inferInsert>) =>
      db.update(binRooms).set(set).where(eq(binRooms.id, id)).returning({ id: binRooms.id }),

    /** Assigns a volunteer (once; assigning again changes nothing) while the user holds the volunteer role. */
    assignStatement: (volunteerId: string, communityId: string, by: string, at: string) =>
      guardedInsert(
        db,
        volunteerCommunities,
        { volunteerId, communityId, assignedAt: at, assignedBy: by },
        sql`exists (select 1 from ${userRoles} where ${userRoles.userId} = ${volunteerId} and ${userRoles.role} = 'volunteer')`,
      ).onConflictDoNothing(),

    unassignStatement: (volunteerId: string, communityId: string) =>
      db
        .delete(volunteerCommunities)
        .where(and(eq(volunteerCommunities.volunteerId, volunteerId), eq(volunteerCommunities.communityId, communityId))),

    /**
     * Registers the household in an active community; an existing registration moves only when it is at
     * least `changeCutoff` old (so a household changes community at most once per period).
     */
    registerStatement: (accountId: string, communityId: string, at: string, changeCutoff: string) =>
      guardedInsert(
        db,
        communityMembers,
        { accountId, communityId, joinedAt: at },
        sql`exists (select 1 from ${communities} where ${communities.id} = ${communityId} and ${communities.active} = 1)`,
      ).onConflictDoUpdate({
        target: communityMembers.accountId,
        set: { communityId, joinedAt: at },
        setWhere: sql`${communityMembers.joinedAt} <= ${changeCutoff} and ${communityMembers.communityId} <> ${communityId}`,
      }),
  };
}
