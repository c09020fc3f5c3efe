import { beforeEach, describe, expect, it } from "vitest";
import { offset } from "./fixtures";
import { call, expectEnvelope, type GetHarness, loginAs } from "./harness";
import { cityInstant, createZone, ensureStreetVending, FRIDAY, marketSpot, nearbyZones, square, zone } from "./market-fixtures";
import { createCategories, fileHeldReport } from "./report-fixtures";

/*
 * Night markets and vending zones: open across midnight, exception dates and seasons on the city's clock,
 * suspensions that subscribers hear about, versioned edits, retirement, and the flag on street-vending
 * reports filed in or near an open zone.
 */

export function registerMarketsContract(getHarness: GetHarness) {
  describe("night markets", () => {
    beforeEach(async () => {
      await getHarness().wechat.controls.reset();
      getHarness().setNow(cityInstant("2026-12-04T15:00:00"));
    });

    it("a Friday 18:00-02:00 market opens later tonight, is open at 01:00 on Saturday with the time left, and closes at 02:00", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-1", "admin");
      const spot = marketSpot(1);
      const late = await createZone(h, admin.token, zone({ name: "石路夜市", area: square(spot) }));
      const weekend = await createZone(
        h,
        admin.token,
        zone({
          name: "周末便民点",
          kind: "vending_point",
          area: { shape: "circle", center: offset(spot, 400, 0), radiusM: 60 },
          windows: [{ weekday: FRIDAY + 1, open: "09:00", close: "12:00" }],
        }),
      );
      const all = await nearbyZones(h, spot);
      expect(all.map((z) => z.id)).toEqual([late.id, weekend.id]);
      expect(all[0]).toMatchObject({
        kind: "night_market",
        distanceM: 0,
        status: { state: "opens_later", tonight: true, text: "18:00 开市" },
      });
      expect(all[1].area).toMatchObject({ shape: "circle", radiusM: 60 });
      expect(await nearbyZones(h, spot, "&when=now")).toEqual([]);
      expect((await nearbyZones(h, spot, "&when=tonight")).map((z) => z.id)).toEqual([late.id]);
      expect((await nearbyZones(h, spot, "&kind=vending_point")).map((z) => z.id)).toEqual([weekend.id]);

      h.setNow(cityInstant("2026-12-05T00:00:00"));
      const open = await nearbyZones(h, spot, "&when=now");
      expect(open.map((z) => z.id)).toEqual([late.id]);
      expect(open[0].status).toMatchObject({ state: "open", text: "还有 2 小时收摊", closesAt: cityInstant("2026-12-05T02:00:00") });
      h.setNow(cityInstant("2026-12-05T01:00:00"));
      expect((await call(h, "GET", `/api/v1/night-markets/${late.id}`)).json.status).toMatchObject({
        state: "open",
        text: "还有 1 小时收摊",
      });
      h.setNow(cityInstant("2026-12-05T02:00:00"));
      expect(await nearbyZones(h, spot, "&when=now")).toEqual([]);
      const detail = (await call(h, "GET", `/api/v1/night-markets/${late.id}`)).json;
      expect(detail).toMatchObject({
        status: { state: "closed", text: "周五 18:00 开市" },
        hoursText: ["休市", "休市", "休市", "休市", "18:00–次日02:00", "休市", "休市"],
        goodsForbidden: ["明火烧烤"],
        contactPhone: "0512-65223456",
        subscribed: false,
        version: 1,
      });
    });

    it("an exception date cancels the night that starts on it; a season's last day still trades into the next morning", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-2", "admin");
      const spot = marketSpot(2);
      const z = await createZone(
        h,
        admin.token,
        zone({
          name: "双塔市集",
          area: square(spot),
          seasons: [{ start: "03-01", end: "12-04" }],
          exceptions: [{ date: "2026-11-27", reason: "马拉松封路" }],
        }),
      );
      h.setNow(cityInstant("2026-11-27T20:00:00"));
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`)).json.status).toMatchObject({
        state: "closed",
        closedReason: "马拉松封路",
        text: "今晚暂停：马拉松封路",
      });
      h.setNow(cityInstant("2026-11-28T01:00:00"));
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`)).json.status.state).toBe("closed");
      // 12-04 is the season's last day: that night runs to 02:00 on 12-05.
      h.setNow(cityInstant("2026-12-05T01:30:00"));
      expect((await nearbyZones(h, spot, "&when=now")).map((x) => x.id)).toEqual([z.id]);
      h.setNow(cityInstant("2026-12-11T20:00:00"));
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`)).json.status).toMatchObject({
        state: "closed",
        opensAt: null,
        text: "休市",
      });
    });

    it("a suspension reaches every subscriber's inbox in the same step, closes that night, and can be called off", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-3", "admin");
      const fan = await loginAs(h, "market-fan");
      const other = await loginAs(h, "market-bystander");
      const spot = marketSpot(3);
      const z = await createZone(h, admin.token, zone({ name: "李公堤夜市", area: square(spot) }));
      expect((await call(h, "POST", `/api/v1/night-markets/${z.id}/subscription`, { token: fan.token })).json).toEqual({
        zoneId: z.id,
        subscribed: true,
      });
      expect((await call(h, "POST", `/api/v1/night-markets/${z.id}/subscription`, { token: fan.token })).status).toBe(200);
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`, { token: fan.token })).json.subscribed).toBe(true);
      const before = (await call(h, "GET", "/api/v1/inbox", { token: other.token })).json.messages.length;

      const res = await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, {
        token: admin.token,
        body: { date: "2026-12-04", reason: "寒潮大风" },
      });
      expect(res.status).toBe(201);
      expect(res.json).toMatchObject({ date: "2026-12-04", reason: "寒潮大风" });
      const again = await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, {
        token: admin.token,
        body: { date: "2026-12-04", reason: "重复" },
      });
      expect(again.status).toBe(409);
      expect(again.json.error.details.reason).toBe("already_suspended");
      const past = await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, {
        token: admin.token,
        body: { date: "2026-12-03", reason: "太晚" },
      });
      expect(past.status).toBe(422);

      await h.wechat.dispatch();
      const inbox = (await call(h, "GET", "/api/v1/inbox", { token: fan.token })).json;
      expect(inbox.messages.map((m: { title: string; body: string }) => [m.title, m.body])).toContainEqual([
        "夜市暂停通知",
        "李公堤夜市 2026-12-04 暂停营业：寒潮大风",
      ]);
      expect((await call(h, "GET", "/api/v1/inbox", { token: other.token })).json.messages.length).toBe(before);

      h.setNow(cityInstant("2026-12-04T19:00:00"));
      const detail = (await call(h, "GET", `/api/v1/night-markets/${z.id}`)).json;
      expect(detail.status).toMatchObject({ state: "closed", closedReason: "寒潮大风" });
      expect(detail.upcomingSuspensions).toMatchObject([{ date: "2026-12-04", reason: "寒潮大风" }]);
      expect(await nearbyZones(h, spot, "&when=tonight")).toEqual([]);

      const cancelled = await call(h, "DELETE", `/api/v1/admin/night-markets/${z.id}/suspensions/${res.json.id}`, { token: admin.token });
      expect(cancelled.status).toBe(200);
      expect((await nearbyZones(h, spot, "&when=now")).map((x) => x.id)).toEqual([z.id]);
      const twice = await call(h, "DELETE", `/api/v1/admin/night-markets/${z.id}/suspensions/${res.json.id}`, { token: admin.token });
      expect(twice.status).toBe(409);
      await h.wechat.dispatch();
      const after = (await call(h, "GET", "/api/v1/inbox", { token: fan.token })).json;
      expect(after.messages.map((m: { title: string }) => m.title)).toContain("夜市恢复营业");

      // Unsubscribed: the next suspension says nothing to them.
      expect((await call(h, "DELETE", `/api/v1/night-markets/${z.id}/subscription`, { token: fan.token })).json.subscribed).toBe(false);
      await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, {
        token: admin.token,
        body: { date: "2026-12-11", reason: "活动" },
      });
      await h.wechat.dispatch();
      expect((await call(h, "GET", "/api/v1/inbox", { token: fan.token })).json.messages.length).toBe(after.messages.length);
    });

    it("a subscriber who accepted the markets template at the tap gets the suspension as a WeChat message; others in the inbox only", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-wx", "admin");
      const accepted = await loginAs(h, "market-fan-wx");
      const declined = await loginAs(h, "market-fan-inbox");
      const z = await createZone(h, admin.token, zone({ name: "双塔市集", area: square(marketSpot(5)) }));
      const subscribe = (token: string, body?: unknown) =>
        call(h, "POST", `/api/v1/night-markets/${z.id}/subscription`, { token, ...(body === undefined ? {} : { body }) });
      expect((await subscribe(accepted.token, { subscriptions: ["civic-market-notice"] })).status).toBe(200);
      // Another template's id is no grant for markets; a body that is not the shape is a 422.
      expect((await subscribe(declined.token, { subscriptions: ["civic-report-status"] })).status).toBe(200);
      const bad = await subscribe(declined.token, { subscriptions: "civic-market-notice" });
      expect(bad.status).toBe(422);
      expectEnvelope(bad, "validation_failed");
      const res = await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, {
        token: admin.token,
        body: { date: "2026-12-05", reason: "市容整治" },
      });
      expect(res.status).toBe(201);
      expect(await h.wechat.dispatch()).toMatchObject({ sent: 1, inboxOnly: 1 });
      const sent = (await h.wechat.controls.messages()).filter((m) => m.page.includes(z.id));
      expect(sent).toHaveLength(1);
      expect(sent[0]).toMatchObject({ template_id: "civic-market-notice" });
      expect(sent[0]?.data.phrase2?.value).toBe("暂停营业");
      for (const who of [accepted, declined]) {
        const inbox = (await call(h, "GET", "/api/v1/inbox", { token: who.token })).json;
        expect(inbox.messages.map((m: { title: string }) => m.title)).toContain("夜市暂停通知");
      }
      // One accept is one message: calling it off reaches both in the inbox, WeChat no more.
      await call(h, "DELETE", `/api/v1/admin/night-markets/${z.id}/suspensions/${res.json.id}`, { token: admin.token });
      expect(await h.wechat.dispatch()).toMatchObject({ sent: 0, inboxOnly: 2 });
    });

    it("edits carry the version they were decided on: the second of two admins gets 409 stale_version; a retired zone is 404 to residents", async () => {
      const h = getHarness();
      const one = await loginAs(h, "market-admin-4a", "admin");
      const two = await loginAs(h, "market-admin-4b", "admin");
      const resident = await loginAs(h, "market-resident-4");
      const spot = marketSpot(4);
      const z = await createZone(h, one.token, zone({ name: "观前街便民点", kind: "vending_point", area: square(spot, 80) }));
      const first = await call(h, "PATCH", `/api/v1/admin/night-markets/${z.id}`, {
        token: one.token,
        body: { version: 1, windows: [{ weekday: FRIDAY, open: "17:00", close: "23:00" }] },
      });
      expect(first.status).toBe(200);
      expect(first.json).toMatchObject({ version: 2, hoursText: ["休市", "休市", "休市", "休市", "17:00–23:00", "休市", "休市"] });
      const second = await call(h, "PATCH", `/api/v1/admin/night-markets/${z.id}`, { token: two.token, body: { version: 1, stalls: 10 } });
      expect(second.status).toBe(409);
      expectEnvelope(second, "conflict");
      expect(second.json.error.details).toMatchObject({ reason: "stale_version", version: 2 });
      const emptied = await call(h, "PATCH", `/api/v1/admin/night-markets/${z.id}`, {
        token: two.token,
        body: { version: 2, windows: [] },
      });
      expect(emptied.status).toBe(422);

      const staleRetire = await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/retire`, {
        token: two.token,
        body: { version: 1, reason: "撤销" },
      });
      expect(staleRetire.status).toBe(409);
      const retired = await call(h, "POST", `/api/v1/admin/night-markets/${z.id}/retire`, {
        token: two.token,
        body: { version: 2, reason: "点位撤销" },
      });
      expect(retired.json).toMatchObject({ active: false, retiredReason: "点位撤销", version: 3 });
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`)).status).toBe(404);
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`, { token: resident.token })).status).toBe(404);
      expect((await call(h, "GET", `/api/v1/night-markets/${z.id}`, { token: one.token })).json.active).toBe(false);
      expect((await call(h, "POST", `/api/v1/night-markets/${z.id}/subscription`, { token: resident.token })).status).toBe(404);
      expect(await nearbyZones(h, spot)).toEqual([]);
      expect(
        (await call(h, "PATCH", `/api/v1/admin/night-markets/${z.id}`, { token: one.token, body: { version: 3, stalls: 1 } })).status,
      ).toBe(404);
      const audit = await call(h, "GET", `/api/v1/admin/audit?targetType=market_zone&targetId=${z.id}`, { token: one.token });
      expect(audit.json.entries.map((e: { action: string }) => e.action)).toEqual(["market.retire", "market.update", "market.create"]);
    });

    it("two admins editing at once: exactly one edit applies", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-5", "admin");
      const z = await createZone(h, admin.token, zone({ name: "并发夜市", area: square(marketSpot(5)) }));
      const results = await Promise.all(
        [10, 20, 30, 40].map((stalls) =>
          call(h, "PATCH", `/api/v1/admin/night-markets/${z.id}`, { token: admin.token, body: { version: 1, stalls } }),
        ),
      );
      expect(results.map((r) => r.status).sort()).toEqual([200, 409, 409, 409]);
      const now = (await call(h, "GET", `/api/v1/night-markets/${z.id}`)).json;
      expect(now.version).toBe(2);
      expect(now.stalls).toBe(results.find((r) => r.status === 200)?.json.stalls);
    });

    it("a street-vending report filed in an open zone is flagged within, within 100 m outside near, and the queue filters by both", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-6", "admin");
      const moderator = await loginAs(h, "market-moderator-6", "moderator");
      await createCategories(h, admin.token).catch(() => undefined);
      await ensureStreetVending(h, admin.token);
      const spot = marketSpot(6);
      await createZone(h, admin.token, zone({ name: "石路疏导点", kind: "vending_point", area: square(spot, 200) }));
      const file = async (who: string, location: { lat: number; lng: number }, category = "street_vending") => {
        const me = await loginAs(h, who);
        return (await fileHeldReport(h, me.token, { category, description: "路边有人摆摊卖水果", location })).id as string;
      };
      h.setNow(cityInstant("2026-12-04T20:00:00"));
      const within = await file("vend-within", spot);
      const near = await file("vend-near", offset(spot, 150, 0));
      const far = await file("vend-far", offset(spot, 400, 0));
      const other = await file("vend-other", spot, "illegal_posters");
      h.setNow(cityInstant("2026-12-04T16:00:00"));
      const closed = await file("vend-closed", spot);

      const queue = async (q = "") => {
        const res = await call(h, "GET", `/api/v1/moderation/reports?limit=100${q}`, { token: moderator.token });
        expect(res.status).toBe(200);
        return res.json.reports as { id: string; vendingZone: string | null }[];
      };
      const flags = new Map((await queue()).map((r) => [r.id, r.vendingZone]));
      expect([within, near, far, other, closed].map((id) => flags.get(id))).toEqual([
        "within_open_zone",
        "near_open_zone",
        null,
        null,
        null,
      ]);
      const w = (await queue("&vendingZone=within")).map((r) => r.id);
      expect(w).toContain(within);
      expect(w).not.toContain(near);
      expect((await queue("&vendingZone=within")).every((r) => r.vendingZone === "within_open_zone")).toBe(true);
      const n = (await queue("&vendingZone=near")).map((r) => r.id);
      expect(n).toEqual([near]);
      expect((await call(h, "GET", "/api/v1/moderation/reports?vendingZone=inside", { token: moderator.token })).status).toBe(400);
    });

    it("bad input is a 4xx in the envelope, never a 500 or a partial write", async () => {
      const h = getHarness();
      const admin = await loginAs(h, "market-admin-7", "admin");
      const spot = marketSpot(7);
      const z = await createZone(h, admin.token, zone({ name: "校验夜市", area: square(spot) }));
      const bad: [string, string, unknown][] = [
        [
          "POST",
          "/api/v1/admin/night-markets",
          { ...zone({ name: "x", area: square(spot) }), windows: [{ weekday: 7, open: "18:00", close: "02:00" }] },
        ],
        [
          "POST",
          "/api/v1/admin/night-markets",
          {
            ...zone({ name: "x", area: square(spot) }),
            area: {
              shape: "polygon",
              ring: [
                [120, 31],
                [121, 31],
                [121, 32],
                [120, 31.5],
              ],
            },
          },
        ],
        [
          "POST",
          "/api/v1/admin/night-markets",
          { ...zone({ name: "x", area: square(spot) }), area: { shape: "circle", center: spot, radiusM: 99999 } },
        ],
        ["POST", "/api/v1/admin/night-markets", { ...zone({ name: "x", area: square(spot) }), district: "火星区" }],
        [
          "POST",
          "/api/v1/admin/night-markets",
          { ...zone({ name: "x", area: square(spot) }), seasons: [{ start: "13-01", end: "02-30" }] },
        ],
        ["POST", "/api/v1/admin/night-markets", "{"],
        ["PATCH", `/api/v1/admin/night-markets/${z.id}`, { stalls: 3 }],
        ["PATCH", `/api/v1/admin/night-markets/${z.id}`, { version: 1, windows: [{ weekday: 1, open: "25:00", close: "02:00" }] }],
        ["POST", `/api/v1/admin/night-markets/${z.id}/retire`, { version: 1 }],
        ["POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, { date: "2026-02-30", reason: "x" }],
        ["POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, { date: "2026-12-10", reason: "" }],
        ["POST", `/api/v1/admin/night-markets/${z.id}/suspensions`, [1, 2]],
      ];
      for (const [method, path, body] of bad) {
        const res = await call(h, method, path, { token: admin.token, body });
        expect(res.status, `${method} ${path} ${JSON.stringify(body)}`).toBeGreaterThanOrEqual(400);
        expect(res.status).toBeLessThan(500);
        expect(typeof res.json.error.message).toBe("string");
      }
      for (const q of [
        "lat=abc&lng=120",
        "lat=31&lng=120&radius=99999",
        "lat=31&lng=120&when=later",
        "lat=31&lng=120&kind=bazaar",
        "lng=120",
      ]) {
        expect((await call(h, "GET", `/api/v1/night-markets/nearby?${q}`)).status).toBe(400);
      }
      expect((await call(h, "GET", "/api/v1/night-markets/%00%ff")).status).toBe(404);
      const still = (await call(h, "GET", `/api/v1/night-markets/${z.id}`)).json;
      expect(still).toMatchObject({ version: 1, active: true, upcomingSuspensions: [] });
    });
  });
}
