import { createHash } from "node:crypto";
import { readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { MiddlewareHandler } from "hono";

/*
 * Headers for the H5 app's files (the Node host serves them at `/`). The page gets a Content-Security-Policy:
 * scripts only from this origin plus the inline scripts of the built index.html, allowed by their hashes (Taro
 * inlines its rem-sizing script there), so an injected <script> never runs. The one `javascript:` URL allowed
 * is Taro's no-op `javascript:;` on its tab-bar links (by hash, which needs 'unsafe-hashes'). Styles may be
 * inline (Taro and React set style attributes); images may come from the 天地图 tile hosts; every API call
 * is same-origin, and a chosen photo is read back from its blob: URL before it is uploaded.
 * nosniff and Cache-Control (no-cache for HTML, so a new build is seen at once) are set once per response.
 */

const INLINE_SCRIPT = /<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/gi;
const sha256 = (text: string) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const TAB_BAR_LINK = "javascript:;";

export function h5ContentSecurityPolicy(html: string): string {
  const hashes = [...html.matchAll(INLINE_SCRIPT)]
    .map((m) => m[1] ?? "")
    .filter((body) => body.trim() !== "")
    .map(sha256);
  return [
    "default-src 'self'",
    `script-src 'self'${hashes.map((h) => ` ${h}`).join("")} 'unsafe-hashes' ${sha256(TAB_BAR_LINK)}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob: https://*.tianditu.gov.cn",
    "font-src 'self' data:",
    "connect-src 'self' blob:",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

/** The policy for the index.html in `staticDir`, recomputed only when the file changes (a rebuild). */
function policyFor(staticDir: string): () => string {
  const index = join(staticDir, "index.html");
  let cached: { mtimeMs: number; policy: string } | null = null;
  return () => {
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(index).mtimeMs;
    } catch {
      // No index.html: no inline script is allowed.
    }
    if (!cached || cached.mtimeMs !== mtimeMs) {
      cached = { mtimeMs, policy: h5ContentSecurityPolicy(mtimeMs < 0 ? "" : readFileSync(index, "utf8")) };
    }
    return cached.policy;
  };
}

export function staticHeaders(staticDir: string): MiddlewareHandler {
  const policy = policyFor(staticDir);
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    if ((headers.get("content-type") ?? "").startsWith("text/html")) {
      headers.set("Content-Security-Policy", policy());
      if (!headers.has("cache-control")) headers.set("Cache-Control", "no-cache");
    }
  };
}
