import type { FeedKey, ParkingOperator } from "@civic/shared";
import { and, desc, eq, isNotNull, sql } from "drizzle-orm";
import { parkingFeedKeys, parkingLots, parkingOperators } from "../db/schema";
import type { AppDb } from "../db/types";

export type OperatorRow = typeof parkingOperators.$inferSelect;
type KeyRow = typeof parkingFeedKeys.$inferSelect;

export const toOperator = (r: OperatorRow): ParkingOperator => ({
  id: r.id,
  name: r.name,
  kind: r.kind,
  freshnessMinutes: r.freshnessMinutes,
  licence: r.licence,
  contact: r.contact,
  enabled: r.enabled,
  pullUrl: r.pullUrl,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
});

export const toFeedKey = (r: KeyRow): FeedKey => ({
  keyId: r.keyId,
  operatorId: r.operatorId,
  status: r.status,
  createdAt: r.createdAt,
  revokedAt: r.revokedAt,
  lastUsedAt: r.lastUsedAt,
});

/** Operators (data sources), their keys and their counters. */
export function operatorsRepo(db: AppDb) {
  return {
    async byId(id: string): Promise<OperatorRow | null> {
      const [row] = await db.select().from(parkingOperators).where(eq(parkingOperators.id, id));
      return row ?? null;
    },

    list(): Promise<OperatorRow[]> {
      return db.select().from(parkingOperators).orderBy(parkingOperators.name, parkingOperators.id);
    },

    /** Every operator with the number of its active lots. */
    async withLotCounts(): Promise<{ operator: OperatorRow; lots: number }[]> {
      const rows = await db
        .select({
          operator: parkingOperators,
          // Spelled out: drizzle writes columns in a select list unqualified, which the subquery would misread.
          lots: sql<number>`(select count(*) from ${parkingLots} as l where l.operator_id = ${parkingOperators}.id and l.active = 1)`,
        })
        .from(parkingOperators)
        .orderBy(parkingOperators.name, parkingOperators.id);
      return rows.map((r) => ({ operator: r.operator, lots: Number(r.lots) }));
    },

    insertStatement(row: typeof parkingOperators.$inferInsert) {
      return db.insert(parkingOperators).values(row);
    },

    updateStatement(id: string, values: Partial<typeof parkingOperators.$inferInsert>) {
      return db.update(parkingOperators).set(values).where(eq(parkingOperators.id, id));
    },

    async key(keyId: string): Promise<{ key: KeyRow; operator: OperatorRow } | null> {
      const [row] = await db
        .select({ key: parkingFeedKeys, operator: parkingOperators })
        .from(parkingFeedKeys)
        .innerJoin(parkingOperators, eq(parkingOperators.id, parkingFeedKeys.operatorId))
        .where(eq(parkingFeedKeys.keyId, keyId));
      return row ?? null;
    },

    keys(operatorId: string): Promise<KeyRow[]> {
      return db.select().from(parkingFeedKeys).where(eq(parkingFeedKeys.operatorId, operatorId)).orderBy(desc(parkingFeedKeys.createdAt));
    },

    insertKeyStatement(row: typeof parkingFeedKeys.$inferInsert) {
      return db.insert(parkingFeedKeys).values(row);
    },

    /** Revokes an active key of this operator; a revoked key stays revoked. */
    revokeKeyStatement(operatorId: string, keyId: string, at: string) {
      return db
        .update(parkingFeedKeys)
        .set({ status: "revoked", revokedAt: at })
        .where(and(eq(parkingFeedKeys.keyId, keyId), eq(parkingFeedKeys.operatorId, operatorId), eq(parkingFeedKeys.status, "active")));
    },

    /** A signed request under one of its keys was refused (bad signature, skew, replay, revoked key). */
    async countRefused(operatorId: string, at: string): Promise<void> {
      await db
        .update(parkingOperators)
        .set({ requestsRefused: sql`${parkingOperators.requestsRefused} + 1`, lastErrorAt: at, lastError: "signed request refused" })
        .where(eq(parkingOperators.id, operatorId));
    },

    /**
     * A batch's outcome on the operator's counters (in the batch's atomic group). `reported`: the source
     * said something new (a push with good rows; a pull whose snapshot is still fresh).
     */
    countBatchStatement(operatorId: string, accepted: number, rejected: number, at: string, reported = accepted > 0) {
      return db
        .update(parkingOperators)
        .set({
          rowsAccepted: sql`${parkingOperators.rowsAccepted} + ${accepted}`,
          rowsRejected: sql`${parkingOperators.rowsRejected} + ${rejected}`,
          ...(reported ? { lastReportAt: at } : {}),
          ...(rejected > 0 ? { lastErrorAt: at, lastError: `${rejected} row(s) refused` } : {}),
        })
        .where(eq(parkingOperators.id, operatorId));
    },

    /** Enabled pull sources with an address: what the pull job fetches. */
    pullSources(): Promise<OperatorRow[]> {
      return db
        .select()
        .from(parkingOperators)
        .where(and(eq(parkingOperators.kind, "pull"), eq(parkingOperators.enabled, true), isNotNull(parkingOperators.pullUrl)))
        .orderBy(parkingOperators.id);
    },

    /** A pull that failed as a whole (unreachable, not JSON, not a feed): the source shows failing. */
    async recordPullFailure(operatorId: string, message: string, at: string): Promise<void> {
      await db
        .update(parkingOperators)
        .set({ lastErrorAt: at, lastError: message.slice(0, 200) })
        .where(eq(parkingOperators.id, operatorId));
    },

    keyUsedStatement(keyId: string, at: string) {
      return db.update(parkingFeedKeys).set({ lastUsedAt: at }).where(eq(parkingFeedKeys.keyId, keyId));
    },
  };
}
