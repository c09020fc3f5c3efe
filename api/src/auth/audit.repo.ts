import { and, desc, eq, gte, lt, or, type SQL } from "drizzle-orm";
import { auditLog } from "../db/schema";
import type { AppDb } from "../db/types";

export interface AuditFilter {
  actorId?: string;
  targetType?: string;
  targetId?: string;
  action?: string;
  /** UTC instants: [fromAt, toAt). */
  fromAt?: string;
  toAt?: string;
  /** Keyset position: entries strictly older than (at, id). */
  after?: { at: string; id: string };
  limit: number;
}

/** Reads of the append-only audit log (writes are platform/audit's auditStatement). */
export function auditRepo(db: AppDb) {
  return {
    /** Newest first; one more row than `limit` tells whether another page exists. */
    async page(f: AuditFilter) {
      const where: SQL[] = [];
      if (f.actorId) where.push(eq(auditLog.actorId, f.actorId));
      if (f.targetType) where.push(eq(auditLog.targetType, f.targetType));
      if (f.targetId) where.push(eq(auditLog.targetId, f.targetId));
      if (f.action) where.push(eq(auditLog.action, f.action));
      if (f.fromAt) where.push(gte(auditLog.at, f.fromAt));
      if (f.toAt) where.push(lt(auditLog.at, f.toAt));
      if (f.after) {
        const older = or(lt(auditLog.at, f.after.at), and(eq(auditLog.at, f.after.at), lt(auditLog.id, f.after.id)));
        if (older) where.push(older);
      }
      const rows = await db
        .select()
        .from(auditLog)
        .where(where.length ? and(...where) : undefined)
        .orderBy(desc(auditLog.at), desc(auditLog.id))
        .limit(f.limit + 1);
      return { rows: rows.slice(0, f.limit), more: rows.length > f.limit };
    },
  };
}
