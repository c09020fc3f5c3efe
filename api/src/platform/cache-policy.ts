import type { Context } from "hono";

/*
 * Who may keep a copy of an answer. The rule: nothing is stored (`no-store`) unless it is an anonymous GET
 * of public data listed below. So every answer to a signed-in caller (their reports, inbox, /me, a
 * reporter's exact address, staff and admin routes, which all need a token) and every error is no-store,
 * and a route added later is private until someone lists it here on purpose.
 */

/** Public answers and how many seconds a browser or proxy may reuse them. */
const PUBLIC_MAX_AGE: readonly [prefix: string, exact: boolean, seconds: number][] = [
  ["/api/v1/toilets/nearby", true, 60],
  ["/api/v1/toilets/", false, 300],
  ["/api/v1/report-categories", true, 300],
  ["/api/v1/reports/public", true, 60],
  ["/openapi.json", true, 300],
];

function publicMaxAge(path: string): number | undefined {
  for (const [prefix, exact, seconds] of PUBLIC_MAX_AGE) {
    // `/api/v1/toilets/{id}` only: one more segment, never a sub-route such as /feedback.
    if (exact ? path === prefix : path.startsWith(prefix) && path.indexOf("/", prefix.length) === -1) return seconds;
  }
  return undefined;
}

/**
 * Run after the handler: the answer's Cache-Control, unless the handler or host chose one already. Writes
 * on the response's own headers: Hono's c.header() after the answer is made copies the whole Response,
 * which costs the nearby search a large share of its throughput.
 */
export function applyCachePolicy(c: Context): void {
  const headers = c.res.headers;
  if (headers.has("cache-control")) return;
  const maxAge =
    c.req.method === "GET" && c.res.status === 200 && c.req.header("authorization") === undefined ? publicMaxAge(c.req.path) : undefined;
  if (maxAge === undefined) {
    headers.set("Cache-Control", "no-store");
    return;
  }
  headers.set("Cache-Control", `public, max-age=${maxAge}`);
  // The same URL answers a signed-in caller differently (and never from a shared copy).
  headers.append("Vary", "Authorization");
}
