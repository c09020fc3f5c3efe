import { beforeEach, describe, expect, it } from "vitest";
import { inboxOf, nearby, reportClosed, TUESDAY_MORNING, twoToilets } from "./closure-fixtures";
import { GUANQIAN } from "./fixtures";
import { call, type GetHarness, loginAs } from "./harness";

/*
 * Residents' reports of a closed toilet are resolved with the change to the toilet in one step (closed for
 * a while, fixed, deactivated, or nothing), and the resident hears about it in the inbox.
 */

export function registerToiletFeedbackLoopContract(getHarness: GetHarness) {
  describe("finders: resolving a resident's toilet feedback changes the toilet and tells the resident", () => {
    beforeEach(async () => {
      await getHarness().wechat.controls.reset();
      getHarness().setNow(TUESDAY_MORNING);
    });

    it("an admin marks the reported toilet closed until a day from the feedback; the resident's inbox says so", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "loop-admin", "admin");
      const [id] = await twoToilets(h, admin.token);
      const { resident, feedbackId } = await reportClosed(h, id, "loop-resident");
      const res = await call(h, "POST", `/api/v1/admin/toilet-feedback/${feedbackId}/resolve`, {
        token: admin.token,
        body: {
          outcome: "现场核实：装修",
          action: { type: "temporary_closure", until: "2026-12-10", reason: "装修" },
          replyToResident: "装修期间请使用北局公厕",
        },
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ status: "resolved", resolutionNote: "现场核实：装修" });
      expect((await call(h, "GET", `/api/v1/toilets/${id}`)).json.temporaryClosure).toEqual({ until: "2026-12-10", reason: "装修" });
      const [message, ...rest] = await inboxOf(h, resident.token);
      expect(rest).toHaveLength(0);
      expect(message?.body).toBe("您反馈的 临顿路公厕 已标记为暂停开放至 12月10日，感谢反馈。答复：装修期间请使用北局公厕");
      expect(message?.subject).toEqual({ type: "toilet_feedback", id: feedbackId });
      const toiletAudit = await call(h, "GET", `/api/v1/admin/audit?targetType=toilet&targetId=${id}`, { token: admin.token });
      expect(toiletAudit.json.entries[0].action).toBe("toilet.temporary_closure");
      const fbAudit = await call(h, "GET", `/api/v1/admin/audit?targetType=toilet_feedback&targetId=${feedbackId}`, { token: admin.token });
      expect(fbAudit.json.entries[0]).toMatchObject({
        action: "toilet_feedback.resolve",
        detail: { action: { type: "temporary_closure" } },
      });
    });

    it("an admin fixes the hours and facilities, or deactivates the toilet, or only marks the feedback handled", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "each-admin", "admin");
      const [id, otherId] = await twoToilets(h, admin.token);
      const weekdaysOnly = { kind: "weekly", days: [0, 1, 2, 3, 4, 5, 6].map((d) => (d < 5 ? [{ open: "08:00", close: "18:00" }] : [])) };
      const cases = [
        { action: { type: "update", patch: { accessible: true, hours: weekdaysOnly } }, says: "的开放时间和设施信息已更新" },
        { action: { type: "deactivate" }, says: "已停用" },
        { action: undefined, says: "已处理" },
      ];
      for (const [i, c] of cases.entries()) {
        const target = i === 1 ? otherId : id;
        const { resident, feedbackId } = await reportClosed(h, target, `each-resident-${i}`);
        const res = await call(h, "POST", `/api/v1/admin/toilet-feedback/${feedbackId}/resolve`, {
          token: admin.token,
          body: { outcome: "已核实", ...(c.action ? { action: c.action } : {}) },
        });
        expect(res.status, JSON.stringify(res.json)).toBe(200);
        const [message] = await inboxOf(h, resident.token);
        expect(message?.body).toContain(c.says);
      }
      const fixed = (await call(h, "GET", `/api/v1/toilets/${id}`)).json;
      expect(fixed).toMatchObject({ accessible: true, hours: weekdaysOnly });
      expect((await call(h, "GET", `/api/v1/toilets/${otherId}`, { token: admin.token })).json).toMatchObject({
        active: false,
        deactivatedReason: "已核实",
      });
      expect((await nearby(h)).map((t) => t.id)).toEqual([id]);
    });

    it("a resolution whose toilet change is refused changes nothing: the feedback stays open and no message is sent", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "refused-admin", "admin");
      const [id] = await twoToilets(h, admin.token);
      const { resident, feedbackId } = await reportClosed(h, id, "refused-resident");
      const resolve = (body: unknown) =>
        call(h, "POST", `/api/v1/admin/toilet-feedback/${feedbackId}/resolve`, { token: admin.token, body });
      expect((await resolve({ outcome: "x", action: { type: "temporary_closure", until: "2026-11-01", reason: "过去" } })).status).toBe(
        422,
      );
      expect((await resolve({ outcome: "x", action: { type: "update", patch: { lat: 200 } } })).status).toBe(422);
      expect((await resolve({ outcome: "x", action: { type: "update", patch: {} } })).status).toBe(422);
      expect((await resolve({ outcome: "x", action: { type: "paint" } })).status).toBe(422);
      expect((await resolve({ action: { type: "deactivate" } })).status).toBe(422);
      const open = await call(h, "GET", "/api/v1/admin/toilet-feedback", { token: admin.token });
      expect(open.json.feedback.map((f: { id: string }) => f.id)).toEqual([feedbackId]);
      expect((await call(h, "GET", `/api/v1/toilets/${id}`)).json).toMatchObject({
        temporaryClosure: null,
        active: true,
        lat: GUANQIAN.lat,
      });
      expect(await inboxOf(h, resident.token)).toEqual([]);
    });

    it("feedback from an account deleted since is still resolved, and no message is written for anyone", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "erased-admin", "admin");
      const [id] = await twoToilets(h, admin.token);
      const { resident, feedbackId } = await reportClosed(h, id, "leaving-resident");
      expect((await call(h, "DELETE", "/api/v1/me", { token: resident.token, body: { confirm: "DELETE" } })).status).toBe(200);
      const res = await call(h, "POST", `/api/v1/admin/toilet-feedback/${feedbackId}/resolve`, {
        token: admin.token,
        body: { outcome: "已核实", action: { type: "temporary_closure", until: "2026-12-03", reason: "维修" } },
      });
      expect(res.status).toBe(200);
      expect(await h.wechat.dispatch()).toEqual({ sent: 0, inboxOnly: 0, failed: 0 });
      const again = await loginAs(h, "leaving-resident");
      expect(await inboxOf(h, again.token)).toEqual([]);
    });

    it("two admins resolving the same feedback at once: one applies, the other is a 409 and changes nothing", async () => {
      const h = getHarness();
      const first = await loginAs(h, "race-admin-1", "admin");
      const second = await loginAs(h, "race-admin-2", "admin");
      const [id] = await twoToilets(h, first.token);
      const { resident, feedbackId } = await reportClosed(h, id, "race-resident");
      const path = `/api/v1/admin/toilet-feedback/${feedbackId}/resolve`;
      const results = await Promise.all([
        call(h, "POST", path, { token: first.token, body: { outcome: "停用", action: { type: "deactivate" } } }),
        call(h, "POST", path, {
          token: second.token,
          body: { outcome: "暂停", action: { type: "temporary_closure", until: "2026-12-05", reason: "维修" } },
        }),
      ]);
      expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
      const detail = (await call(h, "GET", `/api/v1/toilets/${id}`, { token: first.token })).json;
      // Exactly one of the two changes reached the toilet.
      expect(detail.active === false).not.toBe(detail.temporaryClosure !== null);
      expect(await inboxOf(h, resident.token)).toHaveLength(1);
    });
  });
}
