import {
  addCityDays,
  CollectorCompleteRequest,
  CollectorJob,
  CollectorRoute,
  cityClock,
  PickupItemList,
  SessionResponse,
  User,
} from "@civic/shared";
import { afterEach, describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import { stubApi } from "./fixtures";
import type { RequestHandler, WxRequest, WxResponse } from "./harness/fake-wx";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";

/*
 * The collector's day in the built weapp (packages/collector) against a fake API: accept an open job, see
 * the day's route with 拨打电话 and navigation, then arrive and complete a held job with a photo and the
 * weight of its recyclable item. Fixtures go through the shared schemas.
 */
const COLLECTOR = User.parse({
  id: "0190a1b2-0000-7000-8000-0000000000c7",
  nickname: "回收员老王",
  roles: ["resident", "collector"],
  createdAt: "2026-09-01T00:00:00.000Z",
});
const SESSION = SessionResponse.parse({ token: "fake-collector-token", expiresAt: "2099-01-01T00:00:00.000Z", user: COLLECTOR });
const TODAY = cityClock(new Date()).date;
const TOMORROW = addCityDays(TODAY, 1);

const CONTACT = {
  number: "DJ20261202-0007",
  address: "姑苏区观前街 128 号 3 幢",
  location: { lat: 31.3085, lng: 120.6195 },
  placement: "单元楼下垃圾房旁",
  accessNotes: "小区北门进",
  contactPhone: "13800138000",
  onBehalf: null,
};
const job = (over: Partial<CollectorJob>) =>
  CollectorJob.parse({
    id: "job-1",
    status: "booked",
    streetCode: "320508:观前街道",
    date: TOMORROW,
    window: "am",
    items: [
      { code: "fridge", name: "冰箱", qty: 1, recyclable: true },
      { code: "reno_bag", name: "装修垃圾袋", qty: 2, recyclable: false },
    ],
    volumePoints: 5,
    mine: false,
    contact: null,
    version: 1,
    ...over,
  });
const OPEN = job({});
const HELD_TODAY = job({ id: "job-2", date: TODAY, status: "accepted", mine: true, contact: CONTACT, version: 2 });
const ITEMS = PickupItemList.parse({
  items: [
    { code: "fridge", name: "冰箱", category: "appliance", maxPerBooking: 2, recyclable: true, volumePoints: 3, note: null, active: true },
  ],
});

const json = (statusCode: number, data: unknown): WxResponse => ({ statusCode, data, header: { "content-type": "application/json" } });

/** The collector API as a tiny in-memory server: one open job, one held today. */
function collectorApi(): RequestHandler {
  const fallback = stubApi();
  let open = OPEN;
  let held = HELD_TODAY;
  return (req: WxRequest) => {
    const url = new URL(req.url, "https://api.test");
    const path = url.pathname;
    if (path.endsWith("/api/v1/me")) return json(200, COLLECTOR);
    if (path.endsWith("/api/v1/pickups/items")) return json(200, ITEMS);
    if (path.endsWith("/api/v1/collector/jobs") && req.method === "GET") {
      const date = url.searchParams.get("date");
      const jobs = [open, held].filter((j) => !date || j.date === date);
      return json(200, { jobs, from: TODAY, to: addCityDays(TODAY, 28) });
    }
    if (path.endsWith("/api/v1/collector/route")) {
      const stops = [held].filter((j) => j.date === url.searchParams.get("date"));
      const start = url.searchParams.get("lat")
        ? { lat: Number(url.searchParams.get("lat")), lng: Number(url.searchParams.get("lng")) }
        : null;
      return json(
        200,
        CollectorRoute.parse({
          date: url.searchParams.get("date"),
          method: "nearest-neighbour",
          start,
          stops: stops.map((j, i) => ({ order: i + 1, legMeters: 820, job: j })),
          totalMeters: 820 * stops.length,
        }),
      );
    }
    const action = /\/api\/v1\/collector\/jobs\/([^/]+)\/(\w+)$/.exec(path);
    if (action && req.method === "POST") {
      const [, id, verb] = action;
      if (id === open.id && verb === "accept") {
        open = { ...open, status: "accepted", mine: true, contact: CONTACT, version: 2 };
        return json(200, open);
      }
      if (id === held.id && verb === "arrive") {
        held = { ...held, status: "arrived", version: held.version + 1 };
        return json(200, held);
      }
      if (id === held.id && verb === "complete") {
        CollectorCompleteRequest.parse(req.data);
        held = { ...held, status: "completed", version: held.version + 1 };
        return json(200, held);
      }
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

describe("weapp: the collector's day (packages/collector)", () => {
  it("is a subpackage of its own with its four pages", async () => {
    const mp = await bootWeapp({ onRequest: collectorApi() });
    current = mp;
    const subs = (mp.appConfigJson.subPackages ?? mp.appConfigJson.subpackages) as { root: string; pages: string[] }[];
    const collector = subs.find((s) => s.root.replace(/\/$/, "") === "packages/collector");
    expect(collector?.pages).toEqual(["jobs/index", "day/index", "job/index", "weigh/index"]);
    expect(mp.appConfigJson.pages as string[]).not.toContain("packages/collector/jobs/index");
  });

  it("lists jobs without contact details and accepts one", async () => {
    const mp = await bootWeapp({ onRequest: collectorApi(), storage: { "civic.session": SESSION } });
    current = mp;
    const page = await mp.openPage("packages/collector/jobs/index");
    let tree = await page.waitFor(has("job-card--open"), "the open job");
    const open = findOneByClass(tree, "job-card--open");
    expect(textOf(open)).toContain("观前街道");
    expect(textOf(open)).toContain("冰箱×1、装修垃圾袋×2");
    expect(textOf(open)).not.toContain(CONTACT.address);
    expect(textOf(open)).not.toContain(CONTACT.contactPhone);
    expect(textsOf(tree, "job-badge--mine")).toEqual(["我的任务"]);
    page.tap(findOneByClass(open, "job-accept"));
    tree = await page.waitFor((t) => findByClass(t, "job-card--mine").length === 2 && t, "the accepted job");
    expect(mp.fake.requests.some((r) => r.method === "POST" && r.url.endsWith("/api/v1/collector/jobs/job-1/accept"))).toBe(true);
    expect(textsOf(tree, "job-card__address")).toContain(CONTACT.address);
  });

  it("shows the day's route from the phone's position, calls and navigates", async () => {
    const mp = await bootWeapp({ onRequest: collectorApi(), storage: { "civic.session": SESSION } });
    current = mp;
    const page = await mp.openPage("packages/collector/day/index", { date: TODAY });
    const tree = await page.waitFor(has("route-stop"), "the route");
    const routeReq = mp.fake.requests.find((r) => r.url.includes("/api/v1/collector/route"));
    const q = new URL(routeReq?.url ?? "", "https://api.test").searchParams;
    expect(q.get("date")).toBe(TODAY);
    expect(q.get("lat")).not.toBeNull();
    expect(textsOf(tree, "route-stop__order")).toEqual(["1"]);
    expect(textsOf(tree, "route-stop__leg")).toEqual(["距上一站 820 米"]);
    expect(textsOf(tree, "job-contact__address")).toEqual([CONTACT.address]);
    page.tap(findOneByClass(tree, "job-call"));
    await page.waitFor(() => mp.fake.callsOf("makePhoneCall").length > 0, "the phone call");
    expect(mp.fake.callsOf("makePhoneCall")[0]).toMatchObject({ phoneNumber: CONTACT.contactPhone });
    page.tap(findOneByClass(tree, "navigate-button"));
    await page.waitFor(() => mp.fake.callsOf("openLocation").length > 0, "the navigation");
    expect(mp.fake.callsOf("openLocation")[0]).toMatchObject({ latitude: CONTACT.location.lat, longitude: CONTACT.location.lng });
  });

  it("arrives and completes a held job with a photo and the weight of its recyclable item", async () => {
    const mp = await bootWeapp({ onRequest: collectorApi(), storage: { "civic.session": SESSION }, media: ["wxfile://tmp/proof.jpg"] });
    current = mp;
    const page = await mp.openPage("packages/collector/job/index", { id: HELD_TODAY.id, date: TODAY });
    let tree = await page.waitFor(has("job-arrive"), "the held job");
    page.tap(findOneByClass(tree, "job-arrive"));
    tree = await page.waitFor((t) => findByClass(t, "job-arrive").length === 0 && has("job-complete")(t), "arrived");
    page.tap(findOneByClass(tree, "job-complete"));
    tree = await page.waitFor(has("complete-form"), "the completion form");
    page.tap(findOneByClass(tree, "job-add-photo"));
    tree = await page.waitFor(has("job-photo--done"), "the uploaded photo");
    page.tap(findOneByClass(tree, "complete-submit"));
    tree = await page.waitFor(has("field-error-kg-fridge"), "the missing weight");
    expect(mp.fake.requests.some((r) => r.url.endsWith("/complete"))).toBe(false);
    page.trigger(findOneByClass(tree, "taken-kg"), "input", { value: "42" });
    tree = await page.waitFor((t) => String(findOneByClass(t, "taken-kg").attr.value) === "42" && t, "the typed weight");
    page.tap(findOneByClass(tree, "complete-submit"));
    await page.waitFor(has("job-done"), "the completed job");
    const post = mp.fake.requests.find((r) => r.method === "POST" && r.url.endsWith("/api/v1/collector/jobs/job-2/complete"));
    expect(CollectorCompleteRequest.parse(post?.data)).toEqual({
      taken: [
        { code: "fridge", qty: 1, kg: 42 },
        { code: "reno_bag", qty: 2 },
      ],
      photoIds: ["upload-proof.jpg"],
    });
  });
});
