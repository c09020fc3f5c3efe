import { SessionResponse, User } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { adminZoneOf, detailOf, OPENS_LATER, SHILU, summaryOf, ZONE_ID } from "../miniapp/market-fixtures";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, type WxmlElement } from "./harness/wxml";
import { json, RESIDENT_SESSION, routes } from "./report-fixtures";

/*
 * 夜市摊位 in the built weapp: packages/night-markets (list with the zones on WeChat's native map as
 * polygons and circles, a zone's page) and packages/markets-admin (the zones list and a zone's form).
 */

const ADMIN_SESSION = SessionResponse.parse({
  token: "fake-admin-token",
  expiresAt: "2099-01-01T00:00:00.000Z",
  user: User.parse({
    id: "0190a1b2-0000-7000-8000-0000000000cc",
    nickname: "系统管理员",
    roles: ["resident", "admin"],
    createdAt: "2026-09-01T00:00:00.000Z",
  }),
});

const has =
  (cls: string, n = 1) =>
  (t: WxmlElement) =>
    findByClass(t, cls).length >= n && t;

const ZONES = [
  summaryOf(),
  summaryOf({
    id: "z2",
    name: "山塘便民点",
    kind: "vending_point",
    status: OPENS_LATER,
    area: { shape: "circle", center: { lat: 31.322, lng: 120.592 }, radiusM: 80 },
  }),
];

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 夜市摊位", () => {
  it("lists zones open tonight, draws them on the native map as a polygon and a circle, and opens a zone's page", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": RESIDENT_SESSION },
      onRequest: routes({
        "GET /api/v1/night-markets/nearby": json(200, { zones: ZONES, center: SHILU, radius: 3000 }),
        [`GET /api/v1/night-markets/${ZONE_ID}`]: json(200, detailOf()),
      }),
    });
    current = mp;
    const page = await mp.openPage("packages/night-markets/list/index");
    page.tap(findOneByClass(page.render(), "find-toilets"));
    const list = await page.waitFor(has("zone-item", 2), "the zones");
    expect(textsOf(list, "zone-time")).toEqual(["还有 2 小时收摊", "19:00 开市"]);
    page.tap(findOneByClass(list, "markets-tab--tonight"));
    await page.waitFor(() => mp.fake.requests.some((r) => r.url.includes("when=tonight")) && true, "the tonight search");
    const listed = await page.waitFor(has("zone-item", 2), "tonight's zones");
    page.tap(findOneByClass(listed, "view-map"));
    const tree = await page.waitFor(has("native-map"), "the map");
    const map = findOneByClass(tree, "native-map");
    expect(map.tag).toBe("wx-map");
    const polygons = map.attr.polygons as { points: { latitude: number; longitude: number }[]; strokeColor: string }[];
    const circles = map.attr.circles as { radius: number; color: string }[];
    expect(polygons).toHaveLength(1);
    expect(polygons[0]?.points).toHaveLength(4);
    expect(polygons[0]?.strokeColor).toBe("#1a7f5a");
    expect(circles).toEqual([expect.objectContaining({ radius: 80, color: "#1f5f9e" })]);
    page.tap(findOneByClass(tree, "zone-item"));
    expect(navigateUrls(mp)).toEqual([`/packages/night-markets/detail/index?id=${ZONE_ID}`]);

    const detail = await mp.openPage("packages/night-markets/detail/index", { id: ZONE_ID });
    const detailTree = await detail.waitFor(has("hours-row", 7), "the hours");
    expect(textsOf(detailTree, "hours-row__time")[4]).toBe("18:00–次日02:00");
    expect(findByClass(detailTree, "zone-subscribe-button")).toHaveLength(1);
    const small = findOneByClass(detailTree, "native-map");
    expect((small.attr.polygons as unknown[]).length).toBe(1);
  });

  it("opens the bureau's zones list and a zone's form for an admin", async () => {
    const mp = await bootWeapp({
      storage: { "civic.session": ADMIN_SESSION },
      onRequest: routes({
        "GET /api/v1/admin/night-markets": json(200, { zones: [adminZoneOf()] }),
        [`GET /api/v1/night-markets/${ZONE_ID}`]: json(200, detailOf()),
      }),
    });
    current = mp;
    const list = await mp.openPage("packages/markets-admin/zones/index");
    const listTree = await list.waitFor(has("admin-zone"), "the zones");
    expect(textsOf(listTree, "admin-zone__name")).toEqual(["石路夜市"]);
    const edit = await mp.openPage("packages/markets-admin/zones/edit", { id: ZONE_ID });
    const form = await edit.waitFor(has("zone-suspensions"), "the zone's form");
    expect(findByClass(form, "zone-window")).toHaveLength(3);
    expect(findByClass(form, "window-midnight")).toHaveLength(2);
    expect((findOneByClass(form, "native-map").attr.polygons as unknown[]).length).toBe(1);
  });
});
