import { describe, expect, it } from "vitest";
import { call, type GetHarness, loginAs } from "./harness";

/*
 * Each instance keeps the sessions it read for up to 5 s (api/src/auth/session-cache.ts). Every change made
 * through this instance must still apply on the very next request, even when the token was used just
 * before (so its session sits in the cache). Another instance's view: tests/api/session-cache.test.ts.
 */
export function registerSessionCacheContract(getHarness: GetHarness) {
  describe("sessions: changes apply at once on the instance that made them", () => {
    const queue = "/api/v1/moderation/kpis";

    it("a token used a moment ago is refused on the next request after logout, and the user's other session lives on", async () => {
      const h = getHarness();
      const phone = await loginAs(h, "two-devices");
      const tablet = await loginAs(h, "two-devices");
      expect((await call(h, "GET", "/api/v1/me", { token: phone.token })).status).toBe(200);
      expect((await call(h, "GET", "/api/v1/me", { token: tablet.token })).status).toBe(200);
      expect((await call(h, "POST", "/api/v1/auth/logout", { token: phone.token })).status).toBe(204);
      expect((await call(h, "GET", "/api/v1/me", { token: phone.token })).status).toBe(401);
      expect((await call(h, "GET", "/api/v1/me", { token: tablet.token })).status).toBe(200);
    });

    it("a moderator whose role is revoked is refused (403) on their very next request", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "cache-admin", "admin");
      const mod = await loginAs(h, "cache-mod", "moderator");
      expect((await call(h, "GET", queue, { token: mod.token })).status).toBe(200);
      const revoked = await call(h, "DELETE", `/api/v1/admin/users/${mod.user.id}/roles/moderator`, { token: admin.token });
      expect(revoked.status).toBe(200);
      expect((await call(h, "GET", queue, { token: mod.token })).status).toBe(403);
      expect((await call(h, "GET", "/api/v1/me", { token: mod.token })).json.roles).toEqual(["resident"]);
    });

    it("a granted role works on the grantee's next request, with the token they already had", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "cache-admin-2", "admin");
      const staff = await loginAs(h, "new-staff");
      expect((await call(h, "GET", queue, { token: staff.token })).status).toBe(403);
      const granted = await call(h, "POST", `/api/v1/admin/users/${staff.user.id}/roles`, {
        token: admin.token,
        body: { role: "moderator" },
      });
      expect(granted.status).toBe(200);
      expect((await call(h, "GET", queue, { token: staff.token })).status).toBe(200);
    });

    it("a session used a second before its end is refused a second after it", async () => {
      const h = getHarness();
      h.setNow("2026-11-01T00:00:00.000Z");
      const s = await loginAs(h, "cache-expiry");
      const end = Date.parse((s as unknown as { expiresAt: string }).expiresAt);
      h.setNow(new Date(end - 1000).toISOString());
      expect((await call(h, "GET", "/api/v1/me", { token: s.token })).status).toBe(200);
      h.setNow(new Date(end + 1000).toISOString());
      expect((await call(h, "GET", "/api/v1/me", { token: s.token })).status).toBe(401);
    });
  });
}
