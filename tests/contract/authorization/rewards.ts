import { rewardBody } from "../reward-fixtures";
import { ADMIN_ONLY, type Rows, STAFF } from "./table";

/** Rewards: redeeming points, the pickup desk and the catalogue. */
export const REWARDS_ROWS: Rows = {
  "GET /api/v1/rewards": { access: "signed-in", path: () => "/api/v1/rewards" },
  "GET /api/v1/rewards/{id}": { access: "signed-in", path: (f) => `/api/v1/rewards/${f.rewardId}` },
  // Callers without points get past the checks to a 409 insufficient_points.
  "POST /api/v1/rewards/{id}/redeem": {
    access: "signed-in",
    path: (f) => `/api/v1/rewards/${f.rewardId}/redeem`,
    body: () => ({ redemptionId: crypto.randomUUID() }),
  },
  "GET /api/v1/rewards/redemptions/mine": { access: "signed-in", path: () => "/api/v1/rewards/redemptions/mine" },
  "POST /api/v1/rewards/redemptions/{id}/cancel": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/rewards/redemptions/${f.redemptionId}/cancel`,
  },
  // The pickup desk is staff's (moderators and admins); the household is shown by its label only.
  "GET /api/v1/rewards/desk/{pickupCode}": { access: STAFF, path: (f) => `/api/v1/rewards/desk/${f.pickupCode}` },
  "POST /api/v1/rewards/desk/{pickupCode}/collect": { access: STAFF, path: (f) => `/api/v1/rewards/desk/${f.pickupCode}/collect` },
  "GET /api/v1/admin/rewards": { access: ADMIN_ONLY, path: () => "/api/v1/admin/rewards" },
  "POST /api/v1/admin/rewards": { access: ADMIN_ONLY, path: () => "/api/v1/admin/rewards", body: () => rewardBody({ name: "矩阵礼品" }) },
  "GET /api/v1/admin/rewards/{id}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/rewards/${f.rewardId}` },
  "PATCH /api/v1/admin/rewards/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/rewards/${f.rewardId}`,
    body: () => ({ version: 1, description: "矩阵" }),
  },
  "GET /api/v1/admin/rewards/{id}/redemptions": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/rewards/${f.rewardId}/redemptions` },
};
