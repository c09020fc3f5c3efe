/* The bureau's parking pages (registered in app.config.ts under packages/parking-admin). */
export const PARKING_SOURCES_PAGE = "/packages/parking-admin/sources/index";
export const PARKING_OPERATORS_PAGE = "/packages/parking-admin/operators/index";
export const PARKING_LOTS_PAGE = "/packages/parking-admin/lots/index";
export const PARKING_LOT_NEW_PAGE = "/packages/parking-admin/lots/edit";
export const parkingLotEditUrl = (id: string) => `/packages/parking-admin/lots/edit?id=${encodeURIComponent(id)}`;
