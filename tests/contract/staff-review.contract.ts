import { describe, expect, it } from "vitest";
import { offset } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import {
  answerMediaCheck,
  createCategories,
  fileHeldReport,
  fileReport,
  reportBody,
  SPOT,
  seenVersion,
  staffAct,
  staffActs,
  uploadPhoto,
} from "./report-fixtures";

/*
 * Issue 8, bureau staff: internal notes vs public replies, 复核通过 that clears held content (nothing held is
 * public; 立案 of a held report is refused naming what is held), and the queue's order across pages.
 */

// biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
type Json = any;

export function registerStaffReviewContract(getHarness: GetHarness) {
  describe("staff notes and replies", () => {
    it("an internal note stays with staff; the reply reaches the reporter's and the public timeline and the notification", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const reporter = await loginAs(h, "split-reporter");
      const mod = await loginAs(h, "split-mod", "moderator");
      const admin = await loginAs(h, "split-admin", "admin");
      const report = await fileReport(h, reporter.token, { subscriptions: ["civic-report-status"] });
      const staffView = await staffActs(h, mod.token, report.id, [
        ["accept", { note: "请姑苏片区今天内清除", reply: "已受理，将尽快清除" }],
        ["dispatch", { department: "市容管理科", note: "片区负责人老王" }],
      ]);
      expect(staffView.timeline.slice(1).map((t: Json) => [t.action, t.note, t.reply])).toEqual([
        ["accept", "请姑苏片区今天内清除", "已受理，将尽快清除"],
        ["dispatch", "片区负责人老王", null],
      ]);
      for (const viewer of [reporter.token, undefined]) {
        const seen = await call(h, "GET", `/api/v1/reports/${report.id}`, viewer ? { token: viewer } : {});
        expect(seen.status).toBe(200);
        expect(seen.json.timeline.slice(1).map((t: Json) => [t.action, t.note, t.reply])).toEqual([
          ["accept", null, "已受理，将尽快清除"],
          ["dispatch", null, null],
        ]);
        expect(JSON.stringify(seen.json)).not.toMatch(/姑苏片区|老王/);
      }
      await h.wechat.dispatch();
      const inbox = await call(h, "GET", "/api/v1/inbox", { token: reporter.token });
      const bodies = JSON.stringify(inbox.json.messages);
      expect(bodies).toContain("答复：已受理，将尽快清除");
      // The subscribe message (20 characters of the body) carries the reply too.
      const sent = (await h.wechat.controls.messages()).filter((m) => m.page.includes(report.id));
      expect(sent[0]?.data.thing4?.value).toMatch(/^答复：已受理/);
      expect(JSON.stringify(sent)).not.toMatch(/姑苏片区|老王/);
      expect(bodies).not.toMatch(/姑苏片区|老王/);
      // The audit trail keeps both, for staff.
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=report&targetId=${report.id}`, { token: admin.token });
      const accepted = audit.json.entries.find((e: Json) => e.action === "report.accept");
      expect(JSON.stringify(accepted)).toContain("请姑苏片区今天内清除");
      expect(JSON.stringify(accepted)).toContain("已受理，将尽快清除");
      // 处理反馈 needs a reply (its public result); the internal note alone is not one.
      expect((await staffAct(h, mod.token, report.id, "resolve", { note: "内部" })).status).toBe(422);
      const resolved = await staffActs(h, mod.token, report.id, [["resolve", { reply: "已清除", note: "用了两小时" }]]);
      expect(resolved.resolutionNote).toBe("已清除");
      const pub = await call(h, "GET", `/api/v1/reports/${report.id}`);
      expect(JSON.stringify(pub.json)).not.toContain("用了两小时");
    });
  });

  describe("content review that clears", () => {
    it("立案 of a held report names what is held; 复核通过 and hiding clear it; the public sees only what was passed", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const reporter = await loginAs(h, "held-reporter");
      const mod = await loginAs(h, "held-mod", "moderator");
      const admin = await loginAs(h, "held-admin", "admin");
      await h.wechat.controls.setContent({ text: "review" });
      const photos = [await uploadPhoto(h, reporter.token), await uploadPhoto(h, reporter.token)];
      const filed = await call(h, "POST", "/api/v1/reports", {
        token: reporter.token,
        body: reportBody(photos, { description: "待复核的描述" }),
      });
      expect(filed.status).toBe(201);
      const id = filed.json.id as string;
      await answerMediaCheck(h, photos[0] as string, "review");
      const staff = async () => (await call(h, "GET", `/api/v1/moderation/reports/${id}`, { token: mod.token })).json;
      expect(await staff()).toMatchObject({ held: true, textHeld: true });

      const refused = await staffAct(h, mod.token, id, "accept", {});
      expect(refused.status).toBe(409);
      expectEnvelope(refused, "conflict");
      expect(refused.json.error.details).toMatchObject({ reason: "held", text: true });
      expect([...refused.json.error.details.photoIds].sort()).toEqual([...photos].sort());
      expect(
        (await call(h, "GET", "/api/v1/moderation/reports?held=true", { token: mod.token })).json.reports.map((r: Json) => r.id),
      ).toEqual([id]);

      // Passing the text leaves the photos: still refused, now naming only them.
      const passed = await staffActs(h, mod.token, id, [["text/pass", { note: "描述无问题" }]]);
      expect(passed).toMatchObject({ textHeld: false, held: true });
      expect((await staffAct(h, mod.token, id, "text/pass", {})).status).toBe(409);
      const still = await staffAct(h, mod.token, id, "accept", {});
      expect(still.json.error.details).toMatchObject({ text: false, photoIds: expect.arrayContaining(photos) });

      // One photo passed, the other hidden: nothing is held, 立案 goes through.
      await staffActs(h, mod.token, id, [
        [`photos/${photos[0]}/pass`, {}],
        [`photos/${photos[1]}/hide`, { reason: "拍到路人面部" }],
      ]);
      expect((await staffAct(h, mod.token, id, `photos/${photos[0]}/pass`, {})).status).toBe(409);
      expect((await staffAct(h, mod.token, id, "photos/no-such-photo/pass", {})).status).toBe(404);
      const after = await staff();
      expect(after).toMatchObject({ held: false, textHeld: false });
      expect(after.photoChecks).toEqual(
        expect.arrayContaining([
          { id: photos[0], check: "review", reviewed: true, held: false },
          { id: photos[1], check: "pending", reviewed: false, held: false },
        ]),
      );
      expect((await call(h, "GET", "/api/v1/moderation/reports?held=true", { token: mod.token })).json.total).toBe(0);
      const accepted = await staffActs(h, mod.token, id, [["accept", {}]]);
      expect(accepted.timeline.map((t: Json) => t.action)).toEqual(["submit", "pass_text", "pass_photo", "hide_photo", "accept"]);

      const pub = await call(h, "GET", `/api/v1/reports/${id}`);
      expect(pub.json.description).toBe("待复核的描述");
      expect(pub.json.photos.map((p: Json) => p.id)).toEqual([photos[0]]);

      // Shown again, the unchecked photo is held again: off the public view and back in 待复核 until passed.
      await staffActs(h, mod.token, id, [[`photos/${photos[1]}/show`, undefined]]);
      expect((await staff()).held).toBe(true);
      expect((await call(h, "GET", `/api/v1/reports/${id}`)).json.photos.map((p: Json) => p.id)).toEqual([photos[0]]);
      const near = await call(h, "GET", `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}&radius=1000`);
      expect(near.json.reports.find((r: Json) => r.id === id).photoUrls).toHaveLength(1);
      await staffActs(h, mod.token, id, [[`photos/${photos[1]}/pass`, {}]]);
      expect((await call(h, "GET", `/api/v1/reports/${id}`)).json.photos).toHaveLength(2);

      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=report&targetId=${id}`, { token: admin.token });
      const actions = audit.json.entries.map((e: Json) => e.action);
      expect(actions.filter((a: string) => a === "report.pass_photo")).toHaveLength(2);
      expect(actions).toContain("report.pass_text");
      // A pass decided on an old screen is refused like any staff action.
      const old = { "if-match": '"1"' };
      const stale = await call(h, "POST", `/api/v1/moderation/reports/${id}/text/pass`, { token: mod.token, body: {}, headers: old });
      expect(stale.status).toBe(409);
      const bare = await call(h, "POST", `/api/v1/moderation/reports/${id}/text/pass`, { token: mod.token, body: {} });
      expect(bare.status).toBe(428);
    });

    it("a redaction clears held text: the public reads the moderator's words", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      await createCategories(h);
      const reporter = await loginAs(h, "redact-held-reporter");
      const mod = await loginAs(h, "redact-held-mod", "moderator");
      await h.wechat.controls.setContent({ text: "risky" });
      const report = await fileReport(h, reporter.token, { description: "含有不当言论的描述" });
      expect((await staffAct(h, mod.token, report.id, "accept", {})).json.error.details).toMatchObject({ text: true, photoIds: [] });
      await staffActs(h, mod.token, report.id, [
        ["redact", { description: "电线杆上有小广告" }],
        ["accept", {}],
      ]);
      const pub = await call(h, "GET", `/api/v1/reports/${report.id}`);
      expect(pub.json.description).toBe("电线杆上有小广告");
    });
  });

  describe("queue order", () => {
    it("overdue cases first, then held ones, then by due time — the same order page by page", async () => {
      const h = getHarness();
      await h.wechat.controls.reset();
      h.setNow("2026-11-01T00:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "order-resident");
      const mod = await loginAs(h, "order-mod", "moderator");
      const at = (i: number) => ({ location: offset(SPOT, 60 * i, 0) });
      // Five clean cases due soon (12 h), one held case due late (24 h), one case that will be overdue.
      const clean = [];
      for (let i = 0; i < 5; i++) clean.push((await fileReport(h, resident.token, { category: "shared_bike", ...at(i) })).id);
      const late = (await fileReport(h, resident.token, { category: "street_light", attributes: { fault: "off" }, ...at(6) })).id;
      h.setNow("2026-11-01T06:00:00.000Z");
      const held = (await fileHeldReport(h, resident.token, at(7))).id;
      await staffActs(h, mod.token, late, [["accept", {}]]);
      // 48 h later the accepted street light is overdue; so are the bikes (12 h) — all but the held case.
      h.setNow("2026-11-01T11:00:00.000Z");
      const page = async (offsetN: number) =>
        (await call(h, "GET", `/api/v1/moderation/reports?limit=2&offset=${offsetN}`, { token: mod.token })).json;
      const first = await page(0);
      expect(first.total).toBe(7);
      // Nothing overdue yet at 11:00 (bikes due 12:00): the held case leads page 1 although it is due last.
      expect(first.reports[0]).toMatchObject({ id: held, held: true });
      const pages = [first, await page(2), await page(4), await page(6)].flatMap((p) => p.reports.map((r: Json) => r.id));
      expect(pages).toEqual([held, ...clean, late]);
      h.setNow("2026-11-01T12:30:00.000Z");
      const later = await page(0);
      // Now the five bikes are overdue: they come first, then the held case.
      expect(later.reports.every((r: Json) => r.overdue)).toBe(true);
      const all = [later, await page(2), await page(4), await page(6)].flatMap((p) => p.reports.map((r: Json) => r.id));
      expect(all).toEqual([...clean, held, late]);
      expect(new Set(all).size).toBe(7);
      expect(await seenVersion(h, mod.token, held)).toEqual({ "if-match": '"1"' });
    });
  });
}
