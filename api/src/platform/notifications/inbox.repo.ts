import type { InboxMessage } from "@civic/shared";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { inboxMessages } from "../../db/schema";
import type { AppDb } from "../../db/types";

/** What an inbox message shows (the inbox, and the owner's data export). */
export const inboxColumns = {
  id: inboxMessages.id,
  subjectType: inboxMessages.subjectType,
  subjectId: inboxMessages.subjectId,
  title: inboxMessages.title,
  body: inboxMessages.body,
  createdAt: inboxMessages.createdAt,
  readAt: inboxMessages.readAt,
};

/** The in-app inbox: every notification lands here, whether or not WeChat delivered it. */
export function inboxRepo(db: AppDb) {
  return {
    async list(userId: string, limit: number): Promise<InboxMessage[]> {
      const rows = await db
        .select(inboxColumns)
        .from(inboxMessages)
        .where(eq(inboxMessages.userId, userId))
        .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
        .limit(limit);
      return rows.map(({ subjectType, subjectId, ...m }) => {
        const subject = subjectType && subjectId ? { type: subjectType, id: subjectId } : null;
        // reportId: the field the mini-program's inbox opens a report by.
        return { ...m, reportId: subject?.type === "report" ? subject.id : null, subject };
      });
    },

    async unread(userId: string): Promise<number> {
      const [row] = await db
        .select({ n: count() })
        .from(inboxMessages)
        .where(and(eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)));
      return row?.n ?? 0;
    },

    /** Marks one of the user's own messages read (idempotent); false when it is not theirs or does not exist. */
    async markRead(userId: string, id: string, now: string): Promise<boolean> {
      const [row] = await db
        .select({ readAt: inboxMessages.readAt })
        .from(inboxMessages)
        .where(and(eq(inboxMessages.id, id), eq(inboxMessages.userId, userId)));
      if (!row) return false;
      if (!row.readAt) {
        await db
          .update(inboxMessages)
          .set({ readAt: now })
          .where(and(eq(inboxMessages.id, id), eq(inboxMessages.userId, userId), isNull(inboxMessages.readAt)));
      }
      return true;
    },
  };
}
