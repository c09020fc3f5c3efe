/*
 * What the H5 header needs to know about a page from its route alone. The titles repeat each page's
 * navigationBarTitleText (WeChat draws those in its own bar; H5 has no bar), for pages that pass no title.
 */
export const HOME_PAGE = "/pages/index/index";

const TAB_PAGES = new Set(["pages/index/index", "pages/nearby/index", "pages/me/index"]);

const ROUTE_TITLES: Record<string, string> = {
  "pages/login/index": "登录",
  "pages/toilets/index": "找厕所",
  "pages/toilets/detail": "厕所详情",
  "packages/reports/new/index": "随手拍",
  "pages/reports/mine": "我的上报",
  "pages/reports/detail": "上报详情",
  "pages/reports/map": "身边的上报",
  "pages/inbox/index": "消息",
  "packages/parking/finder/index": "找停车",
  "packages/parking/lot/index": "停车场详情",
  "packages/night-markets/list/index": "夜市摊位",
  "packages/night-markets/detail/index": "摊区详情",
};

/** "pages/toilets/detail" from "#/pages/toilets/detail?id=1" (hash router) or "/pages/toilets/detail" (browser router). */
export function routeOf(location: { hash: string; pathname: string }): string {
  const raw = location.hash.startsWith("#/") ? location.hash.slice(1) : location.pathname;
  return (raw.split("?")[0] ?? "").replace(/^\/+|\/+$/g, "");
}

/** The app's entry ("/" before the router settles on the first page) counts as the home tab. */
export const isTabRoute = (route: string): boolean => route === "" || TAB_PAGES.has(route);

export const routeTitle = (route: string): string | undefined => ROUTE_TITLES[route];
