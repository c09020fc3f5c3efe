import { PRIVACY_POLICY_VERSION } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, toilet } from "./fixtures";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, staffActs } from "./report-fixtures";

/* Personal data (PIPL): consent, export of everything held, account deletion, and the retention job. */

const CLOSE_STEPS: [string, unknown][] = [
  ["accept", {}],
  ["dispatch", { department: "市容管理科" }],
  ["resolve", { reply: "已清理" }],
  ["close", {}],
];

async function staffView(h: ContractHarness, token: string, id: string) {
  return call(h, "GET", `/api/v1/moderation/reports/${id}`, { token });
}

export function registerPrivacyContract(getHarness: GetHarness) {
  describe("privacy consent", () => {
    it("records the accepted policy version once, shows it, and refuses an outdated version", async () => {
      const h = getHarness();
      h.setNow("2026-11-20T08:00:00.000Z");
      const me = await loginAs(h, "consent-resident");
      const before = await call(h, "GET", "/api/v1/me/privacy", { token: me.token });
      expect(before.status).toBe(200);
      expect(before.headers.get("cache-control")).toBe("no-store");
      expect(before.json).toEqual({ policyVersion: PRIVACY_POLICY_VERSION, retentionDays: 365, consent: null, upToDate: false });

      const old = await call(h, "POST", "/api/v1/me/consent", { token: me.token, body: { policyVersion: "2020-01-01" } });
      expect(old.status).toBe(409);
      expectEnvelope(old, "conflict");
      expect(old.json.error.details).toEqual({ currentVersion: PRIVACY_POLICY_VERSION });

      const ok = await call(h, "POST", "/api/v1/me/consent", { token: me.token, body: { policyVersion: PRIVACY_POLICY_VERSION } });
      expect(ok.status).toBe(200);
      expect(ok.json).toMatchObject({
        upToDate: true,
        consent: { policyVersion: PRIVACY_POLICY_VERSION, acceptedAt: "2026-11-20T08:00:00.000Z" },
      });
      h.setNow("2026-11-21T08:00:00.000Z");
      await call(h, "POST", "/api/v1/me/consent", { token: me.token, body: { policyVersion: PRIVACY_POLICY_VERSION } });
      const exported = await call(h, "GET", "/api/v1/me/export", { token: me.token });
      expect(exported.json.consents).toEqual([{ policyVersion: PRIVACY_POLICY_VERSION, acceptedAt: "2026-11-20T08:00:00.000Z" }]);
      expect((await call(h, "GET", "/api/v1/me/privacy")).status).toBe(401);
    });
  });

  describe("data export", () => {
    it("hands the caller everything held about them, photos as working signed URLs, no tokens, nothing of others", async () => {
      const h = getHarness();
      await createCategories(h);
      const [toiletId] = await createToilets(h, [toilet({ name: "导出公厕", ...GUANQIAN })]);
      const me = await loginAs(h, "export-resident");
      const other = await loginAs(h, "export-other");
      const mod = await loginAs(h, "export-mod", "moderator");
      const mine = await fileReport(h, me.token, { description: "我的举报内容" }, { "Idempotency-Key": "export-key-1" });
      const theirs = await fileReport(h, other.token, { description: "别人的举报内容" });
      expect((await call(h, "POST", `/api/v1/reports/${theirs.id}/follow`, { token: me.token })).status).toBeLessThan(300);
      await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: me.token, body: { kind: "dirty", note: "地面湿滑" } });
      await call(h, "POST", "/api/v1/me/consent", { token: me.token, body: { policyVersion: PRIVACY_POLICY_VERSION } });
      await staffActs(h, mod.token, mine.id, [["accept", {}]]);
      await h.wechat.dispatch();

      const res = await call(h, "GET", "/api/v1/me/export", { token: me.token });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      const doc = res.json;
      expect(doc.profile).toMatchObject({ id: me.user.id, openid: "dev:export-resident", sessionKeyHeld: false });
      expect(doc.roles.map((r: { role: string }) => r.role)).toEqual(["resident"]);
      expect(doc.sessions).toHaveLength(1);
      expect(JSON.stringify(doc)).not.toContain(me.token);
      expect(JSON.stringify(doc)).not.toMatch(/tokenHash|token_hash|sessionKey"/);
      expect(doc.reports.map((r: { id: string; description: string }) => [r.id, r.description])).toEqual([[mine.id, "我的举报内容"]]);
      expect(JSON.stringify(doc)).not.toContain("别人的举报内容");
      const photo = doc.reports[0].photos[0];
      expect(photo).toMatchObject({ id: mine.photos[0].id, kind: "report" });
      expect((await h.request(photo.url)).status).toBe(200);
      expect(doc.follows.map((f: { reportId: string }) => f.reportId)).toEqual([theirs.id]);
      expect(doc.toiletFeedback).toMatchObject([{ toiletId, kind: "dirty", note: "地面湿滑" }]);
      expect(doc.inbox.length).toBeGreaterThan(0);
      expect(doc.notifications.length).toBeGreaterThan(0);
      expect(doc.idempotencyKeys).toMatchObject([{ key: "export-key-1", resourceId: mine.id }]);
      expect(doc.consents).toHaveLength(1);
      expect(doc.counts).toMatchObject({ reports: 1, follows: 1, toiletFeedback: 1, consents: 1, sessions: 1 });
    });
  });

  describe("account deletion", () => {
    it("refuses without the typed confirmation and leaves the account working", async () => {
      const h = getHarness();
      const me = await loginAs(h, "delete-unsure");
      for (const body of [{}, { confirm: "yes" }, { confirm: "delete" }]) {
        const res = await call(h, "DELETE", "/api/v1/me", { token: me.token, body });
        expect(res.status).toBe(422);
        expectEnvelope(res, "validation_failed");
      }
      expect((await call(h, "GET", "/api/v1/me", { token: me.token })).status).toBe(200);
    });

    it("revokes every session, unlinks reports that staff still see without identity, deletes photos of unaccepted reports, and the same account starts fresh", async () => {
      const h = getHarness();
      await createCategories(h);
      const me = await loginAs(h, "delete-resident");
      const second = await loginAs(h, "delete-resident");
      const other = await loginAs(h, "delete-other");
      const mod = await loginAs(h, "delete-mod", "moderator");
      const pending = await fileReport(h, me.token, { description: "还没立案的举报" });
      const accepted = await fileReport(h, me.token, { description: "已立案的举报" });
      const theirs = await fileReport(h, other.token);
      await call(h, "POST", `/api/v1/reports/${theirs.id}/follow`, { token: me.token });
      await staffActs(h, mod.token, accepted.id, [["accept", {}]]);
      await h.wechat.dispatch();
      await staffActs(h, mod.token, accepted.id, [["dispatch", { department: "市容管理科" }]]);
      const before = (await call(h, "GET", "/api/v1/me/export", { token: me.token })).json;
      const urlOf = (id: string) => before.reports.find((r: { id: string }) => r.id === id).photos[0].url as string;
      const [pendingPhoto, acceptedPhoto] = [urlOf(pending.id), urlOf(accepted.id)];

      const res = await call(h, "DELETE", "/api/v1/me", { token: me.token, body: { confirm: "DELETE" } });
      expect(res.status).toBe(200);
      expect(res.headers.get("cache-control")).toBe("no-store");
      expect(res.json.removed).toMatchObject({ identity: 1, sessionsRevoked: 2, photos: 1, follows: 1, pendingNotificationsCancelled: 1 });
      expect(res.json.removed.inboxMessages).toBeGreaterThan(0);
      const kept = Object.fromEntries(res.json.kept.map((k: { what: string; count: number; code: string }) => [k.what, [k.count, k.code]]));
      expect(kept).toMatchObject({ reports: [2, "city_record"], photos: [1, "accepted_case_evidence"] });
      expect(res.json.kept[0].reason).toMatch(/城市管理记录/);

      // Both old tokens are dead.
      for (const token of [me.token, second.token]) {
        const gone = await call(h, "GET", "/api/v1/me", { token });
        expect(gone.status).toBe(401);
        expectEnvelope(gone, "unauthorized");
      }
      // Staff still see both reports, with no reporter; the accepted case keeps its photo, the other loses it.
      for (const id of [pending.id, accepted.id]) {
        const view = await staffView(h, mod.token, id);
        expect(view.status).toBe(200);
        expect(view.json.reporter).toBeNull();
        expect(view.json.source).toBe("app");
      }
      expect((await staffView(h, mod.token, pending.id)).json.photos).toEqual([]);
      expect((await staffView(h, mod.token, accepted.id)).json.photos).toHaveLength(1);
      expect((await h.request(pendingPhoto)).status).toBe(404);
      expect((await h.request(acceptedPhoto)).status).toBe(200);
      expect((await staffView(h, mod.token, theirs.id)).json.followers).toBe(0);
      // Work on an unlinked case notifies no one.
      await h.wechat.dispatch();
      await staffActs(h, mod.token, accepted.id, [["resolve", { reply: "已处理" }]]);
      expect(await h.wechat.dispatch()).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });

      // The same WeChat account signs in as a new, empty user.
      const fresh = await loginAs(h, "delete-resident");
      expect(fresh.user.id).not.toBe(me.user.id);
      const empty = (await call(h, "GET", "/api/v1/me/export", { token: fresh.token })).json;
      expect(empty.counts).toMatchObject({ reports: 0, follows: 0, inbox: 0, consents: 0, sessions: 1 });
      expect((await call(h, "GET", "/api/v1/reports/mine", { token: fresh.token })).json.reports).toEqual([]);
    });

    it("lets the same openid start fresh through WeChat sign-in (code2session) too", async () => {
      const h = getHarness();
      const first = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: await h.wechat.issueCode("o-erase-me") } });
      expect(first.status).toBe(200);
      expect((await call(h, "DELETE", "/api/v1/me", { token: first.json.token, body: { confirm: "DELETE" } })).status).toBe(200);
      const again = await call(h, "POST", "/api/v1/auth/wechat", { body: { code: await h.wechat.issueCode("o-erase-me") } });
      expect(again.status).toBe(200);
      expect(again.json.user.id).not.toBe(first.json.user.id);
      const doc = (await call(h, "GET", "/api/v1/me/export", { token: again.json.token })).json;
      expect(doc.profile.openid).toBe("o-erase-me");
    });
  });

  describe("retention", () => {
    it("unlinks reporters of reports closed more than RETENTION_DAYS ago, keeps recent ones, and runs idempotently", async () => {
      const h = getHarness();
      await createCategories(h);
      const me = await loginAs(h, "retention-resident");
      const mod = await loginAs(h, "retention-mod", "moderator");
      h.setNow("2025-01-10T02:00:00.000Z");
      const old = await fileReport(h, me.token);
      await staffActs(h, mod.token, old.id, CLOSE_STEPS);
      h.setNow("2025-12-01T02:00:00.000Z");
      const recent = await fileReport(h, me.token);
      await staffActs(h, mod.token, recent.id, CLOSE_STEPS);
      const open = await fileReport(h, me.token);

      h.setNow("2026-01-09T02:00:00.000Z");
      expect(await h.runRetention()).toBe(0);
      h.setNow("2026-01-11T02:00:00.000Z");
      expect(await h.runRetention()).toBe(1);
      expect(await h.runRetention()).toBe(0);

      const mine = (await call(h, "GET", "/api/v1/reports/mine", { token: me.token })).json.reports.map((r: { id: string }) => r.id);
      expect(mine).not.toContain(old.id);
      expect(mine).toEqual(expect.arrayContaining([recent.id, open.id]));
      const view = await staffView(h, mod.token, old.id);
      expect(view.json).toMatchObject({ status: "closed", reporter: null });
      expect(view.json.timeline[0]).toMatchObject({ action: "submit", actorId: expect.not.stringMatching(me.user.id) });
      expect((await staffView(h, mod.token, recent.id)).json.reporter).toMatchObject({ id: me.user.id });
    });
  });
}
