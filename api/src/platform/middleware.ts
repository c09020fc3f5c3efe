import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { AppDeps } from "../deps";
import { recordRequest } from "./access-log";
import { applyCachePolicy } from "./cache-policy";
import type { AppEnv } from "./context";
import { ApiError, errorBody } from "./errors";

/**
 * The first middleware of every request: hands the deps to the handlers, puts a request id and nosniff on
 * every response (the caller's X-Request-Id if it is sane), sets its Cache-Control (platform/cache-policy.ts),
 * and writes one access-log line (access-log.ts).
 */
export const requestContext =
  (deps: AppDeps): MiddlewareHandler<AppEnv> =>
  async (c, next) => {
    c.set("deps", deps);
    const given = c.req.header("x-request-id");
    const requestId = given && /^[\w.-]{8,64}$/.test(given) ? given : crypto.randomUUID();
    c.set("requestId", requestId);
    c.header("X-Request-Id", requestId);
    c.header("X-Content-Type-Options", "nosniff");
    const started = performance.now();
    // Set before next(): Hono applies it to whatever response follows, error responses included.
    await next();
    applyCachePolicy(c);
    recordRequest(c, requestId, started);
  };

const WRITE_METHODS = new Set(["POST", "PUT", "PATCH"]);

/** Writes under /api carry JSON (or nothing at all); anything else is a 415 before any handler runs. */
export const jsonWritesOnly: MiddlewareHandler<AppEnv> = (c, next) => {
  if (WRITE_METHODS.has(c.req.method)) {
    const length = c.req.header("content-length");
    const hasBody = (length !== undefined && length !== "0") || c.req.header("transfer-encoding") !== undefined;
    const type = c.req.header("content-type") ?? "";
    if (hasBody && !/^application\/(.+\+)?json\b/i.test(type)) {
      throw new ApiError(415, "unsupported_media_type", "send the body as application/json");
    }
  }
  return next();
};

/** Body size cap for a route group; oversize is a 413 in the envelope. */
export const maxBody = (maxBytes: number): MiddlewareHandler<AppEnv> =>
  bodyLimit({
    maxSize: maxBytes,
    onError: (c) => c.json(errorBody("payload_too_large", `the body is larger than ${Math.round(maxBytes / 1024)} KB`), 413),
  });
