import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { AppEnv } from "../platform/context";
import { ApiError } from "../platform/errors";

/*
 * GeoReport v2 answers every failure as an array of {code, description}, with the code also the HTTP
 * status; under /open311 nothing ever answers in the API's usual envelope.
 */
export type Open311ErrorBody = { code: number; description: string }[];

export class Open311Error extends Error {
  constructor(
    readonly status: ContentfulStatusCode,
    readonly description: string,
    readonly headers?: Record<string, string>,
  ) {
    super(description);
  }
}

export const open311BadRequest = (description: string) => new Open311Error(400, description);
export const open311Forbidden = (description: string) => new Open311Error(403, description);
export const open311NotFound = (description: string) => new Open311Error(404, description);

export const open311Body = (status: number, description: string): Open311ErrorBody => [{ code: status, description }];

/** The report domain's problem paths, named as an Open311 client sent them. */
function open311Field(path: string): string {
  if (path === "category") return "service_code";
  const attribute = /^attributes\.(.+)$/.exec(path);
  return attribute ? `attribute[${attribute[1]}]` : path;
}

function describeApiError(err: ApiError): string {
  const problems = Array.isArray(err.details) ? (err.details as { path?: unknown; message?: unknown }[]) : [];
  const parts = problems
    .filter((p) => typeof p?.message === "string")
    .map((p) => (typeof p.path === "string" && p.path ? `${open311Field(p.path)}: ${p.message}` : String(p.message)));
  return parts.length > 0 ? `${err.message} (${parts.join("; ")})` : err.message;
}

export function respondWithOpen311Error(c: Context<AppEnv>, err: unknown): Response {
  if (err instanceof Open311Error) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    return c.json(open311Body(err.status, err.description), err.status);
  }
  if (err instanceof ApiError) {
    for (const [k, v] of Object.entries(err.headers ?? {})) c.header(k, v);
    // The spec knows no 422: a body the report domain refuses is a bad request.
    const status = err.status === 422 ? 400 : err.status;
    return c.json(open311Body(status, describeApiError(err)), status);
  }
  if (err instanceof HTTPException && err.status < 500) {
    return c.json(open311Body(err.status, err.message || "bad request"), err.status as ContentfulStatusCode);
  }
  c.get("deps")?.log.error("unhandled error", {
    requestId: c.get("requestId"),
    error: err instanceof Error ? `${err.name}: ${err.message}` : String(err),
    stack: err instanceof Error ? err.stack : undefined,
  });
  return c.json(open311Body(500, "something went wrong on our side"), 500);
}
