import { coarsen, distanceMetres } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { offset } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { createCategories, fileReport, reportBody, SPOT, staffActs, uploadPhoto } from "./report-fixtures";

/* Residents' reports: filing, idempotency, duplicates, following, who sees what, rating and reopening. */

export function registerReportsContract(getHarness: GetHarness) {
  describe("report categories", () => {
    it("lists active categories with their Open311-style fields; admins add, change and retire them", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "cat-admin", "admin");
      await createCategories(h, admin.token);
      const list = await call(h, "GET", "/api/v1/report-categories");
      expect(list.status).toBe(200);
      const light = list.json.categories.find((c: { code: string }) => c.code === "street_light");
      expect(light).toMatchObject({
        name: "路灯不亮",
        group: "public_facilities",
        groupName: "公用设施",
        department: "路灯管理所",
        slaHours: 48,
      });
      expect(light.attributes.map((a: { code: string }) => a.code)).toEqual(["pole_number", "fault"]);

      const dup = await call(h, "POST", "/api/v1/admin/report-categories", {
        token: admin.token,
        body: { code: "street_light", name: "x", group: "other", department: "d", slaHours: 1 },
      });
      expect(dup.status).toBe(409);
      const badList = await call(h, "POST", "/api/v1/admin/report-categories", {
        token: admin.token,
        body: {
          code: "bad_list",
          name: "x",
          group: "other",
          department: "d",
          slaHours: 1,
          attributes: [{ code: "k", label: "k", datatype: "singlevaluelist" }],
        },
      });
      expect(badList.status).toBe(422);
      expectEnvelope(badList, "validation_failed");

      const retired = await call(h, "PATCH", "/api/v1/admin/report-categories/shared_bike", {
        token: admin.token,
        body: { active: false, slaHours: 6 },
      });
      expect(retired.json).toMatchObject({ active: false, slaHours: 6 });
      const after = await call(h, "GET", "/api/v1/report-categories");
      expect(after.json.categories.map((c: { code: string }) => c.code)).not.toContain("shared_bike");
      const all = await call(h, "GET", "/api/v1/report-categories?all=1", { token: admin.token });
      expect(all.json.categories.map((c: { code: string }) => c.code)).toContain("shared_bike");
      const missing = await call(h, "PATCH", "/api/v1/admin/report-categories/nope_nope", { token: admin.token, body: { active: false } });
      expect(missing.status).toBe(404);
    });
  });

  describe("filing a report", () => {
    it("files with photos, place, address and extra fields, and shows the reporter the timeline", async () => {
      const h = getHarness();
      await createCategories(h);
      const resident = await loginAs(h, "filer");
      const report = await fileReport(h, resident.token, {
        category: "street_light",
        description: "路灯整晚不亮，路口很黑",
        attributes: { fault: "off", pole_number: "GS-0132" },
        locationSource: "map",
      });
      expect(report).toMatchObject({
        status: "submitted",
        viewer: "reporter",
        category: { code: "street_light", name: "路灯不亮", groupName: "公用设施" },
        description: "路灯整晚不亮，路口很黑",
        address: "姑苏区观前街88号",
        district: "姑苏区",
        attributes: { fault: "off", pole_number: "GS-0132" },
        location: SPOT,
        followers: 0,
      });
      expect(report.photos).toHaveLength(1);
      expect(report.photos[0].url).toMatch(/^\/api\/v1\/uploads\/.+\/content\?exp=\d+&sig=/);
      expect(report.timeline).toEqual([
        expect.objectContaining({ seq: 1, action: "submit", from: null, to: "submitted", actor: "resident" }),
      ]);
      // Staff-only fields stay out of the reporter's view.
      expect(report.reporter).toBeUndefined();
      expect(report.originalDescription).toBeUndefined();
      const photo = await h.request(report.photos[0].url);
      expect(photo.status).toBe(200);
      expect(photo.headers.get("content-type")).toBe("image/jpeg");

      const mine = await call(h, "GET", "/api/v1/reports/mine", { token: resident.token });
      expect(mine.json.reports).toEqual([
        expect.objectContaining({ id: report.id, relation: "reporter", status: "submitted", categoryName: "路灯不亮" }),
      ]);
      expect(mine.json.reports[0].thumbnailUrl).toMatch(/content\?exp=/);
    });

    it("refuses bad input with a clear error and stores nothing", async () => {
      const h = getHarness();
      await createCategories(h);
      const resident = await loginAs(h, "careless");
      const other = await loginAs(h, "someone-else");
      const photo = await uploadPhoto(h, resident.token);
      const othersPhoto = await uploadPhoto(h, other.token);
      const cases: [string, unknown, number][] = [
        ["no photos", reportBody([]), 422],
        ["ten photos", reportBody(Array.from({ length: 10 }, () => photo)), 422],
        ["another user's photo", reportBody([othersPhoto]), 422],
        ["an unknown photo", reportBody(["0190f0f0-0000-7000-8000-000000000000"]), 422],
        ["the same photo twice", reportBody([photo, photo]), 422],
        ["unknown category", reportBody([photo], { category: "no_such" }), 422],
        ["missing required field", reportBody([photo], { category: "street_light", attributes: {} }), 422],
        ["unknown field", reportBody([photo], { category: "street_light", attributes: { fault: "off", colour: "red" } }), 422],
        ["bad list value", reportBody([photo], { category: "street_light", attributes: { fault: "exploded" } }), 422],
        ["too long", reportBody([photo], { description: "长".repeat(1001) }), 422],
        ["empty description", reportBody([photo], { description: "   " }), 422],
        ["latitude off the map", reportBody([photo], { location: { lat: 95, lng: 120 } }), 422],
        ["extra top-level field", { ...reportBody([photo]), reporterPhone: "13800000000" }, 422],
      ];
      for (const [label, body, status] of cases) {
        const res = await call(h, "POST", "/api/v1/reports", { token: resident.token, body });
        expect(res.status, label).toBe(status);
        expectEnvelope(res, "validation_failed");
      }
      const notJson = await call(h, "POST", "/api/v1/reports", {
        token: resident.token,
        body: "category=x",
        headers: { "content-type": "text/plain" },
      });
      expect(notJson.status).toBe(415);
      const anonymous = await call(h, "POST", "/api/v1/reports", { body: reportBody([photo]) });
      expect(anonymous.status).toBe(401);
      const mine = await call(h, "GET", "/api/v1/reports/mine", { token: resident.token });
      expect(mine.json.reports).toEqual([]);
      // The photo is still free to use: nothing was attached by the refused attempts.
      const ok = await call(h, "POST", "/api/v1/reports", { token: resident.token, body: reportBody([photo]) });
      expect(ok.status).toBe(201);
      const reuse = await call(h, "POST", "/api/v1/reports", { token: resident.token, body: reportBody([photo]) });
      expect(reuse.status).toBe(422);
    });

    it("an Idempotency-Key makes a retry return the same report; the same key with another body is a 422", async () => {
      const h = getHarness();
      await createCategories(h);
      const resident = await loginAs(h, "retrier");
      const photo = await uploadPhoto(h, resident.token);
      const headers = { "idempotency-key": "wizard-run-0001" };
      const first = await call(h, "POST", "/api/v1/reports", { token: resident.token, body: reportBody([photo]), headers });
      expect(first.status).toBe(201);
      const retry = await call(h, "POST", "/api/v1/reports", { token: resident.token, body: reportBody([photo]), headers });
      expect(retry.status).toBe(200);
      expect(retry.json.id).toBe(first.json.id);
      const changed = await call(h, "POST", "/api/v1/reports", {
        token: resident.token,
        body: reportBody([photo], { description: "改了" }),
        headers,
      });
      expect(changed.status).toBe(422);
      expectEnvelope(changed, "validation_failed");
      // Keys are per user: another resident's identical key is theirs alone.
      const other = await loginAs(h, "other-retrier");
      const theirs = await call(h, "POST", "/api/v1/reports", {
        token: other.token,
        body: reportBody([await uploadPhoto(h, other.token)]),
        headers,
      });
      expect(theirs.status).toBe(201);
      expect(theirs.json.id).not.toBe(first.json.id);
      const bad = await call(h, "POST", "/api/v1/reports", {
        token: resident.token,
        body: reportBody([photo]),
        headers: { "idempotency-key": "x" },
      });
      expect(bad.status).toBe(400);
      const mine = await call(h, "GET", "/api/v1/reports/mine", { token: resident.token });
      expect(mine.json.reports).toHaveLength(1);
    });

    it("limits filing per user with 429 and Retry-After", async () => {
      const h = getHarness();
      h.setNow("2026-11-26T02:00:00.000Z");
      await createCategories(h);
      const resident = await loginAs(h, "prolific");
      const photos = await Promise.all(Array.from({ length: 31 }, () => uploadPhoto(h, resident.token)));
      const statuses: number[] = [];
      for (const p of photos)
        statuses.push((await call(h, "POST", "/api/v1/reports", { token: resident.token, body: reportBody([p]) })).status);
      expect(statuses.filter((s) => s === 201)).toHaveLength(30);
      const last = await call(h, "POST", "/api/v1/reports", { token: resident.token, body: reportBody([photos[30] as string]) });
      expect(last.status).toBe(429);
      expect(Number(last.headers.get("retry-after"))).toBeGreaterThan(0);
      expectEnvelope(last, "rate_limited");
    });
  });

  describe("duplicates and following", () => {
    it("offers open reports of the same category within 50 m from the last 72 hours, and 'me too' follows one", async () => {
      const h = getHarness();
      h.setNow("2026-11-20T02:00:00.000Z");
      await createCategories(h);
      const first = await loginAs(h, "first-reporter");
      const neighbour = await loginAs(h, "neighbour");
      const original = await fileReport(h, first.token);
      const near = offset(SPOT, 30, 0);
      const q = (p: { lat: number; lng: number }, category = "illegal_posters") =>
        call(h, "GET", `/api/v1/reports/duplicates?category=${category}&lat=${p.lat}&lng=${p.lng}`, { token: neighbour.token });
      const found = await q(near);
      expect(found.json.candidates).toEqual([
        expect.objectContaining({
          id: original.id,
          categoryName: "牛皮癣小广告",
          status: "submitted",
          description: null,
          following: false,
          mine: false,
        }),
      ]);
      // Someone else's case: measured from its coarse cell (location-privacy.contract.ts).
      expect(found.json.candidates[0].distanceM).toBe(Math.round(distanceMetres(near, coarsen(SPOT))));
      expect((await q(offset(SPOT, 250, 0))).json.candidates).toEqual([]);
      expect((await q(near, "street_light")).json.candidates).toEqual([]);

      const follow = await call(h, "POST", `/api/v1/reports/${original.id}/follow`, { token: neighbour.token });
      expect(follow.json).toEqual({ id: original.id, followers: 1, following: true });
      const again = await call(h, "POST", `/api/v1/reports/${original.id}/follow`, { token: neighbour.token });
      expect(again.json.followers).toBe(1);
      expect((await call(h, "POST", `/api/v1/reports/${original.id}/follow`, { token: first.token })).status).toBe(409);
      const theirs = await call(h, "GET", "/api/v1/reports/mine", { token: neighbour.token });
      expect(theirs.json.reports).toEqual([expect.objectContaining({ id: original.id, relation: "follower" })]);
      const asFollower = await call(h, "GET", `/api/v1/reports/${original.id}`, { token: neighbour.token });
      expect(asFollower.json).toMatchObject({ viewer: "follower", following: true, status: "submitted" });
      expect(asFollower.json.location).not.toEqual(SPOT);
      // Not accepted yet: the follower hears its progress but sees none of its content.
      expect(asFollower.json).toMatchObject({ description: "", photos: [], attributes: {} });

      h.setNow("2026-11-23T03:00:00.000Z");
      expect((await q(near)).json.candidates).toEqual([]);
    });
  });

  describe("who sees a report", () => {
    it("hides a submitted report from others (404) and shows an accepted one to the public without the reporter or exact place", async () => {
      const h = getHarness();
      await createCategories(h);
      const reporter = await loginAs(h, "private-reporter");
      const stranger = await loginAs(h, "stranger");
      const collector = await loginAs(h, "a-collector", "collector");
      const mod = await loginAs(h, "a-moderator", "moderator");
      const report = await fileReport(h, reporter.token);
      for (const token of [undefined, stranger.token, collector.token]) {
        const res = await call(h, "GET", `/api/v1/reports/${report.id}`, token ? { token } : {});
        expect(res.status).toBe(404);
        expectEnvelope(res, "not_found");
      }
      const nearQuery = `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}&radius=500`;
      expect((await call(h, "GET", nearQuery)).json.reports).toEqual([]);

      await staffActs(h, mod.token, report.id, [["accept", {}]]);
      const pub = await call(h, "GET", `/api/v1/reports/${report.id}`);
      expect(pub.status).toBe(200);
      expect(pub.json).toMatchObject({ viewer: "public", status: "accepted", canRate: false, canReopen: false });
      expect(pub.json.reporter).toBeUndefined();
      expect(pub.json.address).toBe("姑苏区");
      expect(pub.json.location).not.toEqual(SPOT);
      expect(Math.abs(pub.json.location.lat - SPOT.lat)).toBeLessThan(0.001);
      expect(pub.json.timeline.every((t: { note: unknown; actorId?: unknown }) => t.note === null && t.actorId === undefined)).toBe(true);
      const near = await call(h, "GET", nearQuery);
      expect(near.json.reports).toHaveLength(1);
      const item = near.json.reports[0];
      expect(item).toMatchObject({ id: report.id, categoryName: "牛皮癣小广告", status: "accepted", district: "姑苏区" });
      expect(item.location).toEqual(pub.json.location);
      expect(JSON.stringify(near.json)).not.toContain(reporter.user.id);
      expect(item.photoUrls).toHaveLength(1);
      expect((await call(h, "GET", `/api/v1/reports/public?lat=${SPOT.lat}&lng=${SPOT.lng}&radius=99999`)).status).toBe(400);

      const staff = await call(h, "GET", `/api/v1/moderation/reports/${report.id}`, { token: mod.token });
      expect(staff.json).toMatchObject({
        viewer: "staff",
        reporter: { id: reporter.user.id },
        originalDescription: report.description,
        location: SPOT,
      });
    });
  });

  describe("rating and reopening", () => {
    it("the reporter rates a resolution once, and may reopen within 7 days but not after", async () => {
      const h = getHarness();
      h.setNow("2026-11-10T01:00:00.000Z");
      await createCategories(h);
      const reporter = await loginAs(h, "rater");
      const mod = await loginAs(h, "rating-mod", "moderator");
      const report = await fileReport(h, reporter.token);
      const early = await call(h, "POST", `/api/v1/reports/${report.id}/rate`, { token: reporter.token, body: { rating: 5 } });
      expect(early.status).toBe(409);
      await staffActs(h, mod.token, report.id, [
        ["accept", {}],
        ["dispatch", { department: "市容管理科" }],
        ["resolve", { reply: "已清除小广告" }],
      ]);
      const detail = await call(h, "GET", `/api/v1/reports/${report.id}`, { token: reporter.token });
      expect(detail.json).toMatchObject({ status: "resolved", canRate: true, canReopen: true, resolutionNote: "已清除小广告" });
      expect(detail.json.reopenUntil).toBe("2026-11-17T01:00:00.000Z");
      const stranger = await loginAs(h, "not-the-reporter");
      expect((await call(h, "POST", `/api/v1/reports/${report.id}/rate`, { token: stranger.token, body: { rating: 1 } })).status).toBe(403);
      expect((await call(h, "POST", `/api/v1/reports/${report.id}/rate`, { token: reporter.token, body: { rating: 6 } })).status).toBe(422);
      const rated = await call(h, "POST", `/api/v1/reports/${report.id}/rate`, {
        token: reporter.token,
        body: { rating: 4, comment: "处理及时" },
      });
      expect(rated.status).toBe(200);
      expect(rated.json).toMatchObject({ rating: 4, ratingComment: "处理及时", canRate: false });
      expect((await call(h, "POST", `/api/v1/reports/${report.id}/rate`, { token: reporter.token, body: { rating: 5 } })).status).toBe(409);

      h.setNow("2026-11-16T23:00:00.000Z");
      const reopened = await call(h, "POST", `/api/v1/reports/${report.id}/reopen`, {
        token: reporter.token,
        body: { reason: "第二天又贴上了" },
      });
      expect(reopened.status).toBe(200);
      expect(reopened.json).toMatchObject({ status: "reopened", rating: null, canRate: false });
      expect(reopened.json.timeline.map((t: { action: string }) => t.action)).toEqual([
        "submit",
        "accept",
        "dispatch",
        "resolve",
        "rate",
        "reopen",
      ]);
      expect(reopened.json.timeline.at(-1).note).toBe("第二天又贴上了");

      await staffActs(h, mod.token, report.id, [
        ["dispatch", { department: "市容管理科" }],
        ["resolve", { reply: "再次清除并加装监控提示" }],
      ]);
      h.setNow("2026-11-25T00:00:00.000Z");
      const late = await call(h, "POST", `/api/v1/reports/${report.id}/reopen`, { token: reporter.token, body: { reason: "还是有" } });
      expect(late.status).toBe(409);
      expectEnvelope(late, "conflict");
    });
  });
}
