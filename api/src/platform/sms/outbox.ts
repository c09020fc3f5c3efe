import type { SQL } from "drizzle-orm";
import { smsOutbox } from "../../db/schema";
import type { AppDb } from "../../db/types";
import { guardedInsert } from "../guarded-insert";
import { newId } from "../ids";
import type { NotificationSubject } from "../notifications/outbox";
import { e164 } from "./phone";
import type { SmsTemplate } from "./sms-config";

export interface SmsNotification {
  /** A mainland mobile number (13812341234) or E.164. */
  phone: string;
  template: SmsTemplate;
  /** The template's parameters, in order (Tencent: at most 12 characters each for most templates). */
  params: readonly string[];
  subject: NotificationSubject | null;
  now: string;
  /** Written only while this holds (see guardedInsert), like notifyStatement's guard. */
  guard?: SQL;
}

/**
 * The one way any domain sends a text message: an sms_outbox row, as a statement for the same atomic() as
 * the change it announces. platform/sms/dispatcher.ts sends it through Tencent Cloud SMS.
 */
export function smsStatement(db: AppDb, n: SmsNotification) {
  const row = {
    id: newId(),
    phone: e164(n.phone),
    template: n.template,
    params: JSON.stringify(n.params),
    subjectType: n.subject?.type ?? null,
    subjectId: n.subject?.id ?? null,
    state: "pending",
    attempts: 0,
    nextAttemptAt: n.now,
    createdAt: n.now,
  };
  return n.guard ? guardedInsert(db, smsOutbox, row, n.guard) : db.insert(smsOutbox).values(row);
}
