import type { ErrorCode, ErrorEnvelope } from "@civic/shared";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "./context";

/** A failure meant for the caller; becomes the one error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    readonly headers?: Record<string, string>,
  ) {
    super(message);
  }
}

export const badRequest = (message: string, details?: unknown) => new ApiError(400, "bad_request", message, details);
export const validationFailed = (message: string, details?: unknown) => new ApiError(422, "validation_failed", message, details);
export const unauthorized = (message = "sign in first") => new ApiError(401, "unauthorized", message);
export const forbidden = (message = "your role may not do this") => new ApiError(403, "forbidden", message);
export const notFound = (what = "resource") => new ApiError(404, "not_found", `${what} not found`);
export const conflict = (message: string, details?: unknown) => new ApiError(409, "conflict", message, details);

const CODE_BY_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "bad_request",
  401: "unauthorized",
  403: "forbidden",
  404: "not_found",
  405: "bad_request",
  409: "conflict",
  413: "payload_too_large",
  415: "unsupported_media_type",
  422: "validation_failed",
  428: "precondition_required",
  429: "rate_limited",
  431: "headers_too_large",
};

export function errorBody(code: ErrorCode, message: string, details?: unknown): ErrorEnvelope {
  return { error: details === undefined ? { code, message } : { code, message, details } };
}

export function respondWithError(c: Context<AppEnv>, err: unknown): Response {
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(errorBody(err.code, err.message, err.details), err.status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    const code = CODE_BY_STATUS[err.status] ?? "bad_request";
    const message = err.message || (code === "bad_request" ? "bad request" : code.replaceAll("_", " "));
    return c.json(errorBody(code, message), err.status as ContentfulStatusCode);
  }
  c.get("deps")?.log.error("unhandled error", {
    requestId: c.get("requestId"),
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
  return c.json(errorBody("internal", "something went wrong on our side"), 500);
}
