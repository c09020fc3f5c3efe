import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import { HERE, NEARBY_TOILETS } from "./fixtures";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";

/*
 * The toilet finder as WeChat would run it: the built page under a fake wx, the nearby endpoint stubbed
 * with three toilets, every assertion made on the tree WeChat's own WXML compiler renders from setData.
 */

const hasToiletList = (tree: WxmlElement) => findByClass(tree, "toilet-item").length > 0 && tree;

async function findToiletsNearMe(options: Parameters<typeof bootWeapp>[0] = {}) {
  const mp = await bootWeapp(options);
  const page = await mp.openPage("pages/toilets/index");
  const before = page.render();
  page.tap(findOneByClass(before, "find-toilets"));
  return { mp, page, before };
}

describe("weapp: finding a public toilet", () => {
  it("lists nearby toilets with their names, open-now badges and distances, rendered by WeChat's WXML compiler", async () => {
    const { mp, page } = await findToiletsNearMe();
    const tree = await page.waitFor(hasToiletList, "the toilet list");

    expect(textsOf(tree, "toilet-name")).toEqual(NEARBY_TOILETS.map((t) => t.name));
    expect(textsOf(tree, "open-badge")).toEqual(["营业中", "已关闭", "时间未知"]);
    expect(textsOf(tree, "toilet-distance")).toEqual(["72米", "268米", "1.5公里"]);
    expect(findByClass(tree, "open-badge--open")).toHaveLength(1);
    expect(textOf(findOneByClass(tree, "result-count"))).toContain("3");
    expect(page.setDataCount()).toBeGreaterThan(1);

    const nearby = mp.fake.requests.filter((r) => r.url.includes("/api/v1/toilets/nearby"));
    expect(nearby).toHaveLength(1);
    expect(nearby[0]?.url).toContain(`lat=${HERE.latitude.toFixed(6)}`);
    expect(nearby[0]?.url).toContain(`lng=${HERE.longitude.toFixed(6)}`);
    expect(mp.errors).toEqual([]);
  });

  it("asks for the location only when the user taps, after the privacy consent, in GCJ-02", async () => {
    const mp = await bootWeapp({ needPrivacyAuthorization: true });
    const page = await mp.openPage("pages/toilets/index");
    expect(mp.fake.callsOf("getLocation")).toHaveLength(0);
    expect(mp.fake.requests).toHaveLength(0);

    page.tap(findOneByClass(page.render(), "find-toilets"));
    await page.waitFor(hasToiletList, "the toilet list");

    const order = mp.fake.calls
      .map((c) => c.api)
      .filter((a) => ["getPrivacySetting", "showModal", "requirePrivacyAuthorize", "getLocation", "request"].includes(a));
    expect(order).toEqual(["getPrivacySetting", "showModal", "requirePrivacyAuthorize", "getLocation", "request"]);
    expect(mp.fake.callsOf("getLocation")[0]).toMatchObject({ type: "gcj02" });
  });

  it("never asks for the location when the user declines the privacy notice, and offers districts instead", async () => {
    const mp = await bootWeapp({ needPrivacyAuthorization: true, modalConfirm: false });
    const page = await mp.openPage("pages/toilets/index");
    page.tap(findOneByClass(page.render(), "find-toilets"));
    const tree = await page.waitFor((t) => findByClass(t, "locate-message").length > 0 && t, "the declined message");

    expect(mp.fake.callsOf("getLocation")).toHaveLength(0);
    expect(mp.fake.requests).toHaveLength(0);
    expect(findByClass(tree, "district-item").length).toBeGreaterThan(0);
  });

  it("shows only accessible toilets once the 无障碍 filter is on", async () => {
    const { mp, page } = await findToiletsNearMe();
    const all = await page.waitFor(hasToiletList, "the toilet list");
    page.tap(findOneByClass(all, "filter-accessible"));

    const filtered = await page.waitFor(
      (t) =>
        findByClass(t, "filter-accessible").some((el) => String(el.attr.class).includes("is-active")) &&
        findByClass(t, "toilet-item").length === 2 &&
        t,
      "the accessible-only list",
    );
    const items = findByClass(filtered, "toilet-item");
    for (const item of items) expect(findByClass(item, "tag-accessible"), textOf(item)).toHaveLength(1);
    expect(mp.fake.requests.at(-1)?.url).toContain("accessible=true");
  });

  it("opens a toilet's detail page from the list", async () => {
    const { mp, page } = await findToiletsNearMe();
    const tree = await page.waitFor(hasToiletList, "the toilet list");
    page.tap(findByClass(tree, "toilet-item")[1] as WxmlElement);
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual([`/pages/toilets/detail?id=${NEARBY_TOILETS[1]?.id}`]);
  });
});

describe("weapp: the finder's map view", () => {
  it("puts one marker per toilet on WeChat's native map, centred on the user, and a marker tap opens the toilet", async () => {
    const { mp, page } = await findToiletsNearMe();
    const list = await page.waitFor(hasToiletList, "the toilet list");
    page.tap(findOneByClass(list, "view-map"));
    const tree = await page.waitFor((t) => findByClass(t, "native-map").length > 0 && t, "the map");

    const map = findOneByClass(tree, "native-map");
    expect(map.tag).toBe("wx-map");
    expect(map.attr).toMatchObject({ latitude: HERE.latitude, longitude: HERE.longitude });
    const markers = map.attr.markers as { latitude: number; longitude: number; title: string; iconPath: string }[];
    expect(markers.map((m) => m.title)).toEqual(NEARBY_TOILETS.map((t) => t.name));
    expect(markers.map((m) => [m.latitude, m.longitude])).toEqual(NEARBY_TOILETS.map((t) => [t.lat, t.lng]));
    for (const m of markers) expect(existsSync(join(mp.distDir, m.iconPath)), m.iconPath).toBe(true);

    page.trigger(map, "markertap", { markerId: 2 });
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual([`/pages/toilets/detail?id=${NEARBY_TOILETS[2]?.id}`]);
  });
});
