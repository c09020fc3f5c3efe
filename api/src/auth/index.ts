/**
 * auth: WeChat sign-in (code2session), the demo dev-login, sessions, roles and the admin's user management.
 * Callers: anyone may sign in; /me and logout need a session; /admin/users and /admin/audit need admin.
 * Tables: users, user_roles, sessions (and writes audit_log rows).
 */
import type { createRouter } from "../platform/router";
import * as admin from "./admin-users.handlers";
import * as adminRoutes from "./admin-users.routes";
import { listAuditHandler } from "./audit.handlers";
import * as handlers from "./auth.handlers";
import * as routes from "./auth.routes";

export function registerAuth(app: ReturnType<typeof createRouter>, opts: { devLogin: boolean }) {
  app.openapi(routes.wechatLogin, handlers.wechatLoginHandler);
  if (opts.devLogin) app.openapi(routes.devLogin, handlers.devLoginHandler);
  app.openapi(routes.logout, handlers.logoutHandler);
  app.openapi(routes.me, handlers.meHandler);
  app.openapi(adminRoutes.listUsers, admin.listUsersHandler);
  app.openapi(adminRoutes.grantRole, admin.grantRoleHandler);
  app.openapi(adminRoutes.revokeRole, admin.revokeRoleHandler);
  app.openapi(adminRoutes.listAudit, listAuditHandler);
}

export { identify, requireAdmin, requireRole, requireStaff, requireUser } from "./auth.middleware";
export { invalidateSession, invalidateUser } from "./session-cache";
