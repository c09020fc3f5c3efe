import { GUANQIAN } from "../fixtures";
import { square, zone } from "../market-fixtures";
import { ADMIN_ONLY, type Rows } from "./table";

/** Night markets and vending zones, their subscriptions and suspensions. */
export const MARKETS_ROWS: Rows = {
  "GET /api/v1/night-markets/nearby": {
    access: "public",
    path: () => `/api/v1/night-markets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}`,
  },
  "GET /api/v1/night-markets/{id}": { access: "public", path: (f) => `/api/v1/night-markets/${f.marketId}` },
  "POST /api/v1/night-markets/{id}/subscription": { access: "signed-in", path: (f) => `/api/v1/night-markets/${f.marketId}/subscription` },
  "DELETE /api/v1/night-markets/{id}/subscription": {
    access: "signed-in",
    path: (f) => `/api/v1/night-markets/${f.marketId}/subscription`,
  },
  "GET /api/v1/admin/night-markets": { access: ADMIN_ONLY, path: () => "/api/v1/admin/night-markets" },
  "POST /api/v1/admin/night-markets": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/night-markets",
    body: () => zone({ name: "矩阵夜市", area: square(GUANQIAN) }),
  },
  // Past the role check an admin meets the version (409) or the date rule (422): "through" either way.
  "PATCH /api/v1/admin/night-markets/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}`,
    body: () => ({ version: 999, stalls: 9 }),
  },
  "POST /api/v1/admin/night-markets/{id}/retire": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}/retire`,
    body: () => ({ version: 999, reason: "matrix check" }),
  },
  "POST /api/v1/admin/night-markets/{id}/suspensions": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}/suspensions`,
    body: () => ({ date: "2099-01-01", reason: "matrix check" }),
  },
  "DELETE /api/v1/admin/night-markets/{id}/suspensions/{suspensionId}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/night-markets/${f.marketId}/suspensions/${f.marketSuspensionId}`,
  },
};
