import { auditStatement } from "../platform/audit";
import { conflict, notFound } from "../platform/errors";
import type { AppRouteHandler } from "../platform/router";
import type { grantRole, listUsers, revokeRole } from "./admin-users.routes";
import { currentUser } from "./auth.middleware";
import { authRepo } from "./auth.repo";
import { invalidateUser } from "./session-cache";

export const listUsersHandler: AppRouteHandler<typeof listUsers> = async (c) => {
  const { q, limit } = c.req.valid("query");
  return c.json({ users: await authRepo(c.get("deps").db).searchUsers(q, limit) }, 200);
};

export const grantRoleHandler: AppRouteHandler<typeof grantRole> = async (c) => {
  const deps = c.get("deps");
  const { db, atomic, clock } = deps;
  const { id } = c.req.valid("param");
  const { role, note } = c.req.valid("json");
  const actor = currentUser(c);
  const repo = authRepo(db);
  if (!(await repo.findUser(id))) throw notFound("user");
  const at = clock().toISOString();
  await atomic([
    repo.grantRoleStatement(id, role, actor.id, at),
    auditStatement(db, { actorId: actor.id, action: "role.grant", targetType: "user", targetId: id, detail: { role, note }, at }),
  ]);
  invalidateUser(deps, id);
  const user = await repo.findUser(id);
  if (!user) throw notFound("user");
  return c.json(user, 200);
};

export const revokeRoleHandler: AppRouteHandler<typeof revokeRole> = async (c) => {
  const deps = c.get("deps");
  const { db, atomic, clock } = deps;
  const { id, role } = c.req.valid("param");
  const actor = currentUser(c);
  const repo = authRepo(db);
  const target = await repo.findUser(id);
  if (!target) throw notFound("user");
  if (!target.roles.includes(role)) throw conflict(`the user does not have the role ${role}`);
  if (role === "admin" && id === actor.id) throw conflict("an admin cannot revoke their own admin role");
  const at = clock().toISOString();
  await atomic([
    repo.revokeRoleStatement(id, role),
    auditStatement(db, { actorId: actor.id, action: "role.revoke", targetType: "user", targetId: id, detail: { role }, at }),
  ]);
  invalidateUser(deps, id);
  const user = await repo.findUser(id);
  if (!user) throw notFound("user");
  return c.json(user, 200);
};
