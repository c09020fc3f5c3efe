/* The bureau's night-market pages (registered in app.config.ts under packages/markets-admin). */
export const ADMIN_ZONES_PAGE = "/packages/markets-admin/zones/index";
export const ADMIN_ZONE_EDIT_PAGE = "/packages/markets-admin/zones/edit";

export const zoneEditUrl = (id?: string) => (id ? `${ADMIN_ZONE_EDIT_PAGE}?id=${encodeURIComponent(id)}` : ADMIN_ZONE_EDIT_PAGE);
