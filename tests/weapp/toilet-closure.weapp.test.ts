import type { NearbyToiletsResponse } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import { HERE, NEARBY_TOILETS, stubApi, TOILET_DETAIL } from "./fixtures";
import type { RequestHandler } from "./harness/fake-wx";
import { findByClass, findOneByClass, type WxmlElement } from "./harness/wxml";

/*
 * A toilet an admin closed for a while, as WeChat renders it: the finder's list and the detail page show
 * 暂停开放 · 至12月10日 and the reason (the stubbed API answers the first toilet closed until 2026-12-10).
 */

const closure = { until: "2026-12-10", reason: "管道维修" };

const closedFirst: RequestHandler = (req) => {
  const path = new URL(req.url, "https://api.test").pathname;
  const json = (data: unknown) => ({ statusCode: 200, data, header: { "content-type": "application/json" } });
  if (path.endsWith("/api/v1/toilets/nearby")) {
    const toilets = NEARBY_TOILETS.map((t, i) => (i === 0 ? { ...t, openNow: "closed" as const, temporaryClosure: closure } : t));
    const body: NearbyToiletsResponse = { toilets, center: { lat: HERE.latitude, lng: HERE.longitude }, radius: 1000 };
    return json(body);
  }
  if (path.endsWith(`/api/v1/toilets/${TOILET_DETAIL.id}`)) return json({ ...TOILET_DETAIL, openNow: "closed", temporaryClosure: closure });
  return stubApi()(req);
};

describe("weapp: a temporarily closed toilet", () => {
  it("the finder's list shows 暂停开放 · 至12月10日 and the reason on that toilet, its badge closed", async () => {
    const mp = await bootWeapp({ onRequest: closedFirst });
    const page = await mp.openPage("pages/toilets/index");
    page.tap(findOneByClass(page.render(), "find-toilets"));
    const tree = await page.waitFor((t: WxmlElement) => findByClass(t, "toilet-item").length === 3 && t, "the toilet list");
    expect(textsOf(tree, "closure-badge")).toEqual(["暂停开放 · 至12月10日"]);
    expect(textsOf(tree, "closure-reason")).toEqual(["管道维修"]);
    const [firstItem] = findByClass(tree, "toilet-item");
    expect(textsOf(firstItem as WxmlElement, "open-badge")).toEqual(["已关闭"]);
    expect(textsOf(firstItem as WxmlElement, "closure-badge")).toHaveLength(1);
    expect(mp.errors).toEqual([]);
  });

  it("the detail page shows the closure with its reason", async () => {
    const mp = await bootWeapp({ onRequest: closedFirst });
    const page = await mp.openUrl(`/pages/toilets/detail?id=${TOILET_DETAIL.id}`);
    const tree = await page.waitFor((t: WxmlElement) => findByClass(t, "toilet-detail").length > 0 && t, "the detail");
    expect(textsOf(tree, "closure-badge")).toEqual(["暂停开放 · 至12月10日"]);
    expect(textsOf(tree, "closure-reason")).toEqual(["管道维修"]);
    expect(mp.errors).toEqual([]);
  });
});
