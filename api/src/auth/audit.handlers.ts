import { addCityDays, cityDayStart } from "@civic/shared";
import { decodeCursor, encodeCursor } from "../platform/cursor";
import { badRequest } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import type { listAudit } from "./admin-users.routes";
import { auditRepo } from "./audit.repo";

function cursorPosition(cursor: string) {
  const [at = "", id = ""] = decodeCursor(cursor, 2);
  return { at, id };
}

/** Newest first; the cursor is the last entry's (at, id), so rows written while paging never shift a page. */
export const listAuditHandler: AppRouteHandler<typeof listAudit> = async (c) => {
  const { db, config } = c.get("deps");
  const q = c.req.valid("query");
  if (q.from && q.to && q.from > q.to) throw badRequest("from is after to");
  const { rows, more } = await auditRepo(db).page({
    actorId: q.actor,
    targetType: q.targetType,
    targetId: q.targetId,
    action: q.action,
    fromAt: q.from ? cityDayStart(q.from, config.cityZone).toISOString() : undefined,
    toAt: q.to ? cityDayStart(addCityDays(q.to, 1), config.cityZone).toISOString() : undefined,
    after: q.cursor ? cursorPosition(q.cursor) : undefined,
    limit: q.limit,
  });
  const last = rows.at(-1);
  const entries = rows.map((r) => ({ ...r, detail: r.detail ? (JSON.parse(r.detail) as Record<string, unknown>) : null }));
  return c.json({ entries, nextCursor: more && last ? encodeCursor([last.at, last.id]) : null }, 200);
};
