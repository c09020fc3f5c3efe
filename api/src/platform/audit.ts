import { auditLog } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "./ids";

export interface AuditInput {
  actorId: string | null;
  action: string;
  targetType: string;
  targetId: string;
  detail?: Record<string, unknown>;
  at: string;
}

/** The append-only audit row for an admin or moderator action, as a statement to run inside atomic(). */
export function auditStatement(db: AppDb, entry: AuditInput) {
  return db.insert(auditLog).values({
    id: newId(),
    actorId: entry.actorId,
    action: entry.action,
    targetType: entry.targetType,
    targetId: entry.targetId,
    detail: entry.detail ? JSON.stringify(entry.detail) : null,
    at: entry.at,
  });
}
