import { adminRow, type Rows } from "./table";

/** Communities, bin rooms, monthly ratings (星级小区) and 小蜜蜂 volunteers' checks. */
export const SORTING_ROWS: Rows = {
  "GET /api/v1/communities": { access: "public", path: () => "/api/v1/communities" },
  "GET /api/v1/communities/ranking": { access: "public", path: () => "/api/v1/communities/ranking" },
  "GET /api/v1/communities/mine": { access: "signed-in", path: () => "/api/v1/communities/mine" },
  "PUT /api/v1/communities/mine": {
    access: "signed-in",
    path: () => "/api/v1/communities/mine",
    body: (f) => ({ communityId: f.communityId }),
  },
  "GET /api/v1/communities/{id}": { access: "public", path: (f) => `/api/v1/communities/${f.communityId}` },
  "GET /api/v1/admin/communities": adminRow(() => "/api/v1/admin/communities"),
  "POST /api/v1/admin/communities": adminRow(() => "/api/v1/admin/communities", {
    name: "矩阵小区",
    district: "虎丘区",
    street: "狮山街道",
    lat: 31.3,
    lng: 120.55,
  }),
  "GET /api/v1/admin/communities/{id}": adminRow((f) => `/api/v1/admin/communities/${f.communityId}`),
  "PATCH /api/v1/admin/communities/{id}": adminRow((f) => `/api/v1/admin/communities/${f.communityId}`, { version: 999, name: "矩阵花园" }),
  "POST /api/v1/admin/communities/{id}/retire": adminRow((f) => `/api/v1/admin/communities/${f.communityId}/retire`, { version: 999 }),
  "POST /api/v1/admin/communities/{id}/bin-rooms": adminRow((f) => `/api/v1/admin/communities/${f.communityId}/bin-rooms`, {
    name: "矩阵投放点",
  }),
  "PATCH /api/v1/admin/bin-rooms/{id}": adminRow((f) => `/api/v1/admin/bin-rooms/${f.binRoomId}`, { name: "矩阵投放点" }),
  "POST /api/v1/admin/bin-rooms/{id}/retire": adminRow((f) => `/api/v1/admin/bin-rooms/${f.binRoomId}/retire`),
  "PUT /api/v1/admin/communities/{id}/volunteers/{userId}": adminRow(
    (f) => `/api/v1/admin/communities/${f.communityId}/volunteers/${f.volunteerId}`,
  ),
  "DELETE /api/v1/admin/communities/{id}/volunteers/{userId}": adminRow(
    (f) => `/api/v1/admin/communities/${f.communityId}/volunteers/${f.volunteerId}`,
  ),
  "PUT /api/v1/admin/communities/{id}/inspections/{month}": adminRow(
    (f) => `/api/v1/admin/communities/${f.communityId}/inspections/2020-02`,
    { score: 80 },
  ),
  "GET /api/v1/admin/communities/months/{month}": adminRow(() => "/api/v1/admin/communities/months/2020-02"),
  "POST /api/v1/admin/communities/months/{month}/publish": adminRow(() => "/api/v1/admin/communities/months/2020-03/publish"),
  // 小蜜蜂 volunteers (sorting checks): an unknown room code is a 404 past the role check ("through").
  "GET /api/v1/volunteer/bin-rooms": { access: ["volunteer"], path: () => "/api/v1/volunteer/bin-rooms" },
  "GET /api/v1/volunteer/bin-rooms/by-code/{code}": { access: ["volunteer"], path: () => "/api/v1/volunteer/bin-rooms/by-code/none" },
  "GET /api/v1/volunteer/today": { access: ["volunteer"], path: () => "/api/v1/volunteer/today" },
  "POST /api/v1/volunteer/checks/batch": {
    access: ["volunteer"],
    path: () => "/api/v1/volunteer/checks/batch",
    body: () => ({ checks: [] }),
  },
};
