import { bookingBody, pickupStreet } from "../pickup-fixtures";
import { ADMIN_ONLY, type Rows, STAFF } from "./table";

/** The street of the fixture booking; the matrix collector serves it. */
export const PICKUP_STREET = pickupStreet(20);

/** Bulky-waste pickups: residents' bookings, the bureau's items, slots and collectors, and the collector's day. */
export const PICKUPS_ROWS: Rows = {
  "GET /api/v1/pickups/items": { access: "public", path: () => "/api/v1/pickups/items" },
  "GET /api/v1/pickups/slots": { access: "public", path: () => `/api/v1/pickups/slots?street=${encodeURIComponent(PICKUP_STREET)}` },
  "POST /api/v1/pickups": { access: "signed-in", path: () => "/api/v1/pickups", body: (f) => bookingBody(f.pickupSlotId) },
  "GET /api/v1/pickups/mine": { access: "signed-in", path: () => "/api/v1/pickups/mine" },
  "GET /api/v1/pickups/{id}": { access: ["owner"], hidden: true, path: (f) => `/api/v1/pickups/${f.pickupId}` },
  "POST /api/v1/pickups/{id}/cancel": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}/cancel`,
    body: () => ({}),
  },
  "PATCH /api/v1/pickups/{id}": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}`,
    body: () => ({ version: 1, items: [{ code: "chair", qty: 1 }] }),
  },
  "POST /api/v1/pickups/{id}/missed": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}/missed`,
    body: () => ({}),
  },
  "POST /api/v1/pickups/{id}/rate": {
    access: ["owner"],
    hidden: true,
    path: (f) => `/api/v1/pickups/${f.pickupId}/rate`,
    body: () => ({ rating: 5 }),
  },
  "GET /api/v1/admin/pickups/items": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/items" },
  "POST /api/v1/admin/pickups/items": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/items",
    body: () => ({
      code: "matrix_tv",
      name: "电视机",
      category: "appliance",
      maxPerBooking: 1,
      recyclable: true,
      volumePoints: 1,
      note: null,
    }),
  },
  "PATCH /api/v1/admin/pickups/items/{code}": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/items/chair",
    body: () => ({ note: "请拆成件" }),
  },
  "POST /api/v1/admin/pickups/slots": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/slots",
    body: () => ({ streets: [PICKUP_STREET], from: "2027-06-01", to: "2027-06-02", windows: ["pm"], capacityPoints: 5 }),
  },
  "GET /api/v1/admin/pickups/slots": {
    access: ADMIN_ONLY,
    path: () => `/api/v1/admin/pickups/slots?street=${encodeURIComponent(PICKUP_STREET)}&from=2027-06-01&to=2027-06-02`,
  },
  "PATCH /api/v1/admin/pickups/slots/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/pickups/slots/${f.pickupSlotId}`,
    body: () => ({ capacityPoints: 100 }),
  },
  "GET /api/v1/admin/pickups/blackouts": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/blackouts" },
  "POST /api/v1/admin/pickups/blackouts": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/pickups/blackouts",
    body: () => ({ date: "2099-02-01", reason: "矩阵" }),
  },
  "DELETE /api/v1/admin/pickups/blackouts/{date}": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/blackouts/2099-02-01" },
  "GET /api/v1/admin/pickups/overview": { access: STAFF, path: () => "/api/v1/admin/pickups/overview" },
  "GET /api/v1/admin/pickups/kpis": { access: STAFF, path: () => "/api/v1/admin/pickups/kpis" },
  "GET /api/v1/admin/pickups/collectors": { access: ADMIN_ONLY, path: () => "/api/v1/admin/pickups/collectors" },
  "PUT /api/v1/admin/pickups/collectors/{userId}/streets": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/pickups/collectors/${f.userId}/streets`,
    body: () => ({ streets: [PICKUP_STREET] }),
  },
  "GET /api/v1/collector/jobs": { access: ["collector"], path: () => "/api/v1/collector/jobs" },
  // The matrix collector serves the fixture booking's street (see fixture()): 200 or, once taken or cancelled, 409.
  "POST /api/v1/collector/jobs/{id}/accept": { access: ["collector"], path: (f) => `/api/v1/collector/jobs/${f.pickupId}/accept` },
  "POST /api/v1/collector/jobs/{id}/release": {
    access: ["collector"],
    path: (f) => `/api/v1/collector/jobs/${f.pickupId}/release`,
    body: () => ({ reason: "矩阵" }),
  },
  // The collector's day: the matrix collector no longer holds the fixture job (released above), so 409 or 422.
  "GET /api/v1/collector/route": { access: ["collector"], path: () => "/api/v1/collector/route" },
  "POST /api/v1/collector/jobs/{id}/arrive": { access: ["collector"], path: (f) => `/api/v1/collector/jobs/${f.pickupId}/arrive` },
  "POST /api/v1/collector/jobs/{id}/complete": {
    access: ["collector"],
    path: (f) => `/api/v1/collector/jobs/${f.pickupId}/complete`,
    body: (f) => ({ taken: [{ code: "chair", qty: 1 }], photoIds: [f.photoId] }),
  },
  "POST /api/v1/collector/jobs/{id}/unable": {
    access: ["collector"],
    path: (f) => `/api/v1/collector/jobs/${f.pickupId}/unable`,
    body: (f) => ({ reason: "no_access", photoIds: [f.photoId] }),
  },
};
