import { and, asc, desc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { rewardRedemptions, rewards } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "../platform/guarded-insert";

/* Rewards and redemptions: reads, and the statements the handlers put into their atomic groups. */

export type RewardRow = typeof rewards.$inferSelect;
export type RedemptionRow = typeof rewardRedemptions.$inferSelect;

/** SQL: the reward is on offer on city date `day` (not retired, within its dates). */
export const activeOn = (day: string) =>
  sql`${rewards.retiredAt} is null and ${rewards.activeFrom} <= ${day} and (${rewards.activeTo} is null or ${rewards.activeTo} >= ${day})`;

export const isActiveOn = (r: RewardRow, day: string) =>
  r.retiredAt === null && r.activeFrom <= day && (r.activeTo === null || r.activeTo >= day);

export function rewardsRepo(db: AppDb) {
  return {
    async byId(id: string): Promise<RewardRow | undefined> {
      return (await db.select().from(rewards).where(eq(rewards.id, id)).limit(1))[0];
    },
    async activeOn(day: string): Promise<RewardRow[]> {
      return db.select().from(rewards).where(activeOn(day)).orderBy(asc(rewards.price), asc(rewards.id));
    },
    async all(): Promise<RewardRow[]> {
      return db.select().from(rewards).orderBy(sql`${rewards.retiredAt} is not null`, desc(rewards.createdAt), desc(rewards.id));
    },
    /** Collected count per reward. */
    async collectedCounts(ids: readonly string[]): Promise<Map<string, number>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select({ rewardId: rewardRedemptions.rewardId, n: sql<number>`count(*)` })
        .from(rewardRedemptions)
        .where(and(inArray(rewardRedemptions.rewardId, [...ids]), eq(rewardRedemptions.status, "collected")))
        .groupBy(rewardRedemptions.rewardId);
      return new Map(rows.map((r) => [r.rewardId, Number(r.n)]));
    },
    async redemption(id: string): Promise<RedemptionRow | undefined> {
      return (await db.select().from(rewardRedemptions).where(eq(rewardRedemptions.id, id)).limit(1))[0];
    },
    async byCode(code: string): Promise<RedemptionRow | undefined> {
      return (await db.select().from(rewardRedemptions).where(eq(rewardRedemptions.pickupCode, code)).limit(1))[0];
    },
    async mine(accountId: string): Promise<RedemptionRow[]> {
      return db
        .select()
        .from(rewardRedemptions)
        .where(eq(rewardRedemptions.accountId, accountId))
        .orderBy(desc(rewardRedemptions.createdAt), desc(rewardRedemptions.id))
        .limit(100);
    },
    async ofReward(rewardId: string): Promise<RedemptionRow[]> {
      return db
        .select()
        .from(rewardRedemptions)
        .where(eq(rewardRedemptions.rewardId, rewardId))
        .orderBy(desc(rewardRedemptions.createdAt), desc(rewardRedemptions.id));
    },
    async rewardsOf(ids: readonly string[]): Promise<Map<string, RewardRow>> {
      if (ids.length === 0) return new Map();
      const rows = await db
        .select()
        .from(rewards)
        .where(inArray(rewards.id, [...new Set(ids)]));
      return new Map(rows.map((r) => [r.id, r]));
    },

    /** One more taken, only while the group's spend was written and stock is left. */
    takeStatement(rewardId: string, guard: SQL) {
      return db
        .update(rewards)
        .set({ taken: sql`${rewards.taken} + 1` })
        .where(and(eq(rewards.id, rewardId), sql`${rewards.taken} < ${rewards.stock}`, guard));
    },
    /** One back (a cancelled redemption). */
    giveBackStatement(rewardId: string, guard: SQL) {
      return db
        .update(rewards)
        .set({ taken: sql`${rewards.taken} - 1` })
        .where(and(eq(rewards.id, rewardId), sql`${rewards.taken} > 0`, guard));
    },
    redemptionStatement(row: RedemptionRow, guard: SQL) {
      return guardedInsert(db, rewardRedemptions, row, guard);
    },
    cancelStatement(id: string, at: string, refundEntryId: string, guard: SQL) {
      return db
        .update(rewardRedemptions)
        .set({ status: "cancelled", cancelledAt: at, refundEntryId })
        .where(and(eq(rewardRedemptions.id, id), eq(rewardRedemptions.status, "reserved"), guard));
    },
    collectStatement(id: string, by: string, at: string, claimId: string) {
      return db
        .update(rewardRedemptions)
        .set({ status: "collected", collectedAt: at, collectedBy: by, claimId })
        .where(and(eq(rewardRedemptions.id, id), eq(rewardRedemptions.status, "reserved")));
    },
    /** Guard: the desk action `claimId` collected the redemption. */
    collectedBy: (claimId: string) => sql`exists (select 1 from ${rewardRedemptions} where ${rewardRedemptions.claimId} = ${claimId})`,

    insertStatement(row: RewardRow) {
      return db.insert(rewards).values(row);
    },
    /** An admin's edit, applied only at the version they saw and never below what is taken. */
    editStatement(id: string, version: number, set: Partial<RewardRow>, editId: string) {
      const stockOk = set.stock === undefined ? sql`1` : sql`${set.stock} >= ${rewards.taken}`;
      return db
        .update(rewards)
        .set({ ...set, editId, version: sql`${rewards.version} + 1` })
        .where(and(eq(rewards.id, id), eq(rewards.version, version), stockOk));
    },
    edited: (editId: string) => sql`exists (select 1 from ${rewards} where ${rewards.editId} = ${editId})`,
  };
}
