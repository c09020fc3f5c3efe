import { outbox } from "../db/schema";
import type { AppDb } from "../db/types";
import { newId } from "./ids";

/** What one notification says; the dispatcher turns it into a subscribe message and an inbox entry. */
export interface NotificationPayload {
  title: string;
  body: string;
  /** The mini-program page to open, e.g. `pages/reports/detail?id=...`. */
  page: string;
  /** Short status text for the template's status field (e.g. 已立案). */
  status: string;
  /** The thing it is about (the template's thing field, ≤ 20 chars), e.g. the category name. */
  subject: string;
}

/**
 * The outbox row announcing a change to one user, as a statement for the same atomic() as the change,
 * so a notification exists exactly when its change does.
 */
export function notifyStatement(db: AppDb, n: { userId: string; reportId: string | null; payload: NotificationPayload; now: string }) {
  return db.insert(outbox).values({
    id: newId(),
    userId: n.userId,
    reportId: n.reportId,
    payload: JSON.stringify(n.payload),
    state: "pending",
    attempts: 0,
    nextAttemptAt: n.now,
    createdAt: n.now,
  });
}
