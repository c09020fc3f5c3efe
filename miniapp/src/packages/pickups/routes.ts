/* The pickups subpackage's pages (registered in app.config.ts under packages/pickups). */
export const BOOK_PAGE = "/packages/pickups/book/index";
export const MINE_PAGE = "/packages/pickups/mine/index";
export const BOOKING_PAGE = "/packages/pickups/booking/index";

export const bookingUrl = (id: string) => `${BOOKING_PAGE}?id=${encodeURIComponent(id)}`;
