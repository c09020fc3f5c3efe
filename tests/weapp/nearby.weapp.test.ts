import { describe, expect, it } from "vitest";
import { samplePlaces } from "../support/sample-places";
import { bootWeapp, navigateUrls, textsOf } from "./boot";
import { HERE, NEARBY_TOILETS } from "./fixtures";
import { findByClass, findOneByClass, textOf, type WxmlElement } from "./harness/wxml";
import { json, routes } from "./report-fixtures";

/*
 * 附近 in the built weapp: one native map of every layer near the resident (toilets, parking, night markets),
 * markers in each place's colour and the zones drawn, and one list nearest first that opens each place.
 */

const centre = { lat: HERE.latitude, lng: HERE.longitude };
const { freshLot, staleLot, openZone } = samplePlaces(centre);

async function openNearby() {
  const mp = await bootWeapp({
    onRequest: routes({
      "GET /api/v1/parking/nearby": json(200, { lots: [freshLot, staleLot], center: centre, radius: 1000, asOf: new Date().toISOString() }),
      "GET /api/v1/night-markets/nearby": json(200, { zones: [openZone], center: centre, radius: 1000 }),
    }),
  });
  const page = await mp.openPage("pages/nearby/index");
  page.tap(findOneByClass(page.render(), "find-toilets"));
  const tree = await page.waitFor((t) => findByClass(t, "nearby-row").length === 3 + NEARBY_TOILETS.length && t, "the layered list");
  return { mp, page, tree };
}

describe("weapp: 附近, one map of everything near me", () => {
  it("lists toilets, lots and tonight's markets with honest live numbers, and draws them on the native map", async () => {
    const { mp, tree } = await openNearby();
    const lines = textsOf(tree, "nearby-row__line");
    expect(lines).toContain("剩余 23 个 · 3 分钟前");
    expect(lines).toContain("余位未知 · 最后上报 2 小时前");
    expect(lines).toContain("还有 2 小时收摊");
    expect(textsOf(tree, "layer-chip")).toEqual(["厕所", "停车", "夜市", "身边的上报"]);
    const map = findOneByClass(tree, "native-map");
    expect(map.tag).toBe("wx-map");
    const markers = map.attr.markers as { title: string; iconPath: string }[];
    expect(markers.find((m) => m.title === "停车 · 察院场停车场")?.iconPath).toBe("/assets/marker-grey.png");
    const circles = (map.attr.circles ?? []) as { latitude: number; longitude: number; radius: number }[];
    expect(circles).toEqual([expect.objectContaining({ latitude: openZone.lat, longitude: openZone.lng, radius: 80 })]);
    expect(mp.errors).toEqual([]);
  });

  it("opens a lot's page from its row", async () => {
    const { mp, page, tree } = await openNearby();
    const row = findByClass(tree, "nearby-row").find((r) => textOf(findOneByClass(r, "nearby-row__name")) === freshLot.name) as WxmlElement;
    page.tap(row);
    await page.waitFor(() => navigateUrls(mp).length > 0, "navigateTo");
    expect(navigateUrls(mp)).toEqual([`/packages/parking/lot/index?id=${freshLot.id}`]);
  });
});
