import { describe, expect, it } from "vitest";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, staffActs } from "./report-fixtures";

/*
 * Staff actions carry the version they were decided on (If-Match). Two moderators with the same case open:
 * the first decision applies, the second is refused with what the case is now, instead of both applying.
 */

const act = (id: string, action: string) => `/api/v1/moderation/reports/${id}/${action}`;

export function registerStaleActionsContract(getHarness: GetHarness) {
  describe("stale staff actions", () => {
    it("two moderators act on the same screen: the accept wins, the reject is a 409 carrying the accepted case", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "contested-case");
      const first = await loginAs(h, "first-mod", "moderator");
      const second = await loginAs(h, "second-mod", "moderator");
      const report = await fileReport(h, reporter.token);
      // Both open the case: the same version on both screens, also sent as the ETag.
      const screenA = await call(h, "GET", `/api/v1/moderation/reports/${report.id}`, { token: first.token });
      const screenB = await call(h, "GET", `/api/v1/moderation/reports/${report.id}`, { token: second.token });
      expect(screenA.json.version).toBe(1);
      expect(screenB.headers.get("etag")).toBe('"1"');

      const accepted = await call(h, "POST", act(report.id, "accept"), { token: first.token, body: {}, headers: { "if-match": '"1"' } });
      expect(accepted.status).toBe(200);
      expect(accepted.json).toMatchObject({ status: "accepted", version: 2 });
      expect(accepted.headers.get("etag")).toBe('"2"');

      const rejected = await call(h, "POST", act(report.id, "reject"), {
        token: second.token,
        body: { reason: "invalid" },
        headers: { "if-match": `"${screenB.json.version}"` },
      });
      expect(rejected.status).toBe(409);
      expectEnvelope(rejected, "conflict");
      expect(rejected.json.error.details).toMatchObject({ reason: "stale_version", expectedVersion: 1, version: 2, status: "accepted" });
      expect(rejected.json.error.details.report).toMatchObject({ id: report.id, status: "accepted", version: 2, viewer: "staff" });
      // Nothing of the reject was written: one accept in the history, the case still accepted.
      const now = await call(h, "GET", `/api/v1/moderation/reports/${report.id}`, { token: second.token });
      expect(now.json.timeline.map((t: { action: string }) => t.action)).toEqual(["submit", "accept"]);
      expect(now.json.rejectReason).toBeNull();
    });

    it("every moderation action without If-Match is a 428 and changes nothing; a malformed one is a 400", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "unversioned-case");
      const mod = await loginAs(h, "unversioned-mod", "moderator");
      const report = await fileReport(h, reporter.token);
      const photoId = report.photos[0].id;
      const actions: [string, unknown][] = [
        ["accept", {}],
        ["reject", { reason: "invalid" }],
        ["merge", { into: "0190f0f0-0000-7000-8000-000000000000" }],
        ["dispatch", { department: "市容管理科" }],
        ["resolve", { reply: "已处理", photoIds: [] }],
        ["close", {}],
        ["reopen", { reason: "没修好" }],
        ["redact", { description: "已隐去" }],
        [`photos/${photoId}/hide`, { reason: "人脸" }],
        [`photos/${photoId}/show`, undefined],
      ];
      for (const [action, body] of actions) {
        const res = await call(h, "POST", act(report.id, action), { token: mod.token, ...(body === undefined ? {} : { body }) });
        if (action === "merge") {
          // The merge target is checked first; with a real one it is 428 like the rest.
          expect([422, 428], action).toContain(res.status);
          continue;
        }
        expect(res.status, action).toBe(428);
        expectEnvelope(res, "precondition_required");
      }
      const bad = await call(h, "POST", act(report.id, "accept"), { token: mod.token, body: {}, headers: { "if-match": "*" } });
      expect(bad.status).toBe(400);
      const after = await call(h, "GET", `/api/v1/moderation/reports/${report.id}`, { token: mod.token });
      expect(after.json).toMatchObject({ status: "submitted", version: 1 });
      // The weak and bare forms of the same version are accepted.
      expect(
        (await call(h, "POST", act(report.id, "accept"), { token: mod.token, body: {}, headers: { "if-match": 'W/"1"' } })).status,
      ).toBe(200);
      expect(
        (await call(h, "POST", act(report.id, "dispatch"), { token: mod.token, body: { department: "x" }, headers: { "if-match": "2" } }))
          .status,
      ).toBe(200);
    });

    it("a moderation edit on an old screen (redact, hide a photo) is refused too", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "edited-case");
      const mod = await loginAs(h, "edit-mod", "moderator");
      const report = await fileReport(h, reporter.token);
      await staffActs(h, mod.token, report.id, [["accept", {}]]);
      const stale = { "if-match": '"1"' };
      const redact = await call(h, "POST", act(report.id, "redact"), { token: mod.token, body: { description: "x" }, headers: stale });
      expect(redact.status).toBe(409);
      const hide = await call(h, "POST", act(report.id, `photos/${report.photos[0].id}/hide`), {
        token: mod.token,
        body: { reason: "x" },
        headers: stale,
      });
      expect(hide.status).toBe(409);
      expect(hide.json.error.details.report.photos[0].hidden).toBe(false);
    });
  });
}
