import Taro, { useDidShow } from "@tarojs/taro";
import { useSyncExternalStore } from "react";
import { isWeapp } from "../platform";

/*
 * The weapp's custom tab bar (WeChat's native bar has no font size, so 适老化 could not reach it).
 * WeChat gives every tab page its own tab bar instance; each one shows the tab of the page shown last,
 * which PageContainer reports on every show. A shared value instead of Taro.getTabBar(page).setSelected:
 * the bar mounts asynchronously, so on a page's first show getTabBar may not have its React instance yet.
 */
export interface Tab {
  path: string;
  text: string;
  icon: string;
}

/* Same pages, texts and icons as the `list` in app.config.ts (kept there for WeChat's own fallback). */
export const TABS: Tab[] = [
  { path: "pages/index/index", text: "首页", icon: "tab-home" },
  { path: "pages/nearby/index", text: "附近", icon: "tab-nearby" },
  { path: "pages/me/index", text: "我的", icon: "tab-me" },
];

let shownRoute = "";
const listeners = new Set<() => void>();

function noteShownRoute(route: string) {
  if (route === shownRoute) return;
  shownRoute = route;
  for (const l of [...listeners]) l();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** The index in TABS of the page shown last, -1 when it is not a tab page. */
export function useSelectedTab(): number {
  const route = useSyncExternalStore(subscribe, () => shownRoute);
  return TABS.findIndex((t) => t.path === route);
}

/** Called by every page (PageContainer): tells the weapp's tab bar which page is on screen. */
export function useReportShownPage(): void {
  useDidShow(() => {
    if (!isWeapp()) return;
    const path = Taro.getCurrentInstance().router?.path ?? "";
    noteShownRoute(path.replace(/^\/+/, "").split("?")[0] ?? "");
  });
}
