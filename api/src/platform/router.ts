import { ErrorEnvelope } from "@civic/shared";
import { OpenAPIHono, type RouteConfig, type RouteHandler } from "@hono/zod-openapi";
import type { Context, TypedResponse } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { z } from "zod";
import type { AppEnv } from "./context";
import { errorBody } from "./errors";

/**
 * Every route group is built with this, so a schema failure anywhere answers the same envelope:
 * a body that fails its schema is 422; a bad query string or path parameter is 400.
 */
export function createRouter() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const details = result.error.issues.map((i) => ({ path: i.path.join("."), message: i.message }));
      if (result.target === "json" || result.target === "form") {
        return c.json(errorBody("validation_failed", "the request body is not valid", details), 422);
      }
      return c.json(errorBody("bad_request", `invalid ${result.target} parameters`, details), 400);
    },
  });
}

export type AppRouteHandler<R extends RouteConfig> = RouteHandler<R, AppEnv>;

const ERROR_DESCRIPTIONS: Record<number, string> = {
  400: "Malformed request or bad query parameters",
  401: "Not signed in",
  403: "Signed in, but the role may not do this",
  404: "Not found, or not visible to the caller",
  409: "Conflicts with the current state",
  413: "Body too large",
  415: "Body is not JSON",
  422: "Body fails validation",
  428: "If-Match with the version acted on is missing",
  429: "Too many requests",
  502: "WeChat did not answer",
};

/** OpenAPI response entries for the given error statuses, all in the one envelope. */
export function errorResponses(...statuses: number[]) {
  return Object.fromEntries(
    statuses.map((s) => [s, { description: ERROR_DESCRIPTIONS[s] ?? "Error", content: { "application/json": { schema: ErrorEnvelope } } }]),
  );
}

export function jsonContent<T extends z.ZodType>(schema: T, description: string) {
  return { description, content: { "application/json": { schema } } };
}

export function jsonBody<T extends z.ZodType>(schema: T) {
  return { required: true, content: { "application/json": { schema } } };
}

export const bearerAuth = [{ bearerAuth: [] }];

/**
 * A JSON answer that is already text, for a hot path that splices pre-serialized JSON instead of
 * stringifying objects; `T` names what the text holds, and a test must hold the text to it.
 */
export function jsonText<T, S extends ContentfulStatusCode>(c: Context, text: string, status: S) {
  return c.body(text, status, { "Content-Type": "application/json" }) as unknown as TypedResponse<T, S, "json">;
}
