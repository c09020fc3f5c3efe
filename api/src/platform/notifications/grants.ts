import { type SQL, sql } from "drizzle-orm";
import { messageGrants } from "../../db/schema";
import type { AppDb } from "../../db/types";
import type { AtomicQuery } from "../../deps";
import { guardedInsert } from "../guarded-insert";

/**
 * One more one-time subscribe-message grant for a user and template (the user accepted
 * wx.requestSubscribeMessage once), as a statement for the atomic() group of the action that asked for it.
 * The dispatcher takes one grant per WeChat message it sends.
 */
export function grantStatement(db: AppDb, g: { userId: string; templateId: string; now: string; guard?: SQL }): AtomicQuery {
  return guardedInsert(
    db,
    messageGrants,
    { userId: g.userId, templateId: g.templateId, remaining: 1, updatedAt: g.now },
    g.guard ?? sql`1 = 1`,
  ).onConflictDoUpdate({
    target: [messageGrants.userId, messageGrants.templateId],
    set: { remaining: sql`${messageGrants.remaining} + 1`, updatedAt: g.now },
  });
}
