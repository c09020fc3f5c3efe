import type { GrantableRole, Role, User } from "@civic/shared";
import { and, asc, eq, gt, inArray, isNull, like, or } from "drizzle-orm";
import { sessions, userRoles, users } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "../platform/ids";

/** Users, their roles and their sessions. */
export function authRepo(db: AppDb) {
  async function rolesOf(userIds: string[]): Promise<Map<string, Role[]>> {
    const map = new Map<string, Role[]>(userIds.map((id) => [id, ["resident"]]));
    if (userIds.length === 0) return map;
    const rows = await db.select().from(userRoles).where(inArray(userRoles.userId, userIds)).orderBy(asc(userRoles.role));
    for (const r of rows) map.get(r.userId)?.push(r.role);
    return map;
  }

  function toUser(row: typeof users.$inferSelect, roles: Role[]): User {
    return { id: row.id, nickname: row.nickname, roles, createdAt: row.createdAt };
  }

  return {
    /** Insert or refresh the user for an openid in one statement; returns its id. */
    async upsertByOpenid(input: { openid: string; unionid?: string; sessionKey?: string; now: string }) {
      const [row] = await db
        .insert(users)
        .values({
          id: newId(),
          openid: input.openid,
          unionid: input.unionid ?? null,
          sessionKey: input.sessionKey ?? null,
          createdAt: input.now,
        })
        .onConflictDoUpdate({
          target: users.openid,
          set: {
            ...(input.sessionKey ? { sessionKey: input.sessionKey } : {}),
            ...(input.unionid ? { unionid: input.unionid } : {}),
            openid: input.openid,
          },
        })
        .returning({ id: users.id });
      if (!row) throw new Error("user upsert returned nothing");
      return row.id;
    },

    grantRoleStatement(userId: string, role: GrantableRole, grantedBy: string | null, now: string) {
      return db.insert(userRoles).values({ userId, role, grantedAt: now, grantedBy }).onConflictDoNothing();
    },

    revokeRoleStatement(userId: string, role: GrantableRole) {
      return db.delete(userRoles).where(and(eq(userRoles.userId, userId), eq(userRoles.role, role)));
    },

    async findUser(id: string): Promise<User | null> {
      const [row] = await db.select().from(users).where(eq(users.id, id));
      if (!row) return null;
      return toUser(row, (await rolesOf([id])).get(id) ?? ["resident"]);
    },

    async searchUsers(q: string | undefined, limit: number): Promise<User[]> {
      const rows = await db
        .select()
        .from(users)
        .where(q ? or(like(users.openid, `%${q}%`), like(users.nickname, `%${q}%`), eq(users.id, q)) : undefined)
        .orderBy(asc(users.createdAt))
        .limit(limit);
      const roles = await rolesOf(rows.map((r) => r.id));
      return rows.map((r) => toUser(r, roles.get(r.id) ?? ["resident"]));
    },

    async createSession(input: { userId: string; tokenHash: string; now: string; expiresAt: string }) {
      await db.insert(sessions).values({
        id: newId(),
        userId: input.userId,
        tokenHash: input.tokenHash,
        createdAt: input.now,
        expiresAt: input.expiresAt,
      });
    },

    /** The live session for a token hash, with its user and when it expires. */
    async sessionByTokenHash(tokenHash: string, now: string) {
      const [row] = await db
        .select({ sessionId: sessions.id, expiresAt: sessions.expiresAt, user: users })
        .from(sessions)
        .innerJoin(users, eq(users.id, sessions.userId))
        .where(and(eq(sessions.tokenHash, tokenHash), isNull(sessions.revokedAt), gt(sessions.expiresAt, now)));
      if (!row) return null;
      const roles = (await rolesOf([row.user.id])).get(row.user.id) ?? ["resident"];
      return { sessionId: row.sessionId, expiresAt: row.expiresAt, user: toUser(row.user, roles) };
    },

    async revokeSession(sessionId: string, now: string) {
      await db
        .update(sessions)
        .set({ revokedAt: now })
        .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
    },
  };
}
export type AuthRepo = ReturnType<typeof authRepo>;
