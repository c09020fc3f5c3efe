import { describe, expect, it } from "vitest";
import { offset } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createCategories, fileHeldReport, fileReport, SPOT, staffAct, staffActs, uploadPhoto } from "./report-fixtures";

/* The bureau's side: queue, lifecycle with history, illegal moves, edits, merge, KPIs. */

export function registerModerationContract(getHarness: GetHarness) {
  describe("moderation lifecycle", () => {
    it("accept, dispatch, resolve with after-photos, close: each step a history row, illegal moves 409, all audited", async () => {
      const h = getHarness();
      h.setNow("2026-11-02T00:00:00.000Z");
      await createCategories(h);
      const reporter = await loginAs(h, "loop-reporter");
      const mod = await loginAs(h, "loop-mod", "moderator");
      const admin = await loginAs(h, "loop-admin", "admin");
      const report = await fileReport(h, reporter.token, { category: "street_light", attributes: { fault: "off" } });

      const early = await staffAct(h, mod.token, report.id, "close", {});
      expect(early.status).toBe(409);
      expectEnvelope(early, "conflict");
      const dispatchEarly = await staffAct(h, mod.token, report.id, "dispatch", { department: "x" });
      expect(dispatchEarly.status).toBe(409);

      const accepted = await staffActs(h, mod.token, report.id, [["accept", { note: "属实，立案" }]]);
      expect(accepted).toMatchObject({ status: "accepted", slaDueAt: "2026-11-04T00:00:00.000Z", viewer: "staff" });
      h.setNow("2026-11-02T05:00:00.000Z");
      const afterPhoto = await uploadPhoto(h, mod.token);
      const resolved = await staffActs(h, mod.token, report.id, [
        ["dispatch", { department: "路灯管理所", note: "请两日内修复", reply: "已派遣路灯管理所处置" }],
        ["resolve", { reply: "已更换灯泡", photoIds: [afterPhoto] }],
      ]);
      expect(resolved).toMatchObject({ status: "resolved", department: "路灯管理所", resolutionNote: "已更换灯泡" });
      expect(resolved.photos.map((p: { kind: string }) => p.kind)).toEqual(["report", "resolution"]);
      const closed = await staffActs(h, admin.token, report.id, [["close", { note: "现场核查已亮" }]]);
      expect(closed.status).toBe("closed");
      expect(
        closed.timeline.map((t: { seq: number; action: string; from: string | null; to: string; actor: string }) => [
          t.seq,
          t.action,
          t.from,
          t.to,
          t.actor,
        ]),
      ).toEqual([
        [1, "submit", null, "submitted", "resident"],
        [2, "accept", "submitted", "accepted", "bureau"],
        [3, "dispatch", "accepted", "dispatched", "bureau"],
        [4, "resolve", "dispatched", "resolved", "bureau"],
        [5, "close", "resolved", "closed", "bureau"],
      ]);
      expect(closed.timeline[2].actorId).toBe(mod.user.id);
      expect(closed.timeline[4].actorId).toBe(admin.user.id);
      expect(closed.version).toBe(5);

      // The reporter sees the bureau's replies and the after-photo, never the internal notes nor who acted.
      const mine = await call(h, "GET", `/api/v1/reports/${report.id}`, { token: reporter.token });
      expect(mine.json.timeline[2]).toMatchObject({ note: null, reply: "已派遣路灯管理所处置", actor: "bureau" });
      expect(JSON.stringify(mine.json)).not.toContain("请两日内修复");
      expect(closed.timeline[2]).toMatchObject({ note: "请两日内修复", reply: "已派遣路灯管理所处置" });
      expect(mine.json.timeline[2].actorId).toBeUndefined();
      expect(mine.json.photos).toHaveLength(2);

      const reopenAsResidentRoute = await staffAct(h, reporter.token, report.id, "reopen", { reason: "x" });
      expect(reopenAsResidentRoute.status).toBe(403);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=report&targetId=${report.id}`, { token: admin.token });
      expect(audit.json.entries.map((e: { action: string }) => e.action).sort()).toEqual([
        "report.accept",
        "report.close",
        "report.dispatch",
        "report.resolve",
      ]);
      const missing = await call(h, "POST", "/api/v1/moderation/reports/0190f0f0-0000-7000-8000-000000000000/accept", {
        token: mod.token,
        body: {},
        headers: { "if-match": '"1"' },
      });
      expect(missing.status).toBe(404);
    });

    it("rejects with a reason, and a rejected report moves no further", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "rejected-reporter");
      const mod = await loginAs(h, "reject-mod", "moderator");
      const report = await fileReport(h, reporter.token);
      const bad = await staffAct(h, mod.token, report.id, "reject", { reason: "boring" });
      expect(bad.status).toBe(422);
      const rejected = await staffActs(h, mod.token, report.id, [["reject", { reason: "not_responsible", note: "属于物业管理范围" }]]);
      expect(rejected).toMatchObject({ status: "rejected", rejectReason: "not_responsible" });
      for (const action of ["accept", "close", "resolve", "reject"]) {
        const body = action === "resolve" ? { reply: "x" } : action === "reject" ? { reason: "invalid" } : {};
        expect((await staffAct(h, mod.token, report.id, action, body)).status, action).toBe(409);
      }
      // Still hidden from the public: it was never accepted.
      expect((await call(h, "GET", `/api/v1/reports/${report.id}`)).status).toBe(404);
    });

    it("edits the public text and hides photos while keeping the originals for staff", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "redacted-reporter");
      const mod = await loginAs(h, "redact-mod", "moderator");
      const report = await fileReport(h, reporter.token, { description: "门口小广告，联系电话13800138000" });
      await staffActs(h, mod.token, report.id, [["accept", {}]]);
      const photoId = report.photos[0].id;
      const edited = await staffActs(h, mod.token, report.id, [
        ["redact", { description: "门口小广告，联系电话已隐去", note: "去除个人信息" }],
        [`photos/${photoId}/hide`, { reason: "拍到行人面部" }],
      ]);
      expect(edited).toMatchObject({
        description: "门口小广告，联系电话已隐去",
        originalDescription: "门口小广告，联系电话13800138000",
        status: "accepted",
      });
      expect(edited.photos).toEqual([expect.objectContaining({ id: photoId, hidden: true })]);
      expect(edited.timeline.map((t: { action: string }) => t.action)).toEqual(["submit", "accept", "redact", "hide_photo"]);

      const pub = await call(h, "GET", `/api/v1/reports/${report.id}`);
      expect(pub.json.description).toBe("门口小广告，联系电话已隐去");
      expect(pub.json.photos).toEqual([]);
      expect(JSON.stringify(pub.json)).not.toContain("13800138000");
      const list = await call(h, "GET", `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}`);
      expect(list.json.reports[0].photoUrls).toEqual([]);
      const own = await call(h, "GET", `/api/v1/reports/${report.id}`, { token: reporter.token });
      expect(own.json.description).toBe("门口小广告，联系电话13800138000");

      expect((await staffAct(h, mod.token, report.id, `photos/${photoId}/hide`, { reason: "x" })).status).toBe(409);
      expect((await staffAct(h, mod.token, report.id, "photos/nope/hide", { reason: "x" })).status).toBe(404);
      const shown = await staffAct(h, mod.token, report.id, `photos/${photoId}/show`);
      expect(shown.json.photos[0].hidden).toBe(false);
      expect((await call(h, "GET", `/api/v1/reports/${report.id}`)).json.photos).toHaveLength(1);
    });

    it("merges a duplicate into its original: followers and the reporter move over", async () => {
      const h = getHarness();
      await createCategories(h);
      const a = await loginAs(h, "original-reporter");
      const b = await loginAs(h, "duplicate-reporter");
      const c = await loginAs(h, "duplicate-follower");
      const mod = await loginAs(h, "merge-mod", "moderator");
      const original = await fileReport(h, a.token);
      const dup = await fileReport(h, b.token, { location: offset(SPOT, 10, 10) });
      await call(h, "POST", `/api/v1/reports/${dup.id}/follow`, { token: c.token });
      expect((await staffAct(h, mod.token, dup.id, "merge", { into: dup.id })).status).toBe(422);
      const merged = await staffActs(h, mod.token, dup.id, [["merge", { into: original.id, note: "同一处小广告" }]]);
      expect(merged).toMatchObject({ status: "rejected", rejectReason: "duplicate", duplicateOf: original.id });
      const orig = await call(h, "GET", `/api/v1/moderation/reports/${original.id}`, { token: mod.token });
      expect(orig.json.followers).toBe(2);
      const bMine = await call(h, "GET", "/api/v1/reports/mine", { token: b.token });
      expect(bMine.json.reports.map((r: { id: string; relation: string }) => [r.id, r.relation]).sort()).toEqual(
        [
          [dup.id, "reporter"],
          [original.id, "follower"],
        ].sort(),
      );
      const cMine = await call(h, "GET", "/api/v1/reports/mine", { token: c.token });
      expect(cMine.json.reports.map((r: { id: string }) => r.id)).toContain(original.id);
    });
  });

  describe("moderation queue", () => {
    it("filters by status, category, district, overdue and held, most urgent first", async () => {
      const h = getHarness();
      h.setNow("2026-11-01T00:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "queue-resident");
      const mod = await loginAs(h, "queue-mod", "moderator");
      const posters = await fileHeldReport(h, resident.token); // SLA 24 h, its photo's check not answered: held
      const bikes = await fileReport(h, resident.token, { category: "shared_bike" }); // SLA 12 h
      const farAway = await fileReport(h, resident.token, {
        category: "shared_bike",
        location: { lat: 31.2989, lng: 120.7463 },
        address: "工业园区星海街",
      });
      const all = await call(h, "GET", "/api/v1/moderation/reports", { token: mod.token });
      expect(all.json.total).toBe(3);
      // Held first (nothing overdue yet), then the shortest SLA.
      expect(all.json.reports.map((r: { id: string }) => r.id)).toEqual([posters.id, bikes.id, farAway.id]);
      const q = async (query: string) => (await call(h, "GET", `/api/v1/moderation/reports?${query}`, { token: mod.token })).json;
      expect((await q("category=illegal_posters")).reports.map((r: { id: string }) => r.id)).toEqual([posters.id]);
      expect((await q("district=苏州工业园区")).reports.map((r: { id: string }) => r.id)).toEqual([farAway.id]);
      await staffActs(h, mod.token, bikes.id, [["accept", {}]]);
      expect((await q("status=accepted")).reports.map((r: { id: string }) => r.id)).toEqual([bikes.id]);
      expect((await q("overdue=true")).total).toBe(0);
      h.setNow("2026-11-01T13:00:00.000Z");
      const overdue = await q("overdue=true");
      expect(overdue.reports.map((r: { id: string }) => r.id).sort()).toEqual([bikes.id, farAway.id].sort());
      expect(overdue.reports.every((r: { overdue: boolean }) => r.overdue)).toBe(true);
      // Overdue cases lead the unfiltered queue, then the held one.
      const queue = await q("");
      expect(queue.reports.slice(0, 2).every((r: { overdue: boolean }) => r.overdue)).toBe(true);
      expect(queue.reports[2]).toMatchObject({ id: posters.id, held: true, overdue: false });
      // A photo whose asynchronous image check has not answered keeps its report held.
      const held = await q("held=true");
      expect(held.reports.map((r: { id: string }) => r.id)).toEqual([posters.id]);
      expect(held.reports.every((r: { held: boolean }) => r.held)).toBe(true);
      expect((await q("limit=1&offset=1")).reports).toHaveLength(1);
      expect((await call(h, "GET", "/api/v1/moderation/reports?status=bogus", { token: mod.token })).status).toBe(400);
    });
  });

  describe("KPIs", () => {
    it("counts 结案率, 按期结案率, median time to close, 回访满意率 and reopen rate by period, category and district", async () => {
      const h = getHarness();
      h.setNow("2026-11-10T02:00:00.000Z");
      await createCategories(h);
      const r1 = await loginAs(h, "kpi-1");
      const mod = await loginAs(h, "kpi-mod", "moderator");
      const a = await fileReport(h, r1.token); // posters, SLA 24 h
      const b = await fileReport(h, r1.token, { category: "shared_bike" }); // SLA 12 h
      const c = await fileReport(h, r1.token);
      await fileReport(h, r1.token); // never accepted: not a case
      for (const id of [a.id, b.id, c.id])
        await staffActs(h, mod.token, id, [
          ["accept", {}],
          ["dispatch", { department: "d" }],
        ]);
      h.setNow("2026-11-10T08:00:00.000Z");
      await staffActs(h, mod.token, a.id, [
        ["resolve", { reply: "ok" }],
        ["close", {}],
      ]); // 6 h: on time
      await call(h, "POST", `/api/v1/reports/${a.id}/rate`, { token: r1.token, body: { rating: 5 } });
      h.setNow("2026-11-10T20:00:00.000Z");
      await staffActs(h, mod.token, b.id, [["resolve", { reply: "ok" }]]);
      await call(h, "POST", `/api/v1/reports/${b.id}/rate`, { token: r1.token, body: { rating: 2 } });
      await call(h, "POST", `/api/v1/reports/${b.id}/reopen`, { token: r1.token, body: { reason: "没处理" } });
      await staffActs(h, mod.token, b.id, [
        ["dispatch", { department: "d" }],
        ["resolve", { reply: "ok" }],
        ["close", {}],
      ]); // 18 h: late

      const k = await call(h, "GET", "/api/v1/moderation/kpis?from=2026-11-10&to=2026-11-10&groupBy=category", { token: mod.token });
      expect(k.status).toBe(200);
      expect(k.json.overall).toMatchObject({ cases: 3, closed: 2, closedOnTime: 1, rated: 1, resolved: 2, reopened: 1 });
      expect(k.json.overall.closureRate).toBeCloseTo(2 / 3);
      expect(k.json.overall.onTimeRate).toBeCloseTo(0.5);
      expect(k.json.overall.medianHoursToClose).toBe(12);
      expect(k.json.overall.satisfactionRate).toBe(1);
      expect(k.json.overall.reopenRate).toBe(0.5);
      expect(k.json.groups.map((g: { key: string; figures: { cases: number } }) => [g.key, g.figures.cases])).toEqual([
        ["illegal_posters", 2],
        ["shared_bike", 1],
      ]);
      // Days are the city's: b closed at 20:00 UTC, which is 04:00 on the 11th in Suzhou.
      expect(k.json.daily).toEqual([{ date: "2026-11-10", cases: 3, closed: 1 }]);
      const byDistrict = await call(h, "GET", "/api/v1/moderation/kpis?from=2026-11-01&to=2026-11-30&groupBy=district", {
        token: mod.token,
      });
      // Keyed by the district's code, labelled with its official name (shared/src/city).
      expect(byDistrict.json.groups).toEqual([expect.objectContaining({ key: "320508", label: "姑苏区" })]);
      expect(byDistrict.json.daily).toHaveLength(30);
      const empty = await call(h, "GET", "/api/v1/moderation/kpis?from=2026-10-01&to=2026-10-02", { token: mod.token });
      expect(empty.json.overall).toMatchObject({ cases: 0, closureRate: null });
      expect((await call(h, "GET", "/api/v1/moderation/kpis?from=2026-11-30&to=2026-11-01", { token: mod.token })).status).toBe(400);
      const resident = await call(h, "GET", "/api/v1/moderation/kpis", { token: r1.token });
      expect(resident.status).toBe(403);
    });
  });
}
