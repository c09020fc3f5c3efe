import { beforeEach, describe, expect, it } from "vitest";
import { createToilets, GUANQIAN, nearbyPath, offset, toilet } from "./fixtures";
import { type ContractHarness, call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/*
 * An admin closes a toilet for a while: the finder shows it closed with the reason until its last day has
 * passed in the city, on both search engines. Residents' reports of a closed toilet are resolved with that
 * change in one step, and the resident hears about it in the inbox.
 */

type Summary = { id: string; openNow: string; temporaryClosure: { until: string; reason: string } | null };

// 10:00 on Tuesday 1 December 2026 in Suzhou.
const TUESDAY_MORNING = "2026-12-01T02:00:00.000Z";

async function twoToilets(h: ContractHarness, adminToken: string) {
  return createToilets(
    h,
    [toilet({ name: "临顿路公厕", ...GUANQIAN }), toilet({ name: "北局公厕", ...offset(GUANQIAN, 200, 0) })],
    adminToken,
  ) as Promise<[string, string]>;
}

const nearby = async (h: ContractHarness, extra = "") => (await call(h, "GET", nearbyPath(GUANQIAN, extra))).json.toilets as Summary[];

async function inboxOf(h: ContractHarness, token: string) {
  await h.wechat.dispatch();
  return (await call(h, "GET", "/api/v1/inbox", { token })).json.messages as {
    title: string;
    body: string;
    subject: { type: string; id: string } | null;
  }[];
}

async function reportClosed(h: ContractHarness, toiletId: string, openid: string) {
  const resident = await loginAs(h, openid);
  const sent = await call(h, "POST", `/api/v1/toilets/${toiletId}/feedback`, { token: resident.token, body: { kind: "closed" } });
  expect(sent.status).toBe(201);
  return { resident, feedbackId: sent.json.id as string };
}

export function registerToiletClosureContract(getHarness: GetHarness) {
  describe("finders: a toilet closed for a while", () => {
    beforeEach(async () => {
      await getHarness().wechat.controls.reset();
      getHarness().setNow(TUESDAY_MORNING);
    });

    it("an admin closes a toilet until a day: it reads closed with the reason, leaves open-now searches, and opens again after that day", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "closure-admin", "admin");
      const [closedId, otherId] = await twoToilets(h, admin.token);
      const res = await call(h, "POST", `/api/v1/admin/toilets/${closedId}/temporary-closure`, {
        token: admin.token,
        body: { until: "2026-12-10", reason: "管道维修" },
      });
      expect(res.status).toBe(200);
      expect(res.json).toMatchObject({ openNow: "closed", temporaryClosure: { until: "2026-12-10", reason: "管道维修" } });
      expect((await call(h, "GET", `/api/v1/toilets/${closedId}`)).json.temporaryClosure).toEqual({
        until: "2026-12-10",
        reason: "管道维修",
      });
      const listed = await nearby(h);
      expect(listed.find((t) => t.id === closedId)).toMatchObject({ openNow: "closed", temporaryClosure: { until: "2026-12-10" } });
      expect(listed.find((t) => t.id === otherId)).toMatchObject({ openNow: "open", temporaryClosure: null });
      expect((await nearby(h, "&openNow=true")).map((t) => t.id)).toEqual([otherId]);

      // 21:00 on its last day (the hours say open): still closed.
      h.setNow("2026-12-10T13:00:00.000Z");
      expect((await nearby(h, "&openNow=true")).map((t) => t.id)).toEqual([otherId]);
      expect((await call(h, "GET", `/api/v1/toilets/${closedId}`)).json.openNow).toBe("closed");
      // The next morning in the city: open again without anyone touching it.
      h.setNow("2026-12-10T22:30:00.000Z");
      expect((await nearby(h, "&openNow=true")).map((t) => t.id)).toEqual([closedId, otherId]);
      expect((await call(h, "GET", `/api/v1/toilets/${closedId}`)).json).toMatchObject({ openNow: "open", temporaryClosure: null });

      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=toilet&targetId=${closedId}`, { token: admin.token });
      expect(audit.json.entries[0]).toMatchObject({
        action: "toilet.temporary_closure",
        detail: { until: "2026-12-10", reason: "管道维修" },
      });
    });

    it("an admin reopens a closed toilet at once; reopening an open one answers it unchanged", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "reopen-admin", "admin");
      const [id] = await twoToilets(h, admin.token);
      await call(h, "POST", `/api/v1/admin/toilets/${id}/temporary-closure`, {
        token: admin.token,
        body: { until: "2026-12-03", reason: "停水" },
      });
      const reopened = await call(h, "DELETE", `/api/v1/admin/toilets/${id}/temporary-closure`, { token: admin.token });
      expect(reopened.status).toBe(200);
      expect(reopened.json).toMatchObject({ openNow: "open", temporaryClosure: null });
      expect((await nearby(h, "&openNow=true")).map((t) => t.id)).toContain(id);
      expect((await call(h, "DELETE", `/api/v1/admin/toilets/${id}/temporary-closure`, { token: admin.token })).status).toBe(200);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=toilet&targetId=${id}`, { token: admin.token });
      expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual([
        "toilet.reopen",
        "toilet.temporary_closure",
        "toilet.create",
      ]);
    });

    it("a closure ends today..a year from today with a reason of 1-100 characters, on an active toilet that exists", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "closure-rules-admin", "admin");
      const [id, otherId] = await twoToilets(h, admin.token);
      const close = (toiletId: string, body: unknown) =>
        call(h, "POST", `/api/v1/admin/toilets/${toiletId}/temporary-closure`, { token: admin.token, body });
      for (const body of [
        { until: "2026-11-30", reason: "昨天" },
        { until: "2027-12-02", reason: "太久" },
        { until: "2026-12-32", reason: "无此日" },
        { until: "2026-12-05", reason: "" },
        { until: "2026-12-05", reason: "长".repeat(101) },
        { until: "2026-12-05" },
      ]) {
        const res = await close(id, body);
        expect(res.status, JSON.stringify(body)).toBe(422);
        expectEnvelope(res, "validation_failed");
      }
      expect((await close(id, { until: "2026-12-01", reason: "今天" })).status).toBe(200);
      expect((await close(id, { until: "2027-12-01", reason: "一年" })).status).toBe(200);
      expect((await close("nope", { until: "2026-12-05", reason: "x" })).status).toBe(404);
      await call(h, "POST", `/api/v1/admin/toilets/${otherId}/deactivate`, { token: admin.token, body: { reason: "拆除" } });
      const inactive = await close(otherId, { until: "2026-12-05", reason: "x" });
      expect(inactive.status).toBe(409);
      expectEnvelope(inactive, "conflict");
    });
  });

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
