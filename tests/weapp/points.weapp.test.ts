import { PointsSummary, ResidentCode, SessionResponse, User, WeighIn, WeighInRequest } from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import { stubApi } from "./fixtures";
import type { RequestHandler, WxRequest, WxResponse } from "./harness/fake-wx";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";

/*
 * 我的积分 in the built weapp (packages/points) against a fake API: the hub with the balance, the code page
 * drawing a QR grid with the household label, and the collector's 扫码称重 (packages/collector) scanning
 * the code with wx.scanCode and crediting a weigh-in.
 */
const USER = User.parse({
  id: "0190a1b2-0000-7000-8000-0000000000d1",
  nickname: "回收员老王",
  roles: ["resident", "collector"],
  createdAt: "2026-09-01T00:00:00.000Z",
});
const SESSION = SessionResponse.parse({ token: "fake-points-token", expiresAt: "2099-01-01T00:00:00.000Z", user: USER });
const CODE = "civic-pts:1.abcdefghijklmnopqrstuv.1999999999.c2lnbmF0dXJl";

const json = (statusCode: number, data: unknown): WxResponse => ({ statusCode, data, header: { "content-type": "application/json" } });

function pointsApi(): RequestHandler {
  const fallback = stubApi();
  return (req: WxRequest) => {
    const path = new URL(req.url, "https://api.test").pathname;
    if (path.endsWith("/api/v1/me")) return json(200, USER);
    if (path.endsWith("/api/v1/points/me"))
      return json(
        200,
        PointsSummary.parse({
          balance: 256,
          expiringSoon: 0,
          expiringBefore: "2026-12-31",
          expiryMonths: 24,
          counts: { entries: 3, earned: 256, spent: 0 },
        }),
      );
    if (path.endsWith("/api/v1/points/me/code"))
      return json(
        200,
        ResidentCode.parse({ code: CODE, expiresAt: new Date(Date.now() + 300_000).toISOString(), householdLabel: "住户 STUV" }),
      );
    if (path.endsWith("/api/v1/points/weigh-ins/mine")) return json(200, { date: "2026-12-01", items: [] });
    if (path.endsWith("/api/v1/points/weigh-ins") && req.method === "POST") {
      const body = WeighInRequest.parse(req.data);
      return json(
        201,
        WeighIn.parse({
          id: body.weighInId,
          householdLabel: "住户 STUV",
          where: body.where,
          pointName: null,
          lines: body.lines.map((l) => ({ ...l, pointsPerKg: 2, rateVersion: 1, points: Math.round(l.kg * 2) })),
          ratedPoints: 8,
          points: 8,
          at: new Date().toISOString(),
        }),
      );
    }
    return fallback(req);
  };
}

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

let current: MiniProgram | null = null;
afterEach(() => {
  const mp = current;
  current = null;
  expect(mp?.errors ?? []).toEqual([]);
  expect([...(mp?.fake.missing ?? [])]).toEqual([]);
});

describe("weapp: 我的积分 (packages/points) and 扫码称重", () => {
  it("is a subpackage of its own", async () => {
    const mp = await bootWeapp({ onRequest: pointsApi() });
    current = mp;
    const subs = (mp.appConfigJson.subPackages ?? mp.appConfigJson.subpackages) as { root: string; pages: string[] }[];
    expect(subs.find((s) => s.root.replace(/\/$/, "") === "packages/points")?.pages).toEqual([
      "index/index",
      "history/index",
      "code/index",
    ]);
    expect(subs.find((s) => s.root.replace(/\/$/, "") === "packages/points-admin")?.pages).toEqual([
      "rates/index",
      "caps/index",
      "flags/index",
    ]);
  });

  it("shows the balance on the hub and opens the code", async () => {
    const mp = await bootWeapp({ onRequest: pointsApi(), storage: { "civic.session": SESSION } });
    current = mp;
    const page = await mp.openPage("packages/points/index/index");
    const tree = await page.waitFor(has("points-balance__value"), "the balance");
    expect(textsOf(tree, "points-balance__value")).toEqual(["256"]);
    page.tap(findOneByClass(tree, "points-code-button"));
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual(["/packages/points/code/index"]);
  });

  it("draws the code as a QR grid with the household label", async () => {
    const mp = await bootWeapp({ onRequest: pointsApi(), storage: { "civic.session": SESSION } });
    current = mp;
    const page = await mp.openPage("packages/points/code/index");
    const tree = await page.waitFor(has("qr-grid"), "the QR code");
    expect(textsOf(tree, "points-code__label")).toEqual(["住户 STUV"]);
    expect(findByClass(tree, "qr-grid__row").length).toBeGreaterThanOrEqual(21);
    expect(findByClass(tree, "is-dark").length).toBeGreaterThan(50);
  });

  it("scans the code with wx.scanCode and credits a weigh-in", async () => {
    const mp = await bootWeapp({ onRequest: pointsApi(), storage: { "civic.session": SESSION }, scans: [{ result: CODE }] });
    current = mp;
    const page = await mp.openPage("packages/collector/weigh/index");
    let tree = await page.waitFor(has("weigh-scan"), "the scan button");
    page.tap(findOneByClass(tree, "weigh-scan"));
    await page.waitFor(() => mp.fake.callsOf("scanCode").length > 0, "the scan");
    tree = await page.waitFor((t) => textOf(findOneByClass(t, "weigh-scan")).includes("已扫码") && t, "the scanned code");
    page.trigger(findOneByClass(findOneByClass(tree, "weigh-line-paper"), "weigh-line__kg"), "input", { value: "4" });
    tree = await page.waitFor(
      (t) => String(findOneByClass(findOneByClass(t, "weigh-line-paper"), "weigh-line__kg").attr.value) === "4" && t,
      "the typed weight",
    );
    page.tap(findOneByClass(tree, "weigh-submit"));
    tree = await page.waitFor(has("weigh-result__points"), "the credited points");
    expect(textsOf(tree, "weigh-result__points")[0]).toContain("获得 8 积分");
    const post = mp.fake.requests.find((r) => r.method === "POST" && r.url.endsWith("/api/v1/points/weigh-ins"));
    expect(WeighInRequest.parse(post?.data)).toMatchObject({ code: CODE, lines: [{ class: "paper", kg: 4 }], where: "doorstep" });
  });
});
