/* The night-markets subpackage's pages (registered in app.config.ts under packages/night-markets). */
export const MARKETS_LIST_PAGE = "/packages/night-markets/list/index";
export const MARKET_DETAIL_PAGE = "/packages/night-markets/detail/index";

/** A zone's page (the one link the 附近 tab and inbox notices use too). */
export { marketZoneUrl as marketUrl } from "../../markets/colours";
