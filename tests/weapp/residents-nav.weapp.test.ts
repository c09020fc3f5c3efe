import { describe, expect, it } from "vitest";
import { bootWeapp } from "./boot";
import { TOILET_DETAIL } from "./fixtures";
import { findByClass, findOneByClass } from "./harness/wxml";

/*
 * The weapp side of issue 8's residents' navigation: WeChat draws its own bar, so no H5 header; 导航前往
 * is WeChat's map, not the browser's sheet; 停车 on the home page opens the parking finder.
 */
describe("weapp: residents' navigation", () => {
  it("a toilet's detail has no H5 header and no map-app sheet (WeChat's bar and map do that)", async () => {
    const mp = await bootWeapp();
    const page = await mp.openUrl(`/pages/toilets/detail?id=${TOILET_DETAIL.id}`);
    const tree = await page.waitFor((t) => findByClass(t, "navigate-button").length > 0 && t, "the navigate button");
    expect(findByClass(tree, "nav-header")).toHaveLength(0);
    page.tap(findOneByClass(tree, "navigate-button"));
    await page.waitFor(() => mp.fake.callsOf("openLocation").length > 0, "openLocation");
    expect(findByClass(page.render(), "navigate-sheet")).toHaveLength(0);
    expect(mp.errors).toEqual([]);
  });

  it("a tap on 停车 opens the parking finder, whose page comes from its own subpackage", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/index/index");
    const tree = await page.waitFor((t) => findByClass(t, "service-tile").length > 0 && t, "the service grid");
    page.tap(findOneByClass(tree, "service-parking"));
    await page.waitFor(() => mp.fake.callsOf("navigateTo").length > 0, "navigateTo");
    expect(mp.fake.callsOf("showModal")).toHaveLength(0);
    const finder = await mp.openUrl("/packages/parking/finder/index");
    await finder.waitFor((t) => findByClass(t, "find-toilets").length > 0 && t, "the parking finder's place picker");
    expect(mp.errors).toEqual([]);
  });
});
