import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, toilet } from "./fixtures";
import { type ContractHarness, call, type GetHarness, loginAs } from "./harness";

/*
 * Who may call what, declared as a table. Every route the OpenAPI document lists must have a row, so a
 * new route without a decision fails this suite. "allowed" means the caller gets past the role check
 * (any status but 401/403); otherwise anonymous callers get 401 and signed-in callers without the role 403.
 */
const CALLERS = ["anonymous", "resident", "collector", "volunteer", "moderator", "admin"] as const;
type Caller = (typeof CALLERS)[number];
type Access = "public" | "signed-in" | Caller[];

interface Fixture {
  toiletId: string;
  userId: string;
  feedbackId: string;
}

interface Row {
  access: Access;
  path: (f: Fixture) => string;
  body?: (f: Fixture, h: ContractHarness) => unknown;
}

const ADMIN_ONLY: Caller[] = ["admin"];

export const AUTHORIZATION: Record<string, Row> = {
  "POST /api/v1/auth/wechat": {
    access: "public",
    path: () => "/api/v1/auth/wechat",
    body: async (_f, h) => ({ code: await h.wechat.issueCode("matrix-wechat") }),
  },
  "POST /api/v1/auth/dev-login": { access: "public", path: () => "/api/v1/auth/dev-login", body: () => ({ openid: "matrix-probe" }) },
  "POST /api/v1/auth/logout": { access: "signed-in", path: () => "/api/v1/auth/logout" },
  "GET /api/v1/me": { access: "signed-in", path: () => "/api/v1/me" },
  "GET /api/v1/admin/users": { access: ADMIN_ONLY, path: () => "/api/v1/admin/users" },
  "POST /api/v1/admin/users/{id}/roles": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/users/${f.userId}/roles`,
    body: () => ({ role: "volunteer" }),
  },
  "DELETE /api/v1/admin/users/{id}/roles/{role}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/users/${f.userId}/roles/collector` },
  "GET /api/v1/admin/audit": { access: ADMIN_ONLY, path: () => "/api/v1/admin/audit" },
  "GET /api/v1/toilets/nearby": { access: "public", path: () => `/api/v1/toilets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}` },
  "GET /api/v1/toilets/{id}": { access: "public", path: (f) => `/api/v1/toilets/${f.toiletId}` },
  "POST /api/v1/toilets/{id}/feedback": {
    access: "signed-in",
    path: (f) => `/api/v1/toilets/${f.toiletId}/feedback`,
    body: () => ({ kind: "dirty" }),
  },
  "GET /api/v1/admin/toilet-feedback": { access: ADMIN_ONLY, path: () => "/api/v1/admin/toilet-feedback" },
  "POST /api/v1/admin/toilet-feedback/{id}/resolve": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilet-feedback/${f.feedbackId}/resolve`,
    body: () => ({ note: "checked" }),
  },
  "POST /api/v1/admin/toilets": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets",
    body: () => toilet({ name: "matrix", ...GUANQIAN }),
  },
  "PATCH /api/v1/admin/toilets/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}`,
    body: () => ({ stalls: 9 }),
  },
  "POST /api/v1/admin/toilets/{id}/deactivate": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/deactivate`,
    body: () => ({ reason: "matrix check" }),
  },
  "POST /api/v1/admin/toilets/import": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets/import",
    body: () => ({ format: "csv", content: "name\nx" }),
  },
};

function allowed(access: Access, caller: Caller): boolean {
  if (access === "public") return true;
  if (access === "signed-in") return caller !== "anonymous";
  return access.includes(caller);
}

async function fixture(h: ContractHarness): Promise<Fixture> {
  const [toiletId] = await createToilets(h, [toilet({ name: "权限矩阵公厕", ...GUANQIAN })]);
  const target = await loginAs(h, "matrix-target", "collector");
  const reporter = await loginAs(h, "matrix-reporter");
  const fb = await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: reporter.token, body: { kind: "closed" } });
  return { toiletId: toiletId as string, userId: target.user.id, feedbackId: fb.json.id };
}

export function registerAuthorizationContract(getHarness: GetHarness) {
  describe("authorization matrix", () => {
    it("has a row for every route in the OpenAPI document, and no row for a route that is gone", async () => {
      const doc = (await call(getHarness(), "GET", "/openapi.json")).json as { paths: Record<string, Record<string, unknown>> };
      const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
      expect(routes.filter((r) => !(r in AUTHORIZATION))).toEqual([]);
      expect(Object.keys(AUTHORIZATION).filter((r) => !routes.includes(r))).toEqual([]);
    });

    it("lets each caller through exactly where the table says, with 401 for anonymous and 403 for a missing role", async () => {
      const h = getHarness();
      const f = await fixture(h);
      const failures: string[] = [];
      for (const [route, row] of Object.entries(AUTHORIZATION)) {
        const method = route.split(" ")[0] as string;
        for (const caller of CALLERS) {
          const token =
            caller === "anonymous" ? undefined : (await loginAs(h, `matrix-${caller}`, caller === "resident" ? undefined : caller)).token;
          const res = await call(h, method, row.path(f), {
            ...(token ? { token } : {}),
            ...(row.body ? { body: await row.body(f, h) } : {}),
          });
          const expected = allowed(row.access, caller) ? "through" : caller === "anonymous" ? 401 : 403;
          const got = res.status === 401 || res.status === 403 ? res.status : "through";
          if (got !== expected) failures.push(`${route} as ${caller}: expected ${expected}, got ${res.status}`);
          if (res.status >= 500) failures.push(`${route} as ${caller}: server error ${res.status}`);
        }
      }
      expect(failures).toEqual([]);
    });
  });
}
