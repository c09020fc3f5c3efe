import type { InboxMessage } from "@civic/shared";
import { and, count, desc, eq, isNull } from "drizzle-orm";
import { inboxMessages } from "../db/schema";
import type { AppDb } from "../db/types";

const columns = {
  id: inboxMessages.id,
  reportId: inboxMessages.reportId,
  title: inboxMessages.title,
  body: inboxMessages.body,
  createdAt: inboxMessages.createdAt,
  readAt: inboxMessages.readAt,
};

/** The in-app inbox: every notification lands here, whether or not WeChat delivered it. */
export function inboxRepo(db: AppDb) {
  return {
    async list(userId: string, limit: number): Promise<InboxMessage[]> {
      return db
        .select(columns)
        .from(inboxMessages)
        .where(eq(inboxMessages.userId, userId))
        .orderBy(desc(inboxMessages.createdAt), desc(inboxMessages.id))
        .limit(limit);
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
