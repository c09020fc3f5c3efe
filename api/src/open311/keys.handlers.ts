import { OPEN311_KEY_PREFIX_LENGTH } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import { auditLog } from "../db/schema";
import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import { guardedInsert } from "../platform/guarded-insert";
import { hashToken, newId, newToken } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { keySummary, open311KeysRepo } from "./keys.repo";
import type * as routes from "./keys.routes";

export const createKeyHandler: AppRouteHandler<typeof routes.createKey> = async (c) => {
  const deps = c.get("deps");
  const admin = currentUser(c);
  const { name } = c.req.valid("json");
  const apiKey = newToken();
  const id = newId();
  const now = deps.clock().toISOString();
  await deps.atomic([
    open311KeysRepo(deps.db).insertStatement({
      id,
      keyHash: await hashToken(apiKey),
      prefix: apiKey.slice(0, OPEN311_KEY_PREFIX_LENGTH),
      name,
      createdBy: admin.id,
      createdAt: now,
      revokedAt: null,
    }),
    auditStatement(deps.db, {
      actorId: admin.id,
      action: "open311_key.create",
      targetType: "open311_key",
      targetId: id,
      detail: { name },
      at: now,
    }),
  ]);
  return c.json({ apiKey, id, name }, 201);
};

export const listKeysHandler: AppRouteHandler<typeof routes.listKeys> = async (c) => {
  const rows = await open311KeysRepo(c.get("deps").db).list();
  return c.json({ keys: rows.map(keySummary) }, 200);
};

export const revokeKeyHandler: AppRouteHandler<typeof routes.revokeKey> = async (c) => {
  const deps = c.get("deps");
  const admin = currentUser(c);
  const { id } = c.req.valid("param");
  const repo = open311KeysRepo(deps.db);
  const before = await repo.byId(id);
  if (!before) throw notFound("Open311 key");
  if (before.revokedAt) throw conflict("this key is revoked already");
  const now = deps.clock().toISOString();
  // The audit row is guarded by the revocation itself: a revoke that lost a race writes neither.
  await deps.atomic([
    repo.revokeStatement(id, now),
    guardedInsert(
      deps.db,
      auditLog,
      { id: newId(), actorId: admin.id, action: "open311_key.revoke", targetType: "open311_key", targetId: id, detail: null, at: now },
      repo.revokedAtGuard(id, now),
    ),
  ]);
  const after = await repo.byId(id);
  if (!after || after.revokedAt !== now) throw conflict("this key is revoked already");
  return c.json(keySummary(after), 200);
};
