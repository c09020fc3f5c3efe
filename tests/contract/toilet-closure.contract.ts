import { beforeEach, describe, expect, it } from "vitest";
import { nearby, TUESDAY_MORNING, twoToilets } from "./closure-fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";

/*
 * An admin closes a toilet for a while: the finder shows it closed with the reason until its last day has
 * passed in the city, on both search engines (the Node runner runs every suite with each engine).
 */

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
      expect((await call(h, "DELETE", "/api/v1/admin/toilets/nope/temporary-closure", { token: admin.token })).status).toBe(404);
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
}
