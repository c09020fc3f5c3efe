import { createReadStream, type Stats, statSync } from "node:fs";
import { join, resolve, sep } from "node:path";
import { Readable } from "node:stream";
import type { MiddlewareHandler } from "hono";
import { getMimeType } from "hono/utils/mime";

/*
 * The H5 app's files on the Node host: the brotli or gzip copy written beside each file at build time
 * (scripts/precompress.mjs) when the client accepts it, cached for a year when the name carries a content
 * hash, revalidated (ETag / Last-Modified → 304) otherwise, so index.html always names the current bundle.
 * Our own instead of @hono/node-server's serveStatic({ precompressed }), which matches Accept-Encoding
 * tokens literally (`br;q=1` is ignored, `*` too), sends Vary only on compressed answers (a shared cache
 * may then keep the plain one for everybody), and answers no conditional request with a 304.
 */

const ENCODINGS = [
  { name: "br", suffix: ".br" },
  { name: "gzip", suffix: ".gz" },
] as const;

/** Taro/webpack names bundles `name.<hash>.js`; such a file never changes under its name. */
const HASHED_NAME = /[.-][0-9a-f]{8,}\.(?:js|css|png|jpe?g|gif|svg|webp|woff2?|ttf|eot)$/i;
const COMPRESSIBLE = /^(?:text\/|application\/(?:javascript|json|xml|manifest\+json)|image\/svg\+xml|font\/(?:ttf|otf))/;

export const IMMUTABLE = "public, max-age=31536000, immutable";

/** The encodings a client accepts, from `Accept-Encoding` with its q-values (q=0 refuses; `*` accepts the rest). */
export function acceptedEncodings(header: string | undefined): Set<string> {
  const accepted = new Set<string>();
  if (!header) return accepted;
  let wildcard = false;
  const refused = new Set<string>();
  for (const part of header.split(",")) {
    const [rawName, ...params] = part.split(";");
    const name = rawName?.trim().toLowerCase();
    if (!name) continue;
    const q = params.map((p) => /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
    const ok = q === undefined || Number(q) > 0;
    if (name === "*") wildcard = ok;
    else if (ok) accepted.add(name);
    else refused.add(name);
  }
  if (wildcard) for (const e of ENCODINGS) if (!refused.has(e.name)) accepted.add(e.name);
  return accepted;
}

function fileStats(path: string): Stats | undefined {
  try {
    const stats = statSync(path);
    return stats.isFile() ? stats : undefined;
  } catch {
    return undefined;
  }
}

/** The file a request path names inside root, or undefined (no `..`, no encoded separators, no dotfiles). */
function resolveInside(root: string, requestPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(requestPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.includes("\\") || /(?:^|\/)\./.test(decoded)) return undefined;
  const path = resolve(root, `.${decoded}`);
  if (path !== root && !path.startsWith(root + sep)) return undefined;
  return decoded.endsWith("/") ? join(path, "index.html") : path;
}

const etagOf = (stats: Stats, encoding: string) => `"${stats.size.toString(36)}-${Math.floor(stats.mtimeMs).toString(36)}-${encoding}"`;

function notModified(ifNoneMatch: string | undefined, ifModifiedSince: string | undefined, etag: string, stats: Stats) {
  if (ifNoneMatch !== undefined) return ifNoneMatch.split(",").some((t) => t.trim().replace(/^W\//, "") === etag || t.trim() === "*");
  if (ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  return Number.isFinite(since) && Math.floor(stats.mtimeMs / 1000) * 1000 <= since;
}

/** Serves GET/HEAD for files under root (directories answer with their index.html); anything else falls through. */
export function staticFiles(rootDir: string): MiddlewareHandler {
  const root = resolve(rootDir);
  return async (c, next) => {
    if ((c.req.method !== "GET" && c.req.method !== "HEAD") || c.req.path.startsWith("/api/")) return next();
    let path = resolveInside(root, c.req.path);
    let stats = path ? fileStats(path) : undefined;
    if (path && !stats && fileStats(join(path, "index.html"))) {
      path = join(path, "index.html");
      stats = fileStats(path);
    }
    if (!path || !stats) return next();

    const type = getMimeType(path) ?? "application/octet-stream";
    const headers: Record<string, string> = {
      "Content-Type": type,
      "Cache-Control": HASHED_NAME.test(path) ? IMMUTABLE : "no-cache",
    };
    let served = { path, stats, encoding: "identity" };
    if (COMPRESSIBLE.test(type)) {
      headers.Vary = "Accept-Encoding";
      const accepted = acceptedEncodings(c.req.header("accept-encoding"));
      for (const { name, suffix } of ENCODINGS) {
        if (!accepted.has(name)) continue;
        const sibling = fileStats(path + suffix);
        // A copy older than its file is left from an earlier build: never serve it.
        if (sibling && sibling.mtimeMs >= stats.mtimeMs) {
          served = { path: path + suffix, stats: sibling, encoding: name };
          headers["Content-Encoding"] = name;
          break;
        }
      }
    }
    headers.ETag = etagOf(served.stats, served.encoding);
    headers["Last-Modified"] = served.stats.mtime.toUTCString();
    if (notModified(c.req.header("if-none-match"), c.req.header("if-modified-since"), headers.ETag, served.stats)) {
      delete headers["Content-Type"];
      delete headers["Content-Encoding"];
      return c.body(null, 304, headers);
    }
    headers["Content-Length"] = String(served.stats.size);
    if (c.req.method === "HEAD") return c.body(null, 200, headers);
    const body = Readable.toWeb(createReadStream(served.path)) as ReadableStream<Uint8Array>;
    return c.body(body, 200, headers);
  };
}
