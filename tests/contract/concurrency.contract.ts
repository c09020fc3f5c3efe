import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, toilet } from "./fixtures";
import { call, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, reportBody, uploadPhoto } from "./report-fixtures";

export function registerConcurrencyContract(getHarness: GetHarness) {
  describe("concurrency: guarded statements, not read-then-write", () => {
    it("of two admins resolving one piece of feedback at once, exactly one wins", async () => {
      const h = getHarness();
      const [id] = await createToilets(h, [toilet({ name: "并发公厕", ...GUANQIAN })]);
      const resident = await loginAs(h, "race-resident");
      const fb = await call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token: resident.token, body: { kind: "wrong_info" } });
      const admins = await Promise.all([
        loginAs(h, "race-admin-1", "admin"),
        loginAs(h, "race-admin-2", "admin"),
        loginAs(h, "race-admin-3", "admin"),
      ]);
      const results = await Promise.all(
        admins.map((a) =>
          call(h, "POST", `/api/v1/admin/toilet-feedback/${fb.json.id}/resolve`, { token: a.token, body: { note: `by ${a.user.id}` } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409]);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=toilet_feedback&targetId=${fb.json.id}`, {
        token: admins[0].token,
      });
      expect(audit.json.entries).toHaveLength(1);
    });

    it("20 parallel reports against a limit of 10 let exactly 10 through", async () => {
      const h = getHarness();
      h.setNow("2026-11-26T05:00:00.000Z");
      const [id] = await createToilets(h, [toilet({ name: "限流并发公厕", ...GUANQIAN })]);
      const resident = await loginAs(h, "parallel-reporter");
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(h, "POST", `/api/v1/toilets/${id}/feedback`, { token: resident.token, body: { kind: "dirty" } }),
        ),
      );
      expect(results.filter((r) => r.status === 201)).toHaveLength(10);
      expect(results.filter((r) => r.status === 429)).toHaveLength(10);
    });

    it("the same openid signing in 10 times at once is still one user", async () => {
      const h = getHarness();
      const sessions = await Promise.all(Array.from({ length: 10 }, () => loginAs(h, "same-person")));
      expect(new Set(sessions.map((s) => s.user.id)).size).toBe(1);
      expect(new Set(sessions.map((s) => s.token)).size).toBe(10);
    });

    it("20 moderators accepting one report at once: exactly one succeeds, one history row", async () => {
      const h = getHarness();
      await createCategories(h);
      const resident = await loginAs(h, "contested-reporter");
      const report = await fileReport(h, resident.token);
      const mods = await Promise.all(Array.from({ length: 20 }, (_, i) => loginAs(h, `racing-mod-${i}`, i % 2 ? "moderator" : "admin")));
      const results = await Promise.all(
        mods.map((m) =>
          call(h, "POST", `/api/v1/moderation/reports/${report.id}/accept`, {
            token: m.token,
            body: { note: m.user.id },
            headers: { "if-match": `"${report.version ?? 1}"` },
          }),
        ),
      );
      expect(results.filter((r) => r.status === 200)).toHaveLength(1);
      const losers = results.filter((r) => r.status === 409);
      expect(losers).toHaveLength(19);
      // However late each one lost, it hears what the case is now.
      for (const l of losers) expect(l.json.error.details).toMatchObject({ reason: "stale_version", version: 2, status: "accepted" });
      const winner = results.find((r) => r.status === 200)?.json;
      expect(winner.timeline.filter((t: { action: string }) => t.action === "accept")).toHaveLength(1);
      expect(winner.version).toBe(2);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=report&targetId=${report.id}`, {
        token: (mods[0] as { token: string }).token,
      });
      expect(audit.json.entries).toHaveLength(1);
    });

    it("20 parallel creates with one Idempotency-Key make one report, and every answer names it", async () => {
      const h = getHarness();
      await createCategories(h);
      const resident = await loginAs(h, "double-tapper");
      const photo = await uploadPhoto(h, resident.token);
      const results = await Promise.all(
        Array.from({ length: 20 }, () =>
          call(h, "POST", "/api/v1/reports", {
            token: resident.token,
            body: reportBody([photo]),
            headers: { "idempotency-key": "tap-tap-tap-0001" },
          }),
        ),
      );
      expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
      expect(results.filter((r) => r.status === 201)).toHaveLength(1);
      expect(new Set(results.map((r) => r.json.id)).size).toBe(1);
      const mine = await call(h, "GET", "/api/v1/reports/mine", { token: resident.token });
      expect(mine.json.reports).toHaveLength(1);
    });
  });
}
