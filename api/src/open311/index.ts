/**
 * open311: the reports domain as an Open311 GeoReport v2 endpoint (/open311/v2/*.json) for other city
 * systems, and the admin's api_key management (/api/v1/admin/open311/keys).
 * Callers: anyone reads services and accepted requests; an api_key holder files requests and sees its own
 * at once; admins issue and revoke keys.
 * Tables: open311_keys (owns); reports and report_history through the reports domain; audit_log (writes).
 */
import type { createRouter } from "../platform/router";
import { georeportApp } from "./georeport.routes";
import * as handlers from "./keys.handlers";
import * as routes from "./keys.routes";
import { documentOpen311 } from "./openapi-doc";

export function registerOpen311(app: ReturnType<typeof createRouter>) {
  app.openapi(routes.createKey, handlers.createKeyHandler);
  app.openapi(routes.listKeys, handlers.listKeysHandler);
  app.openapi(routes.revokeKey, handlers.revokeKeyHandler);
  app.route("/open311", georeportApp());
  documentOpen311(app);
}
