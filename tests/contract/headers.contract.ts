import { describe, expect, it } from "vitest";
import { GUANQIAN } from "./fixtures";
import { call, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport } from "./report-fixtures";

/*
 * Headers on each kind of answer: nothing personal is stored by a browser or proxy (no-store on every
 * signed-in answer, staff and admin route and error), public lists say how long they may be reused, and
 * nosniff is everywhere.
 */

const nearby = `/api/v1/toilets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}`;

function expectBasics(res: { headers: Headers }, what: string) {
  expect(res.headers.get("x-content-type-options"), what).toBe("nosniff");
  expect(res.headers.get("x-request-id"), what).toBeTruthy();
}

export function registerHeadersContract(getHarness: GetHarness) {
  describe("caching and security headers", () => {
    it("personal answers (me, my reports, my report's exact address, inbox, staff, admin) are never stored", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "headers-reporter");
      const mod = await loginAs(h, "headers-mod", "moderator");
      const admin = await loginAs(h, "headers-admin", "admin");
      const report = await fileReport(h, reporter.token);
      const personal: [string, string][] = [
        ["/api/v1/me", reporter.token],
        ["/api/v1/reports/mine", reporter.token],
        [`/api/v1/reports/${report.id}`, reporter.token],
        ["/api/v1/inbox", reporter.token],
        ["/api/v1/moderation/reports", mod.token],
        [`/api/v1/moderation/reports/${report.id}`, mod.token],
        ["/api/v1/admin/users", admin.token],
        // A public list asked with a token is answered for that caller: not stored either.
        [nearby, reporter.token],
        ["/api/v1/report-categories", reporter.token],
      ];
      for (const [path, token] of personal) {
        const res = await call(h, "GET", path, { token });
        expect(res.status, path).toBe(200);
        expect(res.headers.get("cache-control"), path).toBe("no-store");
        expectBasics(res, path);
      }
      const created = await call(h, "POST", `/api/v1/reports/${report.id}/follow`, { token: mod.token });
      expect(created.headers.get("cache-control")).toBe("no-store");
    });

    it("anonymous public lists say how long they may be reused, and vary on Authorization", async () => {
      const h = getHarness();
      await createCategories(h);
      for (const [path, maxAge] of [
        [nearby, 60],
        ["/api/v1/report-categories", 300],
        [`/api/v1/reports/public?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}`, 60],
      ] as const) {
        const res = await call(h, "GET", path);
        expect(res.status, path).toBe(200);
        expect(res.headers.get("cache-control"), path).toBe(`public, max-age=${maxAge}`);
        expect(res.headers.get("vary") ?? "", path).toMatch(/authorization/i);
        expectBasics(res, path);
      }
    });

    it("errors and unknown routes carry nosniff, no-store and the request id, in the envelope", async () => {
      const h = getHarness();
      for (const [method, path, status] of [
        ["GET", "/api/v1/nothing-here", 404],
        ["GET", "/api/v1/me", 401],
        ["GET", "/api/v1/toilets/nearby?lat=x", 400],
        ["POST", "/api/v1/reports", 401],
      ] as const) {
        const res = await call(h, method, path, method === "POST" ? { body: {} } : {});
        expect(res.status, path).toBe(status);
        expect(res.json.error.code, path).toBeTruthy();
        expect(res.headers.get("cache-control"), path).toBe("no-store");
        expectBasics(res, path);
      }
    });
  });
}
