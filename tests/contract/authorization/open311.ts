import { ADMIN_ONLY, type Rows } from "./table";

/** Open311 GeoReport v2 (by api_key, not by user) and its admin keys. */
export const OPEN311_ROWS: Rows = {
  // Open311 works by api_key, not by user: bearer tokens change nothing there.
  "GET /open311/v2/discovery.json": { access: "public", path: () => "/open311/v2/discovery.json" },
  "GET /open311/v2/services.json": { access: "public", path: () => "/open311/v2/services.json" },
  "GET /open311/v2/services/{service_code}.json": { access: "public", path: () => "/open311/v2/services/street_light.json" },
  "GET /open311/v2/requests.json": { access: "public", path: () => "/open311/v2/requests.json" },
  "POST /open311/v2/requests.json": {
    access: "public",
    path: () => "/open311/v2/requests.json",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: (f) =>
      new URLSearchParams({
        api_key: f.open311Key,
        service_code: "illegal_posters",
        lat: "31.31",
        long: "120.61",
        description: "矩阵",
      }).toString(),
  },
  // Not accepted yet: no one without the filing key can see it, whatever their role.
  "GET /open311/v2/requests/{service_request_id}.json": {
    access: [],
    hidden: true,
    anonymousAllowedIn: true,
    path: (f) => `/open311/v2/requests/${f.privateReportId}.json`,
  },
  "POST /api/v1/admin/open311/keys": { access: ADMIN_ONLY, path: () => "/api/v1/admin/open311/keys", body: () => ({ name: "矩阵" }) },
  "GET /api/v1/admin/open311/keys": { access: ADMIN_ONLY, path: () => "/api/v1/admin/open311/keys" },
  "POST /api/v1/admin/open311/keys/{id}/revoke": {
    access: ADMIN_ONLY,
    path: () => "/api/v1/admin/open311/keys/0190f0f0-0000-7000-8000-000000000000/revoke",
  },
};
