import { freshnessLimitMinutes, operatorStillValid } from "@civic/shared";
import { currentUser } from "../auth/auth.middleware";
import type { AppDeps } from "../deps";
import { auditStatement } from "../platform/audit";
import { notFound, validationFailed } from "../platform/errors";
import { newId } from "../platform/ids";
import type { AppRouteHandler } from "../platform/router";
import { deriveFeedSecret, hashFeedSecret } from "./feed-signature";
import { lotsRepo } from "./lots.repo";
import { operatorsRepo, toFeedKey, toOperator } from "./operators.repo";
import type {
  createParkingOperator,
  issueParkingFeedKey,
  listParkingFeedKeys,
  listParkingOperators,
  revokeParkingFeedKey,
  updateParkingOperator,
} from "./parking-admin.routes";

/* Operators (data sources) and their feed keys; every write is audited in the same atomic group. */

/**
 * A pull source as it will stand: it needs its address, and outside demos that address is https (the
 * bureau's servers fetch it; plain http would let anyone on the path forge the numbers residents read).
 */
function checkPullSource(deps: AppDeps, o: { kind?: "push" | "pull"; pullUrl?: string | null }) {
  if (!operatorStillValid(o))
    throw validationFailed("a pull source needs pullUrl", [{ path: "pullUrl", message: "required for kind pull" }]);
  if (o.kind === "pull" && !deps.config.devLogin && !o.pullUrl?.toLowerCase().startsWith("https://")) {
    throw validationFailed("a pull source is fetched over https", [{ path: "pullUrl", message: "must start with https://" }]);
  }
}

export const listParkingOperatorsHandler: AppRouteHandler<typeof listParkingOperators> = async (c) => {
  const rows = await operatorsRepo(c.get("deps").db).list();
  return c.json({ operators: rows.map(toOperator) }, 200);
};

export const createParkingOperatorHandler: AppRouteHandler<typeof createParkingOperator> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const input = c.req.valid("json");
  checkPullSource(deps, input);
  const id = newId();
  const at = deps.clock().toISOString();
  const repo = operatorsRepo(deps.db);
  await deps.atomic([
    repo.insertStatement({ id, ...input, createdAt: at, updatedAt: at }),
    auditStatement(deps.db, { actorId: actor.id, action: "parking.operator.create", targetType: "parking_operator", targetId: id, at }),
  ]);
  const row = await repo.byId(id);
  if (!row) throw notFound("operator");
  return c.json(toOperator(row), 201);
};

export const updateParkingOperatorHandler: AppRouteHandler<typeof updateParkingOperator> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const changes = c.req.valid("json");
  const repo = operatorsRepo(deps.db);
  const before = await repo.byId(id);
  if (!before) throw notFound("operator");
  checkPullSource(deps, { ...before, ...changes });
  const at = deps.clock().toISOString();
  const limit = freshnessLimitMinutes({ ...before, ...changes });
  await deps.atomic([
    repo.updateStatement(id, { ...changes, updatedAt: at }),
    lotsRepo(deps.db).limitStatement(id, limit),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "parking.operator.update",
      targetType: "parking_operator",
      targetId: id,
      detail: { changes },
      at,
    }),
  ]);
  const row = await repo.byId(id);
  if (!row) throw notFound("operator");
  return c.json(toOperator(row), 200);
};

export const listParkingFeedKeysHandler: AppRouteHandler<typeof listParkingFeedKeys> = async (c) => {
  const repo = operatorsRepo(c.get("deps").db);
  const { id } = c.req.valid("param");
  if (!(await repo.byId(id))) throw notFound("operator");
  return c.json({ keys: (await repo.keys(id)).map(toFeedKey) }, 200);
};

export const issueParkingFeedKeyHandler: AppRouteHandler<typeof issueParkingFeedKey> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id } = c.req.valid("param");
  const repo = operatorsRepo(deps.db);
  if (!(await repo.byId(id))) throw notFound("operator");
  const keyId = `pk_${newId().replaceAll("-", "")}`;
  const secret = await deriveFeedSecret(deps.config.parking.feedKeySecret, keyId);
  const at = deps.clock().toISOString();
  const row = { keyId, operatorId: id, secretHash: await hashFeedSecret(secret), status: "active" as const, createdAt: at };
  await deps.atomic([
    repo.insertKeyStatement(row),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "parking.key.issue",
      targetType: "parking_operator",
      targetId: id,
      detail: { keyId },
      at,
    }),
  ]);
  return c.json({ ...toFeedKey({ ...row, revokedAt: null, lastUsedAt: null }), secret }, 201);
};

export const revokeParkingFeedKeyHandler: AppRouteHandler<typeof revokeParkingFeedKey> = async (c) => {
  const deps = c.get("deps");
  const actor = currentUser(c);
  const { id, keyId } = c.req.valid("param");
  const repo = operatorsRepo(deps.db);
  const found = await repo.key(keyId);
  if (!found || found.key.operatorId !== id) throw notFound("key");
  const at = deps.clock().toISOString();
  await deps.atomic([
    repo.revokeKeyStatement(id, keyId, at),
    auditStatement(deps.db, {
      actorId: actor.id,
      action: "parking.key.revoke",
      targetType: "parking_operator",
      targetId: id,
      detail: { keyId },
      at,
    }),
  ]);
  const after = await repo.key(keyId);
  if (!after) throw notFound("key");
  return c.json(toFeedKey(after.key), 200);
};
