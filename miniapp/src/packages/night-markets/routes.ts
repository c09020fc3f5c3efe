/* The night-markets subpackage's pages (registered in app.config.ts under packages/night-markets). */
export const MARKETS_LIST_PAGE = "/packages/night-markets/list/index";
export const MARKET_DETAIL_PAGE = "/packages/night-markets/detail/index";

export const marketUrl = (id: string) => `${MARKET_DETAIL_PAGE}?id=${encodeURIComponent(id)}`;
