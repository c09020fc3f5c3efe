import type { Context } from "hono";

/** The caller's address as the edge saw it (Cloudflare's header, else the proxy's first hop), for per-IP limits. */
export function clientIp(c: Context): string {
  const cf = c.req.header("cf-connecting-ip");
  if (cf) return cf;
  const forwarded = c.req.header("x-forwarded-for")?.split(",")[0]?.trim();
  return forwarded || "unknown";
}
