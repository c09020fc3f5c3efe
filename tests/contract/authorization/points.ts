import { ADMIN_ONLY, type Rows } from "./table";

/** Recycling points: the ledger, weigh-ins, rates, caps and anomaly flags. */
export const POINTS_ROWS: Rows = {
  "GET /api/v1/points/me": { access: "signed-in", path: () => "/api/v1/points/me" },
  "GET /api/v1/points/me/history": { access: "signed-in", path: () => "/api/v1/points/me/history" },
  "GET /api/v1/points/me/code": { access: "signed-in", path: () => "/api/v1/points/me/code" },
  // A code that is not one: the collector gets past the role check to a 422.
  "POST /api/v1/points/weigh-ins": {
    access: ["collector"],
    path: () => "/api/v1/points/weigh-ins",
    body: () => ({
      weighInId: "00000000-0000-4000-8000-00000000aaaa",
      code: "矩阵",
      lines: [{ class: "paper", kg: 1 }],
      where: "doorstep",
    }),
  },
  "GET /api/v1/points/weigh-ins/mine": { access: ["collector"], path: () => "/api/v1/points/weigh-ins/mine" },
  "GET /api/v1/admin/points/rates": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/rates" },
  "PUT /api/v1/admin/points/rates": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/rates", body: () => ({ rates: [] }) },
  "GET /api/v1/admin/points/caps": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/caps" },
  "PUT /api/v1/admin/points/caps": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/points/caps",
    body: () => ({ caps: [{ kind: "quiz", perAccountDay: 5, perActorDay: null }] }),
  },
  "GET /api/v1/admin/points/flags": { access: ADMIN_ONLY, path: () => "/api/v1/admin/points/flags" },
  "POST /api/v1/admin/points/flags/{id}/review": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/points/flags/${f.pointsFlagId}/review`,
    body: () => ({ decision: "dismiss" }),
  },
  "POST /api/v1/admin/points/entries/{id}/reverse": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/points/entries/${f.pointsEntryId}/reverse`,
    body: () => ({ reason: "矩阵" }),
  },
  // Demo hosts only (with dev-login).
  "POST /api/v1/dev/points/grant": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/dev/points/grant",
    body: (f) => ({ accountId: f.ownerId, points: 1 }),
  },
};
