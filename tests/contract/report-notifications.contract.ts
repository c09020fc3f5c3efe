import { describe, expect, it } from "vitest";
import { signedMediaCheckPush } from "../fakes/wechat-controls";
import { offset } from "./fixtures";
import { call, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, SPOT, staffAct, staffActs } from "./report-fixtures";

/*
 * The report workflow's notifications and content checks end to end on each host: status changes write
 * outbox rows with the change, the dispatcher sends a subscribe message while a grant lasts and always
 * fills the inbox; text and photos that have not passed WeChat's checks hold a report for a moderator.
 */
export function registerReportNotificationsContract(getHarness: GetHarness) {
  describe("report notifications", () => {
    it("the reporter hears each status change by subscribe message while grants last, and always in the inbox; followers too", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const reporter = await loginAs(h, "notified-reporter");
      const follower = await loginAs(h, "notified-follower");
      const mod = await loginAs(h, "notifying-mod", "moderator");
      const report = await fileReport(h, reporter.token, { subscriptions: ["civic-report-status", "some-other-template"] });
      await call(h, "POST", `/api/v1/reports/${report.id}/follow`, { token: follower.token });
      // Filing itself announces nothing; nothing is due.
      expect(await h.wechat.dispatch()).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });

      await staffActs(h, mod.token, report.id, [["accept", {}]]);
      expect(await h.wechat.dispatch()).toEqual({ sent: 1, inboxOnly: 1, failed: 0 });
      const sent = (await h.wechat.controls.messages()).filter((m) => m.page.includes(report.id));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ template_id: "civic-report-status", page: `pages/reports/detail?id=${report.id}` });
      expect(sent[0]?.data.thing1?.value).toBe("牛皮癣小广告");
      expect(sent[0]?.data.phrase2?.value).toBe("已立案");

      // One accepted subscription allowed one message: the next change reaches the inbox only.
      await staffActs(h, mod.token, report.id, [["dispatch", { department: "市容管理科" }]]);
      expect(await h.wechat.dispatch()).toEqual({ sent: 0, inboxOnly: 2, failed: 0 });
      expect((await h.wechat.controls.messages()).filter((m) => m.page.includes(report.id))).toHaveLength(1);

      const inbox = await call(h, "GET", "/api/v1/inbox", { token: reporter.token });
      expect(inbox.json.unread).toBe(2);
      expect(inbox.json.messages.map((m: { title: string; reportId: string }) => [m.title, m.reportId])).toEqual([
        ["牛皮癣小广告：派遣处置", report.id],
        ["牛皮癣小广告：受理立案", report.id],
      ]);
      const theirs = await call(h, "GET", "/api/v1/inbox", { token: follower.token });
      expect(theirs.json.messages).toHaveLength(2);
      // The moderator acting hears nothing about their own action.
      expect((await call(h, "GET", "/api/v1/inbox", { token: mod.token })).json.messages).toEqual([]);
      const read = await call(h, "POST", `/api/v1/inbox/${inbox.json.messages[0].id}/read`, { token: reporter.token });
      expect(read.status).toBe(204);
      expect((await call(h, "GET", "/api/v1/inbox", { token: reporter.token })).json.unread).toBe(1);
      // Someone else's message is not theirs to mark.
      expect((await call(h, "POST", `/api/v1/inbox/${inbox.json.messages[1].id}/read`, { token: follower.token })).status).toBe(404);
    });

    it("a refused change writes no notification", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const reporter = await loginAs(h, "quiet-reporter");
      const mod = await loginAs(h, "quiet-mod", "moderator");
      const report = await fileReport(h, reporter.token);
      expect((await staffAct(h, mod.token, report.id, "close", {})).status).toBe(409);
      expect(await h.wechat.dispatch()).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
    });
  });

  describe("content checks hold reports for a moderator", () => {
    it("risky text is held; a report whose text and photos pass is not; nothing is public before acceptance", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const resident = await loginAs(h, "checked-resident");
      const mod = await loginAs(h, "checking-mod", "moderator");
      const risky = await fileReport(h, resident.token, { description: "这里有违禁词内容" });
      const clean = await fileReport(h, resident.token, { description: "路口小广告很多", location: offset(SPOT, 200, 0) });
      // The photos' checks answer through WeChat's push.
      for (const check of await h.wechat.controls.mediaChecks()) {
        const push = await signedMediaCheckPush({ trace_id: check.trace_id, suggest: "pass" });
        const res = await h.request(`/wechat/media-check?${push.query}`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify(push.body),
        });
        expect(res.status).toBe(200);
      }
      const staffView = async (id: string) => (await call(h, "GET", `/api/v1/moderation/reports/${id}`, { token: mod.token })).json;
      expect(await staffView(risky.id)).toMatchObject({ textCheck: "risky", held: true });
      expect(await staffView(clean.id)).toMatchObject({
        textCheck: "pass",
        held: false,
        photoChecks: [expect.objectContaining({ check: "pass" })],
      });
      const held = await call(h, "GET", "/api/v1/moderation/reports?held=true", { token: mod.token });
      expect(held.json.reports.map((r: { id: string }) => r.id)).toEqual([risky.id]);
      // Held or not, nothing shows publicly until a moderator accepts it.
      const pub = await call(h, "GET", `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}&radius=1000`);
      expect(pub.json.reports).toEqual([]);
      await staffActs(h, mod.token, clean.id, [["accept", {}]]);
      const after = await call(h, "GET", `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}&radius=1000`);
      expect(after.json.reports.map((r: { id: string }) => r.id)).toEqual([clean.id]);
    });

    it("when WeChat fails or times out, the report is held, never passed", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const resident = await loginAs(h, "unlucky-resident");
      const mod = await loginAs(h, "unlucky-mod", "moderator");
      await h.wechat.controls.setContent({ text: "error" });
      const failed = await fileReport(h, resident.token);
      expect((await call(h, "GET", `/api/v1/moderation/reports/${failed.id}`, { token: mod.token })).json).toMatchObject({
        textCheck: "error",
        held: true,
      });
    });
  });
}
