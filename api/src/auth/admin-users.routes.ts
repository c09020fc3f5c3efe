import { AdminUserList, AuditPage, AuditQuery, GrantableRole, queryInt, RoleGrantRequest, User } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";
import { requireAdmin } from "./auth.middleware";

const tags = ["admin"];
const adminOnly = [requireAdmin];
const UserIdParam = z.object({ id: z.string().min(1).max(64) });

export const listUsers = createRoute({
  method: "get",
  path: "/api/v1/admin/users",
  tags,
  summary: "Find users by openid, nickname or id",
  security: bearerAuth,
  middleware: adminOnly,
  request: { query: z.object({ q: z.string().max(64).optional(), limit: queryInt(1, 200, 50) }) },
  responses: { 200: jsonContent(AdminUserList, "Users"), ...errorResponses(400, 401, 403) },
});

export const grantRole = createRoute({
  method: "post",
  path: "/api/v1/admin/users/{id}/roles",
  tags,
  summary: "Grant a role (audited)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { params: UserIdParam, body: jsonBody(RoleGrantRequest) },
  responses: { 200: jsonContent(User, "The user with the role"), ...errorResponses(401, 403, 404, 415, 422) },
});

export const revokeRole = createRoute({
  method: "delete",
  path: "/api/v1/admin/users/{id}/roles/{role}",
  tags,
  summary: "Revoke a role (audited)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { params: UserIdParam.extend({ role: GrantableRole }) },
  responses: { 200: jsonContent(User, "The user without the role"), ...errorResponses(400, 401, 403, 404, 409) },
});

export const listAudit = createRoute({
  method: "get",
  path: "/api/v1/admin/audit",
  tags,
  summary: "The audit log, newest first: filter by actor, target, action and city dates; paged by cursor",
  security: bearerAuth,
  middleware: adminOnly,
  request: { query: AuditQuery },
  responses: { 200: jsonContent(AuditPage, "One page of entries; `nextCursor` fetches the next"), ...errorResponses(400, 401, 403) },
});
