import { render, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import GuideClassesPage from "../../miniapp/src/packages/guide/classes/index";
import GuideItemPage from "../../miniapp/src/packages/guide/item/index";
import { apiError, ok, stubApi } from "./fixtures";
import { freshGuideRun, guideBody } from "./guide-fixtures";
import { $, $$, tap, waitForSelector } from "./report-fixtures";
import Taro, { shimState } from "./shims/taro";

beforeEach(freshGuideRun);

describe("an item of the guide", () => {
  it("shows its bin, how to put it out and why (大骨头 is 其他垃圾)", async () => {
    shimState.routerParams = { id: "oth-big-bone" };
    stubApi(() => ok(guideBody()));
    const { container } = render(<GuideItemPage />);
    await waitForSelector(container, ".guide-item");
    expect($(container, ".guide-class-chip")?.textContent).toBe("其他垃圾");
    expect($(container, ".guide-note")?.textContent).toContain("大骨头坚硬");
    expect($(container, ".guide-synonyms")?.textContent).toContain("筒骨");
    expect($(container, ".guide-book-pickup")).toBeNull();
  });

  it("sends a sofa to a bulky-waste booking", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    shimState.routerParams = { id: "oth-sofa" };
    stubApi(() => ok(guideBody()));
    const { container } = render(<GuideItemPage />);
    await waitForSelector(container, ".guide-book-pickup");
    tap(container, ".guide-book-pickup");
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/pickups/book/index" });
  });

  it("says so when the item is not in the guide, and shows an error with retry when the guide cannot load", async () => {
    shimState.routerParams = { id: "nothing" };
    stubApi(() => ok(guideBody()));
    const { container, unmount } = render(<GuideItemPage />);
    await waitForSelector(container, ".state-empty");
    unmount();
    freshGuideRun();
    Taro.removeStorageSync("civic.guide.v1");
    stubApi(() => apiError(503, "unavailable"));
    const again = render(<GuideItemPage />);
    await waitForSelector(again.container, ".state-error");
  });
});

describe("the four classes", () => {
  it("lists what goes in each bin and switches between them", async () => {
    shimState.routerParams = { class: "hazardous" };
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() => ok(guideBody()));
    const { container } = render(<GuideClassesPage />);
    await waitForSelector(container, ".guide-class-item");
    expect($(container, ".guide-class-card .guide-class-chip")?.textContent).toBe("有害垃圾");
    const hazardous = $$(container, ".guide-class-item").map((e) => e.textContent);
    expect(hazardous).toContain("过期药品");
    expect(hazardous).not.toContain("茶叶渣");
    tap(container, ".guide-class-tab-kitchen");
    await waitFor(() => expect($$(container, ".guide-class-item").map((e) => e.textContent)).toContain("茶叶渣"));
    expect($(container, ".guide-class-rule")?.textContent).toContain("剩菜剩饭");
    tap(container, '.guide-class-item[data-id="kit-tea-leaves"]');
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/guide/item/index?id=kit-tea-leaves" });
  });

  it("shows loading, then an error with retry when offline without a copy", async () => {
    stubApi(() => "network-error");
    const { container } = render(<GuideClassesPage />);
    expect($(container, ".state-loading")).not.toBeNull();
    await waitForSelector(container, ".state-error");
  });
});
