import { cityClock, EARNING_KINDS, type FlagReviewRequest, type PointsFlag } from "@civic/shared";
import { and, desc, eq, inArray } from "drizzle-orm";
import { currentUser } from "../auth/auth.middleware";
import { pointsCaps, pointsCodes, pointsEntries, pointsFlags } from "../db/schema";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { capsFor, entryWritten, reversalStatement, settle, toPointsEntry } from "./ledger";
import type { adminCaps, adminFlags, adminPutCaps, adminPutRates, adminRates, adminReverseEntry, adminReviewFlag } from "./points.routes";
import { newVersionStatements, rateTable } from "./rates";
import { householdLabel } from "./resident-code";

/* The bureau's side of points: rates, caps, flags and corrections (admins). */

export const adminRatesHandler: AppRouteHandler<typeof adminRates> = async (c) => c.json(await rateTable(c.get("deps").db), 200);

export const adminPutRatesHandler: AppRouteHandler<typeof adminPutRates> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { rates } = c.req.valid("json");
  const at = deps.clock().toISOString();
  await deps.atomic([
    ...newVersionStatements(deps.db, rates, user.id, at),
    auditStatement(deps.db, {
      actorId: user.id,
      action: "points.rates.set",
      targetType: "points_rates",
      targetId: "rates",
      detail: { rates },
      at,
    }),
  ]);
  return c.json(await rateTable(deps.db), 200);
};

const allCaps = async (deps: AppDeps) => ({ caps: await Promise.all(EARNING_KINDS.map((k) => capsFor(deps.db, k))) });

export const adminCapsHandler: AppRouteHandler<typeof adminCaps> = async (c) => c.json(await allCaps(c.get("deps")), 200);

export const adminPutCapsHandler: AppRouteHandler<typeof adminPutCaps> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { caps } = c.req.valid("json");
  const at = deps.clock().toISOString();
  await deps.atomic([
    ...caps.map((cap) =>
      deps.db
        .insert(pointsCaps)
        .values({ kind: cap.kind, perAccountDay: cap.perAccountDay, perActorDay: cap.perActorDay, updatedAt: at, updatedBy: user.id })
        .onConflictDoUpdate({
          target: pointsCaps.kind,
          set: { perAccountDay: cap.perAccountDay, perActorDay: cap.perActorDay, updatedAt: at, updatedBy: user.id },
        }),
    ),
    auditStatement(deps.db, {
      actorId: user.id,
      action: "points.caps.set",
      targetType: "points_caps",
      targetId: "caps",
      detail: { caps },
      at,
    }),
  ]);
  return c.json(await allCaps(deps), 200);
};

async function renderFlags(deps: AppDeps, rows: (typeof pointsFlags.$inferSelect)[]): Promise<PointsFlag[]> {
  const accounts = [...new Set(rows.flatMap((r) => (r.accountId ? [r.accountId] : [])))];
  const refs = accounts.length ? await deps.db.select().from(pointsCodes).where(inArray(pointsCodes.accountId, accounts)) : [];
  const labels = new Map(refs.map((r) => [r.accountId, householdLabel(r.ref)]));
  return rows.map((r) => {
    let detail: Record<string, unknown> = {};
    try {
      detail = JSON.parse(r.detail) as Record<string, unknown>;
    } catch {
      // an unreadable detail is shown empty
    }
    return {
      id: r.id,
      kind: r.kind,
      subjectKey: r.subjectKey,
      householdLabel: r.accountId ? (labels.get(r.accountId) ?? null) : null,
      accountId: r.accountId,
      actorId: r.actorId,
      entryId: r.entryId,
      detail,
      status: r.status,
      at: r.at,
      reviewedAt: r.reviewedAt,
      reviewNote: r.reviewNote,
    };
  });
}

export const adminFlagsHandler: AppRouteHandler<typeof adminFlags> = async (c) => {
  const deps = c.get("deps");
  const { status } = c.req.valid("query");
  const rows = await deps.db
    .select()
    .from(pointsFlags)
    .where(status ? eq(pointsFlags.status, status) : undefined)
    .orderBy(desc(pointsFlags.at), desc(pointsFlags.id))
    .limit(200);
  return c.json({ items: await renderFlags(deps, rows) }, 200);
};

const DECISION_STATUS: Record<FlagReviewRequest["decision"], "dismissed" | "confirmed"> = { dismiss: "dismissed", confirm: "confirmed" };

export const adminReviewFlagHandler: AppRouteHandler<typeof adminReviewFlag> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const body = c.req.valid("json");
  const [flag] = await deps.db.select().from(pointsFlags).where(eq(pointsFlags.id, id));
  if (!flag) throw notFound("flag");
  const at = deps.clock().toISOString();
  const status = DECISION_STATUS[body.decision];
  // One guarded update: of two reviews at once, only the first finds the flag open.
  const written = await deps.db
    .update(pointsFlags)
    .set({ status, reviewedBy: user.id, reviewedAt: at, reviewNote: body.note ?? null })
    .where(and(eq(pointsFlags.id, id), eq(pointsFlags.status, "open")))
    .returning({ id: pointsFlags.id });
  if (!written.length) throw conflict("this flag was already reviewed", { reason: "already_reviewed", status: flag.status });
  await deps.atomic([
    auditStatement(deps.db, { actorId: user.id, action: `points.flag.${body.decision}`, targetType: "points_flag", targetId: id, at }),
  ]);
  const [after] = await deps.db.select().from(pointsFlags).where(eq(pointsFlags.id, id));
  if (!after) throw notFound("flag");
  const [rendered] = await renderFlags(deps, [after]);
  return c.json(rendered as PointsFlag, 200);
};

export const adminReverseEntryHandler: AppRouteHandler<typeof adminReverseEntry> = async (c) => {
  const deps = c.get("deps");
  const user = currentUser(c);
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const [entry] = await deps.db.select().from(pointsEntries).where(eq(pointsEntries.id, id));
  if (!entry) throw notFound("entry");
  if (entry.kind === "reversal" || entry.kind === "expiry") throw conflict("this entry cannot be reversed", { reason: "not_reversible" });
  const now = deps.clock();
  const at = now.toISOString();
  const newEntryId = newId();
  await deps.atomic([
    reversalStatement(deps.db, {
      id: newEntryId,
      entryId: id,
      rule: "管理员冲正",
      actorId: user.id,
      day: cityClock(now, deps.config.cityZone).date,
      at,
      reason: `冲正：${reason}`,
    }),
    auditStatement(
      deps.db,
      { actorId: user.id, action: "points.entry.reverse", targetType: "points_entry", targetId: id, detail: { reason }, at },
      entryWritten(newEntryId),
    ),
  ]);
  const settled = await settle(deps.db, `reverse:${id}`, newEntryId);
  if (settled.status === "replayed") throw conflict("this entry was already reversed", { reason: "already_reversed" });
  if (settled.status === "refused")
    throw conflict("the points were already spent: the balance cannot cover this reversal", { reason: "points_spent" });
  return c.json(toPointsEntry(settled.entry), 201);
};
