import { render, waitFor } from "@testing-library/react";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { GUIDE_STORAGE_KEY } from "../../miniapp/src/packages/guide/cache";
import GuideSearchPage from "../../miniapp/src/packages/guide/search/index";
import { apiError, ok, stubApi } from "./fixtures";
import { freshGuideRun, GUIDE_VERSION, guideBody, itemNamed } from "./guide-fixtures";
import { $, $$, tap, type, waitForSelector } from "./report-fixtures";
import Taro from "./shims/taro";

beforeEach(freshGuideRun);

const names = (c: HTMLElement) => $$(c, ".guide-hit__name").map((e) => e.textContent);

describe("垃圾分类查询", () => {
  it("finds by initials and pinyin as the resident types, shows the bin colour and opens the item", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() => ok(guideBody()));
    const { container } = render(<GuideSearchPage />);
    await waitForSelector(container, ".guide-class-links");
    type(container, ".guide-search-input", "slp");
    await waitFor(() => expect(names(container)[0]).toBe("塑料瓶"));
    expect($(container, ".guide-hit .guide-class-chip")?.textContent).toBe("可回收物");
    expect($(container, ".guide-hit .guide-class-chip")?.getAttribute("style")).toContain("background-color");
    type(container, ".guide-search-input", "外卖盒");
    await waitFor(() => expect(names(container)[0]).toBe(itemNamed("塑料餐盒（洗净）").name));
    expect($(container, ".guide-hit__via")?.textContent).toBe("别名匹配");
    tap(container, `.guide-hit[data-id="rec-plastic-lunchbox"]`);
    expect(navigate).toHaveBeenCalledWith({ url: "/packages/guide/item/index?id=rec-plastic-lunchbox" });
  });

  it("offers 没找到？告诉我们 with the typed name when nothing matches", async () => {
    const navigate = vi.spyOn(Taro, "navigateTo");
    stubApi(() => ok(guideBody()));
    const { container } = render(<GuideSearchPage />);
    await waitForSelector(container, ".guide-class-links");
    type(container, ".guide-search-input", "量子计算机");
    await waitForSelector(container, ".guide-not-found");
    tap(container, ".guide-suggest-button");
    expect(navigate).toHaveBeenCalledWith({ url: `/packages/guide/suggest/index?name=${encodeURIComponent("量子计算机")}` });
  });

  it("keeps the guide in storage and revalidates it by version: a 304 keeps the copy", async () => {
    Taro.setStorageSync(GUIDE_STORAGE_KEY, guideBody([itemNamed("大骨头")]));
    const sent = stubApi(() => ({ statusCode: 304, data: "" }));
    const { container } = render(<GuideSearchPage />);
    type(container, ".guide-search-input", "dgt");
    await waitFor(() => expect(names(container)).toEqual(["大骨头"]));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]?.header["If-None-Match"]).toBe(`"guide-${GUIDE_VERSION}"`);
    expect(JSON.stringify(Taro.getStorageSync(GUIDE_STORAGE_KEY)).length).toBeLessThan(1_000_000);
  });

  it("replaces the stored copy when the server has a new version, and the full guide stays far under 1 MB", async () => {
    Taro.setStorageSync(GUIDE_STORAGE_KEY, guideBody([itemNamed("大骨头")], "old"));
    stubApi(() => ok(guideBody()));
    const { container } = render(<GuideSearchPage />);
    type(container, ".guide-search-input", "茶叶渣");
    await waitFor(() => expect(names(container)[0]).toBe("茶叶渣"));
    const stored = JSON.stringify(Taro.getStorageSync(GUIDE_STORAGE_KEY));
    expect(stored).toContain(GUIDE_VERSION);
    expect(new TextEncoder().encode(stored).length).toBeLessThan(200_000);
  });

  it("works offline from the stored copy and says so", async () => {
    Taro.setStorageSync(GUIDE_STORAGE_KEY, guideBody());
    stubApi(() => "network-error");
    const { container } = render(<GuideSearchPage />);
    await waitForSelector(container, ".guide-offline");
    type(container, ".guide-search-input", "电池");
    await waitFor(() => expect(names(container)).toContain("废旧电池"));
  });

  it("shows the error with a retry when there is no copy and no network", async () => {
    stubApi(() => apiError(500, "internal"));
    const { container } = render(<GuideSearchPage />);
    await waitForSelector(container, ".state-error");
  });
});
