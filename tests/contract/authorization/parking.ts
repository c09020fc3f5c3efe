import { feedRequestHeaders } from "@civic/shared";
import { lot, PARKING_CENTRE } from "../parking-fixtures";
import { ADMIN_ONLY, type Rows } from "./table";

/** Parking: the finder, operators' signed feeds and the admin catalogue. */
export const PARKING_ROWS: Rows = {
  "GET /api/v1/parking/nearby": {
    access: "public",
    path: () => `/api/v1/parking/nearby?lat=${PARKING_CENTRE.lat}&lng=${PARKING_CENTRE.lng}`,
  },
  "GET /api/v1/parking/lots/{id}": { access: "public", path: (f) => `/api/v1/parking/lots/${f.parkingLotId}` },
  // An operator's feed works by its signed key, not by user: bearer tokens change nothing there (a repeat is a 409 replay).
  "POST /api/v1/feeds/parking": {
    access: "public",
    path: () => "/api/v1/feeds/parking",
    body: (f) => ({ rows: [{ lotId: f.parkingLotId, free: 1, status: "open", observedAt: "2026-01-01T00:00:00.000Z" }] }),
    signed: (f, body) => feedRequestHeaders(f.parkingKey.keyId, f.parkingKey.secret, body, new Date()),
  },
  "GET /api/v1/admin/parking/operators": { access: ADMIN_ONLY, path: () => "/api/v1/admin/parking/operators" },
  "POST /api/v1/admin/parking/operators": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/parking/operators",
    body: () => ({ name: "矩阵停车" }),
  },
  "PATCH /api/v1/admin/parking/operators/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}`,
    body: () => ({ contact: "0512-0000" }),
  },
  "GET /api/v1/admin/parking/operators/{id}/keys": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}/keys`,
  },
  "POST /api/v1/admin/parking/operators/{id}/keys": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}/keys`,
  },
  "POST /api/v1/admin/parking/operators/{id}/keys/{keyId}/revoke": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/operators/${f.parkingOperatorId}/keys/${f.spareParkingKeyId}/revoke`,
  },
  "GET /api/v1/admin/parking/lots": { access: ADMIN_ONLY, path: () => "/api/v1/admin/parking/lots" },
  "GET /api/v1/admin/parking/lots/{id}": { access: ADMIN_ONLY, path: (f) => `/api/v1/admin/parking/lots/${f.parkingLotId}` },
  "POST /api/v1/admin/parking/lots": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/parking/lots",
    body: () => lot({ name: "矩阵停车场", ...PARKING_CENTRE }),
  },
  "PATCH /api/v1/admin/parking/lots/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/parking/lots/${f.parkingLotId}`,
    body: () => ({ name: "矩阵停车场" }),
  },
  "GET /api/v1/admin/parking/sources": { access: ADMIN_ONLY, path: () => "/api/v1/admin/parking/sources" },
};
