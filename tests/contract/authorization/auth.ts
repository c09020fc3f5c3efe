import { ADMIN_ONLY, type Rows } from "./table";

/** Signing in, the account's own data, and the admins' user and audit screens. */
export const AUTH_ROWS: Rows = {
  "POST /api/v1/auth/wechat": {
    access: "public",
    path: () => "/api/v1/auth/wechat",
    body: async (_f, h) => ({ code: await h.wechat.issueCode("matrix-wechat") }),
  },
  "POST /api/v1/auth/dev-login": { access: "public", path: () => "/api/v1/auth/dev-login", body: () => ({ openid: "matrix-probe" }) },
  "POST /api/v1/auth/logout": { access: "signed-in", path: () => "/api/v1/auth/logout" },
  "GET /api/v1/me": { access: "signed-in", path: () => "/api/v1/me" },
  "GET /api/v1/me/privacy": { access: "signed-in", path: () => "/api/v1/me/privacy" },
  "POST /api/v1/me/consent": { access: "signed-in", path: () => "/api/v1/me/consent", body: () => ({ policyVersion: "matrix" }) },
  "GET /api/v1/me/export": { access: "signed-in", path: () => "/api/v1/me/export" },
  // Without the typed confirmation: every signed-in caller gets past the sign-in check to a 422 (no one is deleted).
  "DELETE /api/v1/me": { access: "signed-in", path: () => "/api/v1/me", body: () => ({}) },
  "POST /api/v1/me/phone-number": {
    access: "signed-in",
    path: () => "/api/v1/me/phone-number",
    body: async (_f, h) => ({ code: await h.wechat.controls.issuePhoneCode("13800000000") }),
  },
  "GET /api/v1/admin/users": { access: ADMIN_ONLY, path: () => "/api/v1/admin/users" },
  "POST /api/v1/admin/users/{id}/roles": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/users/${f.userId}/roles`,
    body: () => ({ role: "volunteer" }),
  },
  "DELETE /api/v1/admin/users/{id}/roles/{role}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/users/${f.userId}/roles/collector` },
  "GET /api/v1/admin/audit": { access: ADMIN_ONLY, path: () => "/api/v1/admin/audit" },
};
