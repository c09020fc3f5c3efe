import { cityClock, parseToiletCsv, parseToiletGeoJson } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps, AtomicQuery } from "../deps";
import { auditStatement } from "../platform/audit";
import { isUniqueViolation } from "../platform/db-errors";
import { conflict, notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { planToiletUpdate } from "./toilet-changes";
import { toiletFeedbackRepo } from "./toilet-feedback.repo";
import { toDetail, toiletsRepo } from "./toilets.repo";
import type { createToilet, deactivateToilet, importToilets, listToiletFeedback, updateToilet } from "./toilets.routes";

export async function detailOrThrow(deps: AppDeps, id: string) {
  const row = await toiletsRepo(deps.db).byId(id);
  if (!row) throw notFound("toilet");
  return toDetail(row, cityClock(deps.clock(), deps.config.cityZone));
}

export async function runWithUniqueGuard(deps: AppDeps, statements: unknown[], what: string) {
  try {
    await deps.atomic(statements);
  } catch (err) {
    if (isUniqueViolation(err)) throw conflict(`${what}: sourceRef is already used by another toilet`);
    throw err;
  }
}

export const createToiletHandler: AppRouteHandler<typeof createToilet> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const input = c.req.valid("json");
  const id = newId();
  const at = deps.clock().toISOString();
  await runWithUniqueGuard(
    deps,
    [
      toiletsRepo(deps.db).insertStatement(input, at, id),
      auditStatement(deps.db, { actorId: actor.id, action: "toilet.create", targetType: "toilet", targetId: id, at }),
    ],
    "cannot create",
  );
  return c.json(await detailOrThrow(deps, id), 201);
};

export const updateToiletHandler: AppRouteHandler<typeof updateToilet> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const changes = c.req.valid("json");
  const before = await toiletsRepo(deps.db).byId(id);
  if (!before) throw notFound("toilet");
  // Partial update: re-validate the merged record so the result is a whole, valid toilet.
  const { merged, previous } = planToiletUpdate(before, changes);
  const at = deps.clock().toISOString();
  await runWithUniqueGuard(
    deps,
    [
      toiletsRepo(deps.db).updateStatement(id, merged, at),
      auditStatement(deps.db, {
        actorId: actor.id,
        action: "toilet.update",
        targetType: "toilet",
        targetId: id,
        detail: { previous, changes },
        at,
      }),
    ],
    "cannot update",
  );
  return c.json(await detailOrThrow(deps, id), 200);
};

export const deactivateToiletHandler: AppRouteHandler<typeof deactivateToilet> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const { reason } = c.req.valid("json");
  const row = await toiletsRepo(deps.db).byId(id);
  if (!row) throw notFound("toilet");
  if (!row.active) throw conflict("the toilet is already deactivated");
  const at = deps.clock().toISOString();
  await deps.atomic([
    toiletsRepo(deps.db).deactivateStatement(id, reason, at),
    auditStatement(deps.db, { actorId: actor.id, action: "toilet.deactivate", targetType: "toilet", targetId: id, detail: { reason }, at }),
  ]);
  return c.json(await detailOrThrow(deps, id), 200);
};

export const importToiletsHandler: AppRouteHandler<typeof importToilets> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { format, coordinates, content } = c.req.valid("json");
  const parsed = format === "csv" ? parseToiletCsv(content, coordinates) : parseToiletGeoJson(content, coordinates);
  if (!parsed.ok) throw validationFailed(`${parsed.errors.length} problem(s) in the file; nothing was imported`, parsed.errors);
  const repo = toiletsRepo(deps.db);
  const refs = parsed.rows.flatMap((r) => (r.sourceRef ? [r.sourceRef] : []));
  const existing = await repo.idsBySourceRef(refs);
  const at = deps.clock().toISOString();
  let updated = 0;
  const statements: AtomicQuery[] = parsed.rows.map((row) => {
    const existingId = row.sourceRef ? existing.get(row.sourceRef) : undefined;
    if (existingId) {
      updated++;
      return repo.updateStatement(existingId, row, at);
    }
    return repo.insertStatement(row, at);
  });
  statements.push(
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "toilet.import",
      targetType: "toilet",
      targetId: "*",
      detail: { format, coordinates, rows: parsed.rows.length, updated },
      at,
    }),
  );
  await runWithUniqueGuard(deps, statements, "cannot import");
  return c.json({ imported: parsed.rows.length, created: parsed.rows.length - updated, updated }, 200);
};

export const listToiletFeedbackHandler: AppRouteHandler<typeof listToiletFeedback> = async (c) => {
  const { status, limit } = c.req.valid("query");
  return c.json({ feedback: await toiletFeedbackRepo(c.get("deps").db).list(status, limit) }, 200);
};
