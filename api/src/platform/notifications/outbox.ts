import { getTableColumns, type SQL, sql } from "drizzle-orm";
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

export interface NotificationToEach extends Omit<Notification, "userId"> {
  /** A subquery selecting user ids as a column named `uid`, e.g. a domain's subscribers of one object. */
  recipients: SQL;
}

/**
 * One outbox row per user the `recipients` subquery selects, in a single INSERT … SELECT for the same
 * atomic() as the change (no read of the list between awaits: whoever is subscribed when the group runs
 * hears it). Outbox ids are internal, so these are random hex made inside the statement.
 */
export function notifyEachStatement(db: AppDb, n: NotificationToEach) {
  const values: Record<string, SQL> = {
    id: sql`lower(hex(randomblob(16)))`,
    userId: sql`r.uid`,
    subjectType: sql`${n.subject?.type ?? null}`,
    subjectId: sql`${n.subject?.id ?? null}`,
    payload: sql`${JSON.stringify(n.payload)}`,
    state: sql`'pending'`,
    attempts: sql`0`,
    nextAttemptAt: sql`${n.now}`,
    createdAt: sql`${n.now}`,
  };
  const parts = Object.keys(getTableColumns(outbox)).map((key) => values[key] ?? sql`null`);
  return db.insert(outbox).select(sql`select ${sql.join(parts, sql`, `)} from (${n.recipients}) as r where ${n.guard ?? sql`1`}`);
}
