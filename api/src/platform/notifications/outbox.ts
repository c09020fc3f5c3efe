import type { SQL } from "drizzle-orm";
import { outbox } from "../../db/schema";
import type { AppDb } from "../../db/types";
import { guardedInsert } from "../guarded-insert";
import { newId } from "../ids";

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
  /**
   * The subscribe-message template it goes out on (the domain's own, whose grants its users gave); without
   * one, the report-status template. Every template shares the field layout described in dispatcher.ts.
   */
  templateId?: string;
}

/** What a notification is about, in any domain, e.g. `{ type: "report", id }` (the inbox links to it). */
export interface NotificationSubject {
  type: string;
  id: string;
}

export interface Notification {
  userId: string;
  subject: NotificationSubject | null;
  payload: NotificationPayload;
  now: string;
  /** Written only while this holds, e.g. the version guard of the change it announces (see guardedInsert). */
  guard?: SQL;
}

/**
 * The one way any domain notifies a user: the outbox row announcing a change, as a statement for the same
 * atomic() as the change, so a notification exists exactly when its change does. The dispatcher
 * (dispatcher.ts) then sends the WeChat subscribe message and fills the inbox.
 */
export function notifyStatement(db: AppDb, n: Notification) {
  const row = {
    id: newId(),
    userId: n.userId,
    subjectType: n.subject?.type ?? null,
    subjectId: n.subject?.id ?? null,
    payload: JSON.stringify(n.payload),
    state: "pending",
    attempts: 0,
    nextAttemptAt: n.now,
    createdAt: n.now,
  };
  return n.guard ? guardedInsert(db, outbox, row, n.guard) : db.insert(outbox).values(row);
}
