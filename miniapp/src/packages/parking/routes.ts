/* The resident's parking pages (registered in app.config.ts under packages/parking). */
export const PARKING_FINDER_PAGE = "/packages/parking/finder/index";
export const parkingLotUrl = (id: string) => `/packages/parking/lot/index?id=${encodeURIComponent(id)}`;
