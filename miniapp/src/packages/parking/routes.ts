/* The resident's parking pages (registered in app.config.ts under packages/parking); a lot's url is shared with 附近. */
export { parkingLotUrl } from "../../parking/colours";
export const PARKING_FINDER_PAGE = "/packages/parking/finder/index";
