import { WEEKDAY_NAMES_ZH } from "@civic/shared";
import { describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import { DETAIL_DAY_TEXTS, TOILET_DETAIL } from "./fixtures";
import { findByClass, findOneByClass, textOf } from "./harness/wxml";

describe("weapp: a toilet's detail page", () => {
  it("shows its name, facilities and the hours of each day of the week", async () => {
    const mp = await bootWeapp();
    const page = await mp.openUrl(`/pages/toilets/detail?id=${TOILET_DETAIL.id}`);
    const tree = await page.waitFor((t) => findByClass(t, "toilet-hours-day").length === 7 && t, "the hours table");

    expect(textOf(findOneByClass(tree, "toilet-detail__name"))).toBe(TOILET_DETAIL.name);
    expect(textsOf(tree, "hours-weekday").map((d) => d.replace("（今天）", ""))).toEqual([...WEEKDAY_NAMES_ZH]);
    expect(textsOf(tree, "hours-text")).toEqual(DETAIL_DAY_TEXTS);
    expect(DETAIL_DAY_TEXTS).toEqual(["06:00–22:00", "06:00–22:00", "06:00–22:00", "06:00–22:00", "06:00–22:00", "08:00–20:00", "休息"]);
    expect(findByClass(tree, "is-today")).toHaveLength(1);
    expect(textOf(findOneByClass(tree, "toilet-stalls"))).toContain("12");
    expect(findByClass(tree, "tag-accessible")).toHaveLength(1);
    expect(mp.fake.requests.map((r) => r.url)).toEqual([expect.stringContaining(`/api/v1/toilets/${TOILET_DETAIL.id}`)]);
    expect(mp.errors).toEqual([]);
  });

  it("navigates with WeChat's map at the toilet's GCJ-02 position", async () => {
    const mp = await bootWeapp();
    const page = await mp.openUrl(`/pages/toilets/detail?id=${TOILET_DETAIL.id}`);
    const tree = await page.waitFor((t) => findByClass(t, "navigate-button").length > 0 && t, "the navigate button");
    page.tap(findOneByClass(tree, "navigate-button"));
    await page.waitFor(() => mp.fake.callsOf("openLocation").length > 0, "openLocation");
    expect(mp.fake.callsOf("openLocation")[0]).toMatchObject({
      latitude: TOILET_DETAIL.lat,
      longitude: TOILET_DETAIL.lng,
      name: TOILET_DETAIL.name,
    });
  });

  it("says so when the toilet does not exist", async () => {
    const mp = await bootWeapp();
    const page = await mp.openUrl("/pages/toilets/detail?id=no-such-toilet");
    const tree = await page.waitFor((t) => findByClass(t, "state-error").length > 0 && t, "the error state");
    expect(textOf(findOneByClass(tree, "error-message")).length).toBeGreaterThan(0);
    expect(findByClass(tree, "toilet-hours")).toHaveLength(0);
  });
});
