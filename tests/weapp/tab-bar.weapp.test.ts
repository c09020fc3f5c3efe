import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { bootWeapp, textsOf } from "./boot";
import type { ComponentHandle } from "./harness/component";
import { classesOf, findByClass, findOneByClass, type WxmlElement } from "./harness/wxml";

/*
 * Issue 8 (适老化): WeChat's own tab bar has no font size, so the weapp draws a custom one
 * (miniapp/src/custom-tab-bar). Each tab page gets its own bar, which marks that page's tab, and the
 * labels grow with large text like the pages do.
 */
const TABS = [
  { route: "pages/index/index", text: "首页", icon: "tab-home" },
  { route: "pages/nearby/index", text: "附近", icon: "tab-nearby" },
  { route: "pages/me/index", text: "我的", icon: "tab-me" },
];

const barOf = (tabBar: ComponentHandle | null): ComponentHandle => {
  if (!tabBar) throw new Error("the page has no custom tab bar");
  return tabBar;
};
const selectedItems = (tree: WxmlElement) => findByClass(tree, "tab-bar__item--selected");
const iconSrcs = (tree: WxmlElement) => findByClass(tree, "tab-bar__icon").map((el) => String(el.attr.src));

describe("weapp: the custom tab bar", () => {
  it("app.json asks WeChat for the custom bar and still lists the three tabs", async () => {
    const mp = await bootWeapp();
    const tabBar = mp.appConfigJson.tabBar as { custom?: boolean; list: { text: string }[] };
    expect(tabBar.custom).toBe(true);
    expect(tabBar.list.map((t) => t.text)).toEqual(["首页", "附近", "我的"]);
  });

  for (const [index, tab] of TABS.entries()) {
    it(`on ${tab.text}, the bar shows the three tabs with icons and marks ${tab.text}`, async () => {
      const mp = await bootWeapp();
      const page = await mp.openPage(tab.route);
      const bar = barOf(page.tabBar);
      const tree = await bar.waitFor((t) => selectedItems(t).length > 0 && t, `${tab.text} selected`);
      expect(textsOf(tree, "tab-bar__label")).toEqual(["首页", "附近", "我的"]);
      expect(selectedItems(tree)).toHaveLength(1);
      expect(textsOf(tree, "tab-bar__item--selected")).toEqual([tab.text]);
      expect(iconSrcs(tree)).toEqual(TABS.map((t, i) => `/assets/${t.icon}${i === index ? "-active" : ""}.png`));
      expect(mp.errors).toEqual([]);
    });
  }

  it("each tab page keeps its own bar, which marks that page again when it is shown again", async () => {
    const mp = await bootWeapp();
    const home = await mp.openPage("pages/index/index");
    await barOf(home.tabBar).waitFor((t) => textsOf(t, "tab-bar__item--selected")[0] === "首页", "首页 selected");
    home.hide();
    const me = await mp.openPage("pages/me/index");
    expect(me.tabBar).not.toBe(home.tabBar);
    await barOf(me.tabBar).waitFor((t) => textsOf(t, "tab-bar__item--selected")[0] === "我的", "我的 selected");
    me.hide();
    home.show();
    await barOf(home.tabBar).waitFor((t) => textsOf(t, "tab-bar__item--selected")[0] === "首页", "首页 selected again");
    expect(mp.errors).toEqual([]);
  });

  it("pages outside the tab bar get no bar", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/toilets/index");
    expect(page.tabBar).toBeNull();
  });

  it("a tap on another tab switches to it; a tap on the current tab does nothing", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/index/index");
    const bar = barOf(page.tabBar);
    const tree = await bar.waitFor((t) => selectedItems(t).length > 0 && t, "首页 selected");
    const items = findByClass(tree, "tab-bar__item");
    bar.tap(items[0] as WxmlElement);
    bar.tap(items[1] as WxmlElement);
    await page.waitFor(() => mp.fake.callsOf("switchTab").length > 0, "switchTab");
    expect(mp.fake.callsOf("switchTab").map((o) => (o as { url: string }).url)).toEqual(["/pages/nearby/index"]);
  });

  it("turning on large text in 我的 grows the tab bar's labels and icons at once", async () => {
    const mp = await bootWeapp();
    const page = await mp.openPage("pages/me/index");
    const bar = barOf(page.tabBar);
    let tree = await bar.waitFor((t) => selectedItems(t).length > 0 && t, "我的 selected");
    expect(classesOf(findOneByClass(tree, "tab-bar"))).not.toContain("tab-bar--large");

    const pageTree = await page.waitFor((t) => findByClass(t, "large-text-switch").length > 0 && t, "the large-text switch");
    const row = findByClass(pageTree, "setting-row").find((r) => findByClass(r, "large-text-switch").length > 0);
    page.tap(row as WxmlElement);
    tree = await bar.waitFor((t) => findByClass(t, "tab-bar--large").length > 0 && t, "the large tab bar");
    expect(textsOf(tree, "tab-bar__item--selected")).toEqual(["我的"]);

    // What `tab-bar--large` means in the built styles: bigger labels (rpx) than the normal bar's.
    const wxss = readFileSync(join(mp.distDir, "custom-tab-bar", "index.wxss"), "utf8");
    const labelSize = (selector: string) => {
      const escaped = selector.replace(/[.*+?^${}()|[\]\\-]/g, "\\$&");
      const m = new RegExp(`(?:^|})\\s*${escaped}\\s*\\{[^}]*font-size:\\s*(\\d+)rpx`).exec(wxss);
      if (!m) throw new Error(`no font-size for ${selector} in custom-tab-bar/index.wxss:\n${wxss}`);
      return Number(m[1]);
    };
    expect(labelSize(".tab-bar--large .tab-bar__label")).toBeGreaterThanOrEqual(labelSize(".tab-bar__label") * 1.4);
    expect(mp.errors).toEqual([]);
  });
});
