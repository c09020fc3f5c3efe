import { describe, expect, it } from "vitest";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

export function registerAuthContract(getHarness: GetHarness) {
  describe("auth: WeChat sign-in, sessions and roles", () => {
    it("a resident signs in with a wx.login code and is the same user next time", async () => {
      const h = getHarness();
      const first = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: await h.wechat.issueCode("o-alice") } });
      expect(first.status).toBe(200);
      expect(first.json.user.roles).toEqual(["resident"]);
      expect(JSON.stringify(first.json)).not.toMatch(/session_?key/i);
      const again = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: await h.wechat.issueCode("o-alice") } });
      expect(again.json.user.id).toBe(first.json.user.id);
      expect(again.json.token).not.toBe(first.json.token);
      const me = await call(h, "GET", "/api/v1/me", { token: first.json.token });
      expect(me.status).toBe(200);
      expect(me.json.id).toBe(first.json.user.id);
    });

    it("a reused or invalid code is a 401, and WeChat being down is a 502, never a 500", async () => {
      const h = getHarness();
      const code = await h.wechat.issueCode("o-bob");
      expect((await call(h, "POST", "/api/v1/auth/wechat", { body: { code } })).status).toBe(200);
      const reused = await call(h, "POST", "/api/v1/auth/wechat", { body: { code } });
      expect(reused.status).toBe(401);
      expectEnvelope(reused, "unauthorized");
      const invalid = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: "made-up" } });
      expect(invalid.status).toBe(401);
      await h.wechat.setMode("busy");
      try {
        const busy = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: await h.wechat.issueCode("o-bob") } });
        expect(busy.status).toBe(502);
        expectEnvelope(busy, "upstream_unavailable");
        await h.wechat.setMode("rate_limited");
        const limited = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: await h.wechat.issueCode("o-bob") } });
        expect(limited.status).toBe(429);
        expect(limited.headers.get("retry-after")).toBeTruthy();
      } finally {
        await h.wechat.setMode("normal");
      }
    });

    it("an empty code is a 422", async () => {
      const res = await call(getHarness(), "POST", "/api/v1/auth/wechat", { body: { code: "" } });
      expect(res.status).toBe(422);
    });

    it("without a token /me is 401; a garbage token is 401", async () => {
      const h = getHarness();
      expectEnvelope(await call(h, "GET", "/api/v1/me"), "unauthorized");
      const res = await call(h, "GET", "/api/v1/me", { token: "A".repeat(43) });
      expect(res.status).toBe(401);
    });

    it("logout revokes the token", async () => {
      const h = getHarness();
      const s = await loginAs(h, "logout-user");
      expect((await call(h, "POST", "/api/v1/auth/logout", { token: s.token })).status).toBe(204);
      expect((await call(h, "GET", "/api/v1/me", { token: s.token })).status).toBe(401);
    });

    it("a session expires after its lifetime", async () => {
      const h = getHarness();
      h.setNow("2026-11-01T00:00:00.000Z");
      const s = await loginAs(h, "expiring-user");
      h.setNow("2026-11-20T00:00:00.000Z");
      expect((await call(h, "GET", "/api/v1/me", { token: s.token })).status).toBe(200);
      h.setNow("2027-01-01T00:00:00.000Z");
      expect((await call(h, "GET", "/api/v1/me", { token: s.token })).status).toBe(401);
    });

    it("an admin grants and revokes roles, each change in the audit log", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "root-admin", "admin");
      const bob = await loginAs(h, "collector-bob");
      const granted = await call(h, "POST", `/api/v1/admin/users/${bob.user.id}/roles`, {
        token: admin.token,
        body: { role: "collector", note: "joined the Gusu recycling team" },
      });
      expect(granted.status).toBe(200);
      expect(granted.json.roles).toEqual(["resident", "collector"]);
      expect((await call(h, "GET", "/api/v1/me", { token: bob.token })).json.roles).toContain("collector");
      const revoked = await call(h, "DELETE", `/api/v1/admin/users/${bob.user.id}/roles/collector`, { token: admin.token });
      expect(revoked.status).toBe(200);
      expect(revoked.json.roles).toEqual(["resident"]);
      const again = await call(h, "DELETE", `/api/v1/admin/users/${bob.user.id}/roles/collector`, { token: admin.token });
      expect(again.status).toBe(409);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=user&targetId=${bob.user.id}`, { token: admin.token });
      expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual(["role.revoke", "role.grant"]);
      expect(audit.json.entries[1].actorId).toBe(admin.user.id);
      expect(audit.json.entries[1].detail).toEqual({ role: "collector", note: "joined the Gusu recycling team" });
    });

    it("role management is for admins only; unknown users are 404; resident is not grantable", async () => {
      const h = getHarness();
      const mod = await loginAs(h, "mod-1", "moderator");
      const resident = await loginAs(h, "res-1");
      const admin = await loginAs(h, "admin-2", "admin");
      expect((await call(h, "GET", "/api/v1/admin/users")).status).toBe(401);
      expect((await call(h, "GET", "/api/v1/admin/users", { token: mod.token })).status).toBe(403);
      const byResident = await call(h, "POST", `/api/v1/admin/users/${resident.user.id}/roles`, {
        token: resident.token,
        body: { role: "admin" },
      });
      expect(byResident.status).toBe(403);
      const unknown = await call(h, "POST", "/api/v1/admin/users/nobody/roles", { token: admin.token, body: { role: "volunteer" } });
      expect(unknown.status).toBe(404);
      const resRole = await call(h, "POST", `/api/v1/admin/users/${resident.user.id}/roles`, {
        token: admin.token,
        body: { role: "resident" },
      });
      expect(resRole.status).toBe(422);
      const list = await call(h, "GET", "/api/v1/admin/users?q=res-1", { token: admin.token });
      expect(list.json.users.map((u: { id: string }) => u.id)).toEqual([resident.user.id]);
      const self = await call(h, "DELETE", `/api/v1/admin/users/${admin.user.id}/roles/admin`, { token: admin.token });
      expect(self.status).toBe(409);
    });
  });
}
