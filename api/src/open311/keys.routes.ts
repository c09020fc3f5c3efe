import { Open311KeyList, Open311KeyRequest, Open311KeyResponse, Open311KeySummary } from "@civic/shared";
import { createRoute, z } from "@hono/zod-openapi";
import { requireAdmin } from "../auth/auth.middleware";
import { bearerAuth, errorResponses, jsonBody, jsonContent } from "../platform/router";

const tags = ["admin", "open311"];
const adminOnly = [requireAdmin];

export const createKey = createRoute({
  method: "post",
  path: "/api/v1/admin/open311/keys",
  tags,
  summary: "Issue an Open311 api_key (shown once; only its hash is kept; audited)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { body: jsonBody(Open311KeyRequest) },
  responses: { 201: jsonContent(Open311KeyResponse, "The new key"), ...errorResponses(401, 403, 415, 422) },
});

export const listKeys = createRoute({
  method: "get",
  path: "/api/v1/admin/open311/keys",
  tags,
  summary: "Open311 keys issued so far, oldest first (without the keys)",
  security: bearerAuth,
  middleware: adminOnly,
  responses: { 200: jsonContent(Open311KeyList, "Keys"), ...errorResponses(401, 403) },
});

export const revokeKey = createRoute({
  method: "post",
  path: "/api/v1/admin/open311/keys/{id}/revoke",
  tags,
  summary: "Revoke an Open311 key: its client gets 403 from then on (audited)",
  security: bearerAuth,
  middleware: adminOnly,
  request: { params: z.object({ id: z.string().min(1).max(64) }) },
  responses: { 200: jsonContent(Open311KeySummary, "The revoked key"), ...errorResponses(400, 401, 403, 404, 409) },
});
