import { z } from "@hono/zod-openapi";
import type { createRouter } from "../platform/router";

/*
 * The GeoReport v2 routes are plain Hono routes (form bodies, the spec's error arrays), so they are
 * entered in the OpenAPI document here, by hand: clients find them in /docs, and the authorization
 * matrix (which walks the document) must give each a row.
 */
const Open311Errors = z.array(z.object({ code: z.number().int(), description: z.string() })).meta({ id: "Open311Errors" });
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [code, { description: `Open311 error array`, content: { "application/json": { schema: Open311Errors } } }]),
  );
const ok = (description: string) => ({ 200: { description, content: { "application/json": { schema: z.unknown() } } } });
const tags = ["open311"];
const requestQuery = z.object({
  api_key: z.string().optional().meta({ description: "the filing key sees its own requests before acceptance, exact location" }),
  service_request_id: z.string().optional().meta({ description: "comma-separated ids; overrides the other filters" }),
  service_code: z.string().optional(),
  start_date: z.string().optional().meta({ description: "w3c datetime" }),
  end_date: z.string().optional().meta({ description: "w3c datetime" }),
  status: z.enum(["open", "closed"]).optional(),
});

export function documentOpen311(app: ReturnType<typeof createRouter>) {
  const r = app.openAPIRegistry;
  r.registerPath({
    method: "get",
    path: "/open311/v2/discovery.json",
    tags,
    summary: "GeoReport v2 discovery",
    responses: ok("Discovery"),
  });
  r.registerPath({
    method: "get",
    path: "/open311/v2/services.json",
    tags,
    summary: "Report categories as Open311 services",
    responses: ok("Services"),
  });
  r.registerPath({
    method: "get",
    path: "/open311/v2/services/{service_code}.json",
    tags,
    summary: "A service definition: its attributes",
    request: { params: z.object({ service_code: z.string() }) },
    responses: { ...ok("Service definition"), ...errors(404) },
  });
  r.registerPath({
    method: "get",
    path: "/open311/v2/requests.json",
    tags,
    summary: "Service requests: accepted ones to everyone, a key's own at once (WGS-84, coarsened for others)",
    request: { query: requestQuery },
    responses: { ...ok("Requests"), ...errors(400, 403) },
  });
  r.registerPath({
    method: "post",
    path: "/open311/v2/requests.json",
    tags,
    summary: "File a request (form-encoded: api_key, service_code, lat, long (WGS-84), description, attribute[code])",
    request: {
      body: {
        content: {
          "application/x-www-form-urlencoded": {
            schema: z.object({
              api_key: z.string(),
              service_code: z.string(),
              lat: z.string(),
              long: z.string(),
              description: z.string().optional(),
            }),
          },
        },
      },
    },
    responses: {
      201: { description: "[{service_request_id, service_notice, account_id}]", content: { "application/json": { schema: z.unknown() } } },
      ...errors(400, 403, 413, 429),
    },
  });
  r.registerPath({
    method: "get",
    path: "/open311/v2/requests/{service_request_id}.json",
    tags,
    summary: "One service request",
    request: { params: z.object({ service_request_id: z.string() }), query: z.object({ api_key: z.string().optional() }) },
    responses: { ...ok("A one-element array"), ...errors(403, 404) },
  });
}
