import type { SQL } from "drizzle-orm";
import { auditLog } from "../db/schema";
import type { AppDb } from "../db/types";
import { guardedInsert } from "./guarded-insert";
import { newId } from "./ids";

export interface AuditInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  at: string;
}

/**
 * The append-only audit row for an admin or moderator action, as a statement to run inside atomic();
 * with a `guard`, written only while it holds (see guardedInsert).
 */
export function auditStatement(db: AppDb, entry: AuditInput, guard?: SQL) {
  const row = {
    id: newId(),
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    at: entry.at,
  };
  return guard ? guardedInsert(db, auditLog, row, guard) : db.insert(auditLog).values(row);
}
