/* The bureau's pickups pages (registered in app.config.ts under packages/pickups-admin). */
export const PICKUP_ITEMS_PAGE = "/packages/pickups-admin/items/index";
export const PICKUP_SLOTS_PAGE = "/packages/pickups-admin/slots/index";
export const PICKUP_BLACKOUTS_PAGE = "/packages/pickups-admin/blackouts/index";
export const PICKUP_COLLECTORS_PAGE = "/packages/pickups-admin/collectors/index";
export const PICKUP_OVERVIEW_PAGE = "/packages/pickups-admin/overview/index";
