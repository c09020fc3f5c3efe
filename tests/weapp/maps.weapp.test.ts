import { existsSync } from "node:fs";
import { join } from "node:path";
import { PublicReportsResponse } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import { NEARBY_TOILETS } from "./fixtures";
import type { MiniProgram } from "./harness/mini-runtime";
import { findByClass, findOneByClass, type WxmlElement } from "./harness/wxml";
import { json, routes } from "./report-fixtures";

/*
 * The one map component in the built weapp: WeChat's native <map> with our clusters. Nearby markers join
 * into one labelled with its count, a tap on it zooms in, markers take their status colour (icon files in
 * the package), and a tap on a marker opens its toilet or report.
 */

interface NativeMarker {
  id: number;
  latitude: number;
  longitude: number;
  title: string;
  iconPath: string;
  label?: { content: string };
}

const markersOf = (map: WxmlElement) => map.attr.markers as NativeMarker[];
const nativeMap = (t: WxmlElement) => findByClass(t, "native-map").length > 0 && t;

describe("weapp: the toilet finder's map clusters markers", () => {
  it("joins the two toilets 200 m apart at the 3 km scale, labelled 2, and a tap on it zooms in until they stand apart", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/toilets/index");
    page.tap(findOneByClass(page.render(), "find-toilets"));
    const list = await page.waitFor((t) => findByClass(t, "toilet-item").length === 3 && t, "the toilet list");
    page.tap(findOneByClass(list, "radius-3000"));
    await page.waitFor(() => mp.fake.requests.some((r) => r.url.includes("radius=3000")) && true, "the 3 km search");
    const listed = await page.waitFor((t) => findByClass(t, "toilet-item").length === 3 && t, "the 3 km list");
    page.tap(findOneByClass(listed, "view-map"));
    const tree = await page.waitFor(nativeMap, "the map");

    const map = findOneByClass(tree, "native-map");
    expect(map.tag).toBe("wx-map");
    expect(map.attr.scale).toBe(13);
    const markers = markersOf(map);
    const cluster = markers.find((m) => m.label?.content === "2");
    expect(cluster?.title).toBe("此处2个");
    expect(markers.filter((m) => !m.label).map((m) => m.title)).toEqual([NEARBY_TOILETS[2]?.name]);
    for (const m of markers) expect(existsSync(join(mp.distDir, m.iconPath)), m.iconPath).toBe(true);

    page.trigger(map, "markertap", { markerId: cluster?.id });
    const zoomed = await page.waitFor((t) => {
      const m = findByClass(t, "native-map")[0];
      return m && Number(m.attr.scale) > 13 && t;
    }, "the zoomed-in map");
    const apart = markersOf(findOneByClass(zoomed, "native-map"));
    expect(apart.map((m) => m.title)).toEqual(expect.arrayContaining([NEARBY_TOILETS[0]?.name, NEARBY_TOILETS[1]?.name]));
    expect(navigateUrls(mp)).toEqual([]);

    const second = apart.find((m) => m.title === NEARBY_TOILETS[1]?.name) as NativeMarker;
    page.trigger(findOneByClass(zoomed, "native-map"), "markertap", { markerId: second.id });
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual([`/pages/toilets/detail?id=${NEARBY_TOILETS[1]?.id}`]);
    expect(mp.errors).toEqual([]);
  });
});

/** Two reports on one coarsened spot (no zoom separates them) and one 600 m east, in hand (blue). */
const SPOT = { lat: 31.302, lng: 120.6205 };
const report = (id: string, categoryName: string, status: string, location: { lat: number; lng: number }) => ({
  id,
  categoryCode: "illegal_posters",
  categoryName,
  status,
  description: `${categoryName}的描述`,
  location,
  district: "姑苏区",
  photoUrls: [],
  followers: 1,
  createdAt: "2026-11-25T02:30:00.000Z",
});
const PUBLIC = PublicReportsResponse.parse({
  reports: [
    report("rep-spot-1", "乱贴小广告", "accepted", SPOT),
    report("rep-spot-2", "占道经营", "resolved", SPOT),
    report("rep-east", "路灯损坏", "dispatched", { lat: 31.302, lng: 120.6268 }),
  ],
});

async function openReportsMap(): Promise<{
  mp: MiniProgram;
  map: WxmlElement;
  tree: WxmlElement;
  page: Awaited<ReturnType<MiniProgram["openPage"]>>;
}> {
  const mp = await bootWeapp({ onRequest: routes({ "GET /api/v1/reports/public": json(200, PUBLIC) }) });
  const page = await mp.openPage("pages/reports/map");
  page.tap(findOneByClass(page.render(), "district-gusu"));
  const tree = await page.waitFor(nativeMap, "the reports map");
  return { mp, page, tree, map: findOneByClass(tree, "native-map") };
}

describe("weapp: the public reports map (身边的上报)", () => {
  it("draws each report in its status colour, and stacks reports on one coarsened spot under one marker", async () => {
    const { mp, map } = await openReportsMap();
    expect(map.attr.class).toContain("report-map");
    const markers = markersOf(map);
    expect(markers).toHaveLength(2);
    const single = markers.find((m) => !m.label) as NativeMarker;
    expect(single.title).toBe("路灯损坏（处置中）");
    expect(single.iconPath).toBe("/assets/marker-blue.png");
    expect(markers.find((m) => m.label)?.label?.content).toBe("2");
    for (const m of markers) expect(existsSync(join(mp.distDir, m.iconPath)), m.iconPath).toBe(true);
  });

  it("lists the stacked reports when their marker is tapped, and opens the one chosen", async () => {
    const { mp, page, map } = await openReportsMap();
    const stack = markersOf(map).find((m) => m.label) as NativeMarker;
    page.trigger(map, "markertap", { markerId: stack.id });
    const listed = await page.waitFor((t) => findByClass(t, "map-stack__item").length === 2 && t, "the stacked reports");
    expect(textsOf(listed, "map-stack__item")).toEqual(["乱贴小广告（已立案）", "占道经营（已处理）"]);
    page.tap(findByClass(listed, "map-stack__item")[1] as WxmlElement);
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual(["/pages/reports/detail?id=rep-spot-2"]);
  });

  it("opens a single report from its marker", async () => {
    const { mp, page, map } = await openReportsMap();
    const single = markersOf(map).find((m) => !m.label) as NativeMarker;
    page.trigger(map, "markertap", { markerId: single.id });
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual(["/pages/reports/detail?id=rep-east"]);
    expect(mp.errors).toEqual([]);
  });
});
