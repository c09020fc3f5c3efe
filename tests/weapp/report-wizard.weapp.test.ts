import { CreateReportRequest, SessionResponse } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { POSTERS, sampleReportDetail, VENDING } from "../support/sample-reports";
import { bootWeapp } from "./boot";
import { HERE, RESIDENT, stubApi } from "./fixtures";
import type { RequestHandler, WxRequest } from "./harness/fake-wx";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";

/*
 * 随手拍 as WeChat would run it: the built wizard under the fake wx, rendered by WeChat's WXML compiler.
 * A signed-in resident picks a category, adds a photo (chooseMedia + uploadFile), takes the current
 * position, types a description, sees no duplicates and submits.
 */
const SESSION = SessionResponse.parse({ token: "fake-session-token", expiresAt: "2099-01-01T00:00:00.000Z", user: RESIDENT });

const CATEGORY = POSTERS;
const OTHER = VENDING;

const CREATED = sampleReportDetail({
  description: "电线杆上贴满了小广告",
  address: "观前街 128 号",
  location: { lat: HERE.latitude, lng: HERE.longitude },
  photos: [],
  createdAt: "2026-11-26T02:00:00.000Z",
  updatedAt: "2026-11-26T02:00:00.000Z",
  timeline: [],
});

const json = (statusCode: number, data: unknown) => ({ statusCode, data, header: { "content-type": "application/json" } });

function reportsApi(): RequestHandler {
  const fallback = stubApi();
  return (req: WxRequest) => {
    const path = new URL(req.url, "https://api.test").pathname;
    if (path.endsWith("/api/v1/report-categories")) return json(200, { categories: [OTHER, CATEGORY] });
    if (path.endsWith("/api/v1/reports/duplicates")) return json(200, { candidates: [] });
    if (path.endsWith("/api/v1/reports") && req.method === "POST") return json(201, CREATED);
    return fallback(req);
  };
}

const has = (cls: string) => (t: WxmlElement) => findByClass(t, cls).length > 0 && t;

describe("weapp: 随手拍 report wizard", () => {
  it("files a report with a photo and the current position, asking for the status subscription at the submit tap", async () => {
    const mp = await bootWeapp({ onRequest: reportsApi(), storage: { "civic.session": SESSION }, media: ["wxfile://tmp/poster.jpg"] });
    const page = await mp.openPage("packages/reports/new/index");

    let tree = await page.waitFor(has("category-item"), "the category list");
    const item = findByClass(tree, "category-item").find((el) => textOf(el).includes("乱贴小广告"));
    expect(item, "the 乱贴小广告 tile").toBeDefined();
    page.tap(item as WxmlElement);

    tree = await page.waitFor(has("photo-add"), "the photo step");
    page.tap(findOneByClass(tree, "photo-add"));
    tree = await page.waitFor(has("photo-item--done"), "the uploaded photo");
    const upload = mp.fake.callsOf("uploadFile")[0] as { url: string; name: string; filePath: string; header: Record<string, string> };
    expect(upload).toMatchObject({ name: "file", filePath: "wxfile://tmp/poster.jpg" });
    expect(upload.url).toMatch(/\/api\/v1\/uploads$/);
    expect(upload.header.Authorization).toBe("Bearer fake-session-token");
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("locate-me"), "the location step");
    expect(mp.fake.callsOf("getLocation")).toHaveLength(0);
    page.tap(findOneByClass(tree, "locate-me"));
    tree = await page.waitFor(has("location-summary"), "the located point");
    expect(mp.fake.callsOf("getLocation")[0]).toMatchObject({ type: "gcj02" });
    page.trigger(findOneByClass(tree, "address-input"), "input", { value: "观前街 128 号" });
    page.tap(findOneByClass(page.render(), "wizard-next"));

    tree = await page.waitFor(has("description-input"), "the description step");
    page.trigger(findOneByClass(tree, "description-input"), "input", { value: "电线杆上贴满了小广告" });
    tree = await page.waitFor((t) => textOf(findOneByClass(t, "description-count")).includes("10/1000") && t, "the counter");
    page.tap(findOneByClass(tree, "wizard-next"));

    tree = await page.waitFor(has("no-duplicates"), "the empty duplicates check");
    expect(mp.fake.requests.some((r) => r.url.includes("/api/v1/reports/duplicates?category=illegal_posters"))).toBe(true);
    expect(mp.fake.callsOf("requestSubscribeMessage")).toHaveLength(0);

    page.tap(findOneByClass(tree, "report-submit"));
    await page.waitFor(() => mp.fake.callsOf("redirectTo").length > 0, "the redirect to the detail");

    expect(mp.fake.callsOf("requestSubscribeMessage")).toHaveLength(1);
    expect(mp.fake.callsOf("requestSubscribeMessage")[0]).toMatchObject({ tmplIds: ["civic-report-status"] });
    const order = mp.fake.calls.map((c) => c.api).filter((a) => a === "requestSubscribeMessage" || a === "request");
    expect(order.slice(-2)).toEqual(["requestSubscribeMessage", "request"]);

    const post = mp.fake.requests.find((r) => r.method === "POST" && r.url.endsWith("/api/v1/reports"));
    expect(post?.header["Idempotency-Key"]).toMatch(/^[\w-]{8,64}$/);
    expect(CreateReportRequest.parse(post?.data)).toEqual({
      category: "illegal_posters",
      description: "电线杆上贴满了小广告",
      photoIds: ["upload-poster.jpg"],
      location: { lat: HERE.latitude, lng: HERE.longitude },
      locationSource: "gps",
      address: "观前街 128 号",
      attributes: {},
      subscriptions: ["civic-report-status"],
    });
    // The report's page opens with its receipt (case number, due time, what happens next).
    expect(mp.fake.callsOf("redirectTo")).toEqual([expect.objectContaining({ url: `/pages/reports/detail?id=${CREATED.id}&receipt=1` })]);
    // WeChat's leave dialog guarded the input, and was switched off before leaving for the report.
    expect(mp.fake.callsOf("enableAlertBeforeUnload").length).toBeGreaterThan(0);
    expect(mp.fake.callsOf("disableAlertBeforeUnload").length).toBeGreaterThan(0);
    expect(mp.errors).toEqual([]);
    expect([...mp.fake.missing]).toEqual([]);
  });
});
