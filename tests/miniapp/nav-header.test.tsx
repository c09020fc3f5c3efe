import { fireEvent, render } from "@testing-library/react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { isTabRoute, routeOf } from "../../miniapp/src/components/nav/routes";
import { PageContainer } from "../../miniapp/src/components/PageContainer";
import { setLargeText } from "../../miniapp/src/ui/largeText";
import Taro, { shimState } from "./shims/taro";

/*
 * H5 has no WeChat navigation bar: every page outside the tab bar gets a header with its title and a
 * way out (back, or 首页 after a deep link or reload). The route comes from the hash router's URL.
 */
const openAt = (hash: string) => window.history.replaceState(null, "", `/${hash}`);
const header = (c: HTMLElement) => c.querySelector<HTMLElement>(".nav-header");

afterEach(() => openAt(""));

describe("the H5 page header", () => {
  it("reads the route from the hash router's URL, without its query", () => {
    expect(routeOf({ hash: "#/pages/toilets/detail?id=t1", pathname: "/" })).toBe("pages/toilets/detail");
    expect(routeOf({ hash: "", pathname: "/pages/reports/mine" })).toBe("pages/reports/mine");
    expect(isTabRoute(routeOf({ hash: "", pathname: "/" }))).toBe(true);
    expect(isTabRoute("pages/me/index")).toBe(true);
    expect(isTabRoute("packages/moderation/queue/index")).toBe(false);
  });

  it("names the resident's pages that pass no title of their own, in subpackages too", async () => {
    const { routeTitle } = await import("../../miniapp/src/components/nav/routes");
    expect(routeTitle("packages/parking/finder/index")).toBe("找停车");
    expect(routeTitle("packages/night-markets/list/index")).toBe("夜市摊位");
    expect(routeTitle("packages/reports/new/index")).toBe("随手拍");
  });

  it("after a deep link (no page to go back to) shows the page's title and 首页, which relaunches the home tab", () => {
    openAt("#/pages/toilets/detail?id=t1");
    shimState.pageStackDepth = 1;
    const relaunch = vi.spyOn(Taro, "reLaunch");
    const back = vi.spyOn(Taro, "navigateBack");
    const { container } = render(<PageContainer>厕所</PageContainer>);
    expect(header(container)?.querySelector(".nav-header__title")?.textContent).toBe("厕所详情");
    const button = header(container)?.querySelector(".nav-home") as HTMLElement;
    expect(button.textContent).toBe("首页");
    fireEvent.click(button);
    expect(relaunch).toHaveBeenCalledWith({ url: "/pages/index/index" });
    expect(back).not.toHaveBeenCalled();
  });

  it("with a page underneath shows 返回, which goes back one page", () => {
    openAt("#/pages/reports/detail?id=r1");
    shimState.pageStackDepth = 2;
    const relaunch = vi.spyOn(Taro, "reLaunch");
    const back = vi.spyOn(Taro, "navigateBack");
    const { container } = render(<PageContainer />);
    expect(header(container)?.querySelector(".nav-header__title")?.textContent).toBe("上报详情");
    fireEvent.click(header(container)?.querySelector(".nav-back") as HTMLElement);
    expect(back).toHaveBeenCalled();
    expect(relaunch).not.toHaveBeenCalled();
  });

  it("uses the title the page passes, e.g. a subpackage page the route table does not know", () => {
    openAt("#/packages/moderation/queue/index");
    const { container } = render(<PageContainer title="案件队列" />);
    expect(header(container)?.querySelector(".nav-header__title")?.textContent).toBe("案件队列");
    expect(header(container)?.querySelector(".nav-home")).not.toBeNull();
  });

  it("is not drawn on the tab pages (the tab bar is their way around)", () => {
    for (const hash of ["", "#/pages/index/index", "#/pages/nearby/index", "#/pages/me/index?x=1"]) {
      openAt(hash);
      const { container, unmount } = render(<PageContainer title="我的" />);
      expect(header(container)).toBeNull();
      unmount();
    }
  });

  it("is not drawn in the weapp, where WeChat draws its own bar", () => {
    vi.stubEnv("TARO_ENV", "weapp");
    openAt("#/pages/toilets/detail?id=t1");
    const { container } = render(<PageContainer title="厕所详情" />);
    expect(header(container)).toBeNull();
  });
});

describe("large text reaches the H5 tab bar", () => {
  it("marks the document root while 适老化 is on, so the tab labels outside the page grow too", () => {
    setLargeText(true);
    const { unmount } = render(<PageContainer />);
    expect(document.documentElement).toHaveClass("large-text-root");
    unmount();
    setLargeText(false);
    render(<PageContainer />);
    expect(document.documentElement).not.toHaveClass("large-text-root");
  });
});
