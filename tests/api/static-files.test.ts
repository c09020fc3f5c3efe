import { mkdirSync, utimesSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { join } from "node:path";
import { brotliCompressSync, gzipSync } from "node:zlib";
import { startNodeServer } from "@civic/api/hosts/node/server";
import { acceptedEncodings } from "@civic/api/hosts/node/static-files";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshTempDir } from "../support/temp-dirs";

/*
 * The Node host serving the H5 app: precompressed copies chosen by Accept-Encoding, long caching for
 * hashed bundles, revalidation for index.html. node:http, not fetch: fetch would decompress the body and
 * choose its own Accept-Encoding.
 */
const dir = freshTempDir("static");
const h5 = join(dir.path, "h5");
const BUNDLE = "js/app.1a2b3c4d.js";
const bundleText = `console.log(${JSON.stringify("城管服务 ".repeat(200))});`;
const indexHtml = `<!doctype html><html><head><title>城管服务</title><script src="/${BUNDLE}"></script></head><body>${"<div></div>".repeat(50)}</body></html>`;
let server: { url: string; close(): Promise<void> };

beforeAll(async () => {
  mkdirSync(join(h5, "js"), { recursive: true });
  writeFileSync(join(h5, BUNDLE), bundleText);
  writeFileSync(join(h5, `${BUNDLE}.br`), brotliCompressSync(bundleText));
  writeFileSync(join(h5, `${BUNDLE}.gz`), gzipSync(bundleText));
  writeFileSync(join(h5, "index.html"), indexHtml);
  writeFileSync(join(h5, "index.html.gz"), gzipSync(indexHtml));
  // A brotli copy left over from an earlier build: older than the file beside it.
  writeFileSync(join(h5, "index.html.br"), brotliCompressSync("<!doctype html><title>old build</title>"));
  utimesSync(join(h5, "index.html.br"), new Date("2020-01-01"), new Date("2020-01-01"));
  writeFileSync(join(h5, "logo.png"), Buffer.from([0x89, 0x50, 0x4e, 0x47]));
  writeFileSync(join(dir.path, "secret.txt"), "not for the web");
  server = await startNodeServer({
    databasePath: join(dir.path, "db.sqlite"),
    staticDir: h5,
    env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" },
  });
});

afterAll(async () => {
  await server.close();
  dir.remove();
});

function get(path: string, headers: Record<string, string> = {}, method = "GET") {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    const req = request(`${server.url}${path}`, { method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("the H5 app's files on the Node host", () => {
  it("a browser that accepts brotli gets the .br copy of a hashed bundle, cached for a year", async () => {
    const res = await get(`/${BUNDLE}`, { "accept-encoding": "gzip, deflate, br, zstd" });
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^(?:text|application)\/javascript/);
    expect(res.headers.vary).toBe("Accept-Encoding");
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(Number(res.headers["content-length"])).toBe(res.body.length);
    expect(res.body.length).toBeLessThan(Buffer.byteLength(bundleText) / 5);
    expect(brotliCompressSync(bundleText).equals(res.body)).toBe(true);
  });

  it("gzip when brotli is refused or not offered; the plain file (still varying) when neither is accepted", async () => {
    const gz = await get(`/${BUNDLE}`, { "accept-encoding": "br;q=0, gzip;q=0.8" });
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gzipSync(bundleText).equals(gz.body)).toBe(true);
    const plain = await get(`/${BUNDLE}`);
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers.vary).toBe("Accept-Encoding");
    expect(plain.body.toString()).toBe(bundleText);
  });

  it("index.html is revalidated on every visit and never served from a copy older than itself", async () => {
    const res = await get("/", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("text/html; charset=utf-8");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-encoding"]).toBe("gzip");
    expect(gzipSync(indexHtml).equals(res.body)).toBe(true);
  });

  it("a revisit with the ETag it was given gets a 304 without a body, per encoding", async () => {
    const first = await get("/index.html", { "accept-encoding": "gzip" });
    const etag = String(first.headers.etag);
    expect(etag).toMatch(/^".+"$/);
    const again = await get("/index.html", { "accept-encoding": "gzip", "if-none-match": etag });
    expect(again.status).toBe(304);
    expect(again.body.length).toBe(0);
    expect(again.headers.etag).toBe(etag);
    expect(again.headers["cache-control"]).toBe("no-cache");
    expect(again.headers.vary).toBe("Accept-Encoding");
    const otherEncoding = await get("/index.html", { "if-none-match": etag });
    expect(otherEncoding.status).toBe(200);
    const bySince = await get("/index.html", { "if-modified-since": String(first.headers["last-modified"]) });
    expect(bySince.status).toBe(304);
  });

  it("HEAD answers the length of the copy it would send, without a body", async () => {
    const res = await get(`/${BUNDLE}`, { "accept-encoding": "br" }, "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(Number(res.headers["content-length"])).toBe(brotliCompressSync(bundleText).length);
    expect(res.body.length).toBe(0);
  });

  it("files without a hash in their name are revalidated, and images are not given an encoding", async () => {
    const res = await get("/logo.png", { "accept-encoding": "br, gzip" });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("image/png");
    expect(res.headers["cache-control"]).toBe("no-cache");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.headers.vary).toBeUndefined();
  });

  it("nothing outside the app's folder is served, and API paths stay JSON", async () => {
    for (const path of ["/../secret.txt", "/..%2fsecret.txt", "/%2e%2e/secret.txt", "/js/..%2f..%2fsecret.txt"]) {
      const res = await get(path);
      expect(res.body.toString(), path).not.toContain("not for the web");
    }
    const api = await get("/api/v1/nothing-here");
    expect(api.status).toBe(404);
    expect(String(api.headers["content-type"])).toContain("application/json");
  });
});

describe("Accept-Encoding", () => {
  it("honours q-values and the wildcard", () => {
    expect([...acceptedEncodings("gzip, deflate, br")].sort()).toEqual(["br", "deflate", "gzip"]);
    expect([...acceptedEncodings("br;q=0, gzip")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("*")].sort()).toEqual(["br", "gzip"]);
    expect([...acceptedEncodings("*;q=0.5, br;q=0")]).toEqual(["gzip"]);
    expect([...acceptedEncodings("identity")]).toEqual(["identity"]);
    expect(acceptedEncodings(undefined).size).toBe(0);
  });
});
