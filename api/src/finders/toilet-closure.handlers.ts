import { activeClosure, cityClock } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import { detailOrThrow } from "./toilet-admin.handlers";
import { checkClosureUntil } from "./toilet-changes";
import type { closeToiletTemporarily, reopenToilet } from "./toilet-closure.routes";
import { toiletsRepo } from "./toilets.repo";

export const closeToiletTemporarilyHandler: AppRouteHandler<typeof closeToiletTemporarily> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const closure = c.req.valid("json");
  const row = await toiletsRepo(deps.db).byId(id);
  if (!row) throw notFound("toilet");
  if (!row.active) throw conflict("a deactivated toilet cannot be closed for a while");
  const now = deps.clock();
  checkClosureUntil(closure.until, cityClock(now, deps.config.cityZone).date);
  const at = now.toISOString();
  await deps.atomic([
    toiletsRepo(deps.db).closureStatement(id, closure, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "toilet.temporary_closure",
      targetType: "toilet",
      targetId: id,
      detail: { ...closure, previous: { closedUntil: row.closedUntil, closureReason: row.closureReason } },
      at,
    }),
  ]);
  return c.json(await detailOrThrow(deps, id), 200);
};

export const reopenToiletHandler: AppRouteHandler<typeof reopenToilet> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const row = await toiletsRepo(deps.db).byId(id);
  if (!row) throw notFound("toilet");
  const now = deps.clock();
  // Nothing in force (never closed, or the closure already ended): the answer is the toilet as it is.
  if (!activeClosure(row.closedUntil, row.closureReason, cityClock(now, deps.config.cityZone).date)) {
    return c.json(await detailOrThrow(deps, id), 200);
  }
  const at = now.toISOString();
  await deps.atomic([
    toiletsRepo(deps.db).closureStatement(id, null, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "toilet.reopen",
      targetType: "toilet",
      targetId: id,
      detail: { previous: { closedUntil: row.closedUntil, closureReason: row.closureReason } },
      at,
    }),
  ]);
  return c.json(await detailOrThrow(deps, id), 200);
};
