import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { open311Keys } from "../db/schema";
import type { AppDb } from "../db/types";
import { hashToken } from "../platform/ids";

export type Open311KeyRow = typeof open311Keys.$inferSelect;

export const keySummary = (row: Open311KeyRow) => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: row.createdAt,
  revokedAt: row.revokedAt,
});

export function open311KeysRepo(db: AppDb) {
  return {
    /** The live key a client presented, or undefined (unknown or revoked). Only hashes are stored. */
    async byApiKey(apiKey: string): Promise<Open311KeyRow | undefined> {
      const keyHash = await hashToken(apiKey);
      return (
        await db
          .select()
          .from(open311Keys)
          .where(and(eq(open311Keys.keyHash, keyHash), isNull(open311Keys.revokedAt)))
          .limit(1)
      )[0];
    },
    async byId(id: string): Promise<Open311KeyRow | undefined> {
      return (await db.select().from(open311Keys).where(eq(open311Keys.id, id)).limit(1))[0];
    },
    async list(): Promise<Open311KeyRow[]> {
      return db.select().from(open311Keys).orderBy(asc(open311Keys.createdAt), asc(open311Keys.id));
    },
    insertStatement(row: Open311KeyRow) {
      return db.insert(open311Keys).values(row);
    },
    /** Revokes a live key; matches nothing when it is already revoked. */
    revokeStatement(id: string, at: string) {
      return db
        .update(open311Keys)
        .set({ revokedAt: at })
        .where(and(eq(open311Keys.id, id), isNull(open311Keys.revokedAt)))
        .returning();
    },
    /** Guard for the audit row of a revocation: true only once this revocation has been written. */
    revokedAtGuard(id: string, at: string) {
      return sql`exists (select 1 from ${open311Keys} where ${open311Keys.id} = ${id} and ${open311Keys.revokedAt} = ${at})`;
    },
  };
}
