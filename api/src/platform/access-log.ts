import type { Context } from "hono";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "./context";
import { RateLimitRefusal } from "./rate-limit";

/**
 * The route PATTERN that answered (`/api/v1/reports/:id`), never the raw path: ids, tokens in paths and
 * query strings stay out of logs and metric labels, and the label set stays as small as the route table.
 */
export function routePattern(c: Context<AppEnv>): string {
  const routes = matchedRoutes(c);
  const index = c.req.routeIndex;
  // After next() the index points at the last handler that ran. A middleware (method ALL) there means it
  // answered itself (401, 413, 415) or nothing matched: name the endpoint it stood in front of, if any.
  for (let i = index; i < routes.length; i++) {
    const route = routes[i];
    if (route && route.method !== "ALL") return route.path;
  }
  return "unmatched";
}

/**
 * One access-log line at info and the request metrics, after the answer is built. Fields are a fixed,
 * small set (no headers, no body, no query): a token, openid, phone or address can never reach the line.
 */
export function recordRequest(c: Context<AppEnv>, requestId: string, startedMs: number): void {
  const deps = c.get("deps");
  const route = routePattern(c);
  const status = c.res.status;
  const ms = Math.round((performance.now() - startedMs) * 10) / 10;
  const method = c.req.method;
  deps.metrics?.observeRequest(method, route, status, ms);
  if (c.error instanceof RateLimitRefusal) deps.metrics?.rateLimited(c.error.bucketKind);
  const fields = { requestId, method, route, status, ms };
  if (status >= 500) deps.log.error("request", fields);
  else deps.log.info("request", fields);
}
