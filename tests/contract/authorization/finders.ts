import { GUANQIAN, toilet } from "../fixtures";
import { ADMIN_ONLY, type Rows } from "./table";

/** Public toilets: the finder, residents' feedback and the admin catalogue. */
export const FINDERS_ROWS: Rows = {
  "GET /api/v1/toilets/nearby": { access: "public", path: () => `/api/v1/toilets/nearby?lat=${GUANQIAN.lat}&lng=${GUANQIAN.lng}` },
  "GET /api/v1/toilets/{id}": { access: "public", path: (f) => `/api/v1/toilets/${f.toiletId}` },
  "POST /api/v1/toilets/{id}/feedback": {
    access: "signed-in",
    path: (f) => `/api/v1/toilets/${f.toiletId}/feedback`,
    body: () => ({ kind: "dirty" }),
  },
  "GET /api/v1/admin/toilet-feedback": { access: ADMIN_ONLY, path: () => "/api/v1/admin/toilet-feedback" },
  "POST /api/v1/admin/toilet-feedback/{id}/resolve": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilet-feedback/${f.feedbackId}/resolve`,
    body: () => ({ note: "checked" }),
  },
  "POST /api/v1/admin/toilets": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets",
    body: () => toilet({ name: "matrix", ...GUANQIAN }),
  },
  "PATCH /api/v1/admin/toilets/{id}": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}`,
    body: () => ({ stalls: 9 }),
  },
  "POST /api/v1/admin/toilets/{id}/deactivate": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/deactivate`,
    body: () => ({ reason: "matrix check" }),
  },
  // Past the role check an admin meets the date rule (422) or the toilet's state (409): "through" either way.
  "POST /api/v1/admin/toilets/{id}/temporary-closure": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/temporary-closure`,
    body: () => ({ until: "2099-01-01", reason: "matrix check" }),
  },
  "DELETE /api/v1/admin/toilets/{id}/temporary-closure": {
    access: ADMIN_ONLY,
    path: (f) => `/api/v1/admin/toilets/${f.toiletId}/temporary-closure`,
  },
  "GET /api/v1/admin/toilets": { access: ADMIN_ONLY, path: () => "/api/v1/admin/toilets?q=x" },
  "POST /api/v1/admin/toilets/import/preview": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets/import/preview",
    body: () => ({ format: "csv", content: "name\nx" }),
  },
  "POST /api/v1/admin/toilets/import": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/toilets/import",
    body: () => ({ format: "csv", content: "name\nx" }),
  },
};
