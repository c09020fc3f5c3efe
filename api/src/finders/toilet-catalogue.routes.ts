import { AdminToiletPage, AdminToiletQuery, ToiletImportPreview, ToiletImportRequest } from "@civic/shared";
import { createRoute } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

/* The admin console's reads of the toilet catalogue: search (inactive toilets too) and the import's dry run. */
const tags = ["admin", "toilets"];
const adminOnly = [requireAdmin];

export const listAdminToilets = createRoute({
  method: "get",
  path: "/api/v1/admin/toilets",
  tags,
  summary: "Search the catalogue by name, address or source id, district and state; by name, paged by cursor",
  security: bearerAuth,
  middleware: adminOnly,
  request: { query: AdminToiletQuery },
  responses: { 200: jsonContent(AdminToiletPage, "One page of toilets"), ...errorResponses(400, 401, 403) },
});

export const previewToiletImport = createRoute({
  method: "post",
  path: "/api/v1/admin/toilets/import/preview",
  tags,
  summary: "Dry run of an import: each row's errors, or what would be created or updated; writes nothing",
  security: bearerAuth,
  middleware: adminOnly,
  request: { body: jsonBody(ToiletImportRequest) },
  responses: { 200: jsonContent(ToiletImportPreview, "What the import would do"), ...errorResponses(401, 403, 413, 415, 422) },
});
