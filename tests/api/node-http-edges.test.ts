import { createHash } from "node:crypto";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request as httpRequest } from "node:http";
import { connect } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type RunningServer, startNodeServer } from "@civic/api/hosts/node/server";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The Node host at the edges of HTTP, over a real socket: oversized bodies, oversized or broken requests
 * that never reach the app, and the headers on the H5 app's own files.
 */

const INLINE_SCRIPT = "!function(){document.documentElement.style.fontSize='20px'}()";
let server: RunningServer;

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), "civic-edges-"));
  const staticDir = join(dir, "h5");
  mkdirSync(join(staticDir, "js"), { recursive: true });
  writeFileSync(
    join(staticDir, "index.html"),
    `<!doctype html><title>城管服务</title><script>${INLINE_SCRIPT}</script><script src="/js/app.js"></script>`,
  );
  writeFileSync(join(staticDir, "js", "app.js"), "console.log('h5')");
  server = await startNodeServer({
    databasePath: join(dir, "db.sqlite"),
    staticDir,
    env: { DEV_LOGIN: "1", LOG_LEVEL: "silent" },
    dispatchIntervalMs: 0,
  });
});
afterAll(async () => {
  await server.close();
});

type Answer = { status: number; headers: Record<string, string | string[] | undefined>; text: string };

/** node:http: sends the whole body with its length, then reads the answer (a socket error fails the test). */
function rawPost(path: string, body: Buffer, contentType: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(
      `${server.url}${path}`,
      { method: "POST", headers: { "content-type": contentType, "content-length": body.length } },
      (res) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (d) => (text += d));
        res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, text }));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Raw bytes on a socket; resolves to everything the server wrote before closing. */
function rawExchange(bytes: string): Promise<string> {
  const url = new URL(server.url);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(url.port), url.hostname, () => socket.write(bytes));
    let got = "";
    socket.setEncoding("utf8");
    socket.on("data", (d) => (got += d));
    socket.on("end", () => resolve(got));
    socket.on("error", reject);
  });
}

const jsonBody = (bytes: number) => Buffer.from(JSON.stringify({ description: "x".repeat(bytes) }));
const envelopeOf = (text: string) => JSON.parse(text) as { error: { code: string; message: string; details?: { requestId?: string } } };

describe("oversized bodies on the Node host", () => {
  it("node:http reads the 413 envelope for a 2 MB JSON body, told the connection closes", async () => {
    const res = await rawPost("/api/v1/reports", jsonBody(2 * 1024 * 1024), "application/json");
    expect(res.status).toBe(413);
    expect(envelopeOf(res.text).error.code).toBe("payload_too_large");
    expect(res.headers.connection).toBe("close");
    expect(res.headers["x-request-id"]).toBeTruthy();
  });

  it("fetch reads the 413 envelope for a 2 MB JSON body", async () => {
    const res = await fetch(`${server.url}/api/v1/reports`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: jsonBody(2 * 1024 * 1024),
    });
    expect(res.status).toBe(413);
    expect(envelopeOf(await res.text()).error.code).toBe("payload_too_large");
  });

  it("node:http and fetch read the 413 envelope for a 12 MB photo upload", async () => {
    const photo = Buffer.alloc(12 * 1024 * 1024, 0xff);
    const viaHttp = await rawPost("/api/v1/uploads", photo, "image/jpeg");
    expect(viaHttp.status).toBe(413);
    expect(envelopeOf(viaHttp.text).error.code).toBe("payload_too_large");
    const viaFetch = await fetch(`${server.url}/api/v1/uploads`, {
      method: "POST",
      headers: { "content-type": "image/jpeg" },
      body: photo,
    });
    expect(viaFetch.status).toBe(413);
    expect(envelopeOf(await viaFetch.text()).error.code).toBe("payload_too_large");
    // The server is still there for the next caller.
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  });
});

describe("requests Node's parser refuses", () => {
  it("a 20 KB header gets a 431 in the envelope with X-Request-Id", async () => {
    const res = await fetch(`${server.url}/healthz`, { headers: { "x-padding": "a".repeat(20 * 1024) } });
    expect(res.status).toBe(431);
    const id = res.headers.get("x-request-id");
    expect(id).toBeTruthy();
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    const body = envelopeOf(await res.text());
    expect(body.error.code).toBe("headers_too_large");
    expect(body.error.details?.requestId).toBe(id);
  });

  it("a request that is not HTTP gets a 400 in the envelope, then the connection closes", async () => {
    const raw = await rawExchange("HELLO /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
    expect(raw).toMatch(/^HTTP\/1\.1 400 Bad Request\r\n/);
    expect(raw).toMatch(/\r\nX-Request-Id: [\w-]+\r\n/);
    expect(envelopeOf(raw.slice(raw.indexOf("\r\n\r\n") + 4)).error.code).toBe("bad_request");
  });
});

describe("headers on the H5 app's files", () => {
  it("the page carries a CSP that allows only its own inline script (by hash), our origin and the 天地图 tiles", async () => {
    const page = await fetch(`${server.url}/`);
    expect(page.status).toBe(200);
    const csp = page.headers.get("content-security-policy") ?? "";
    const hash = createHash("sha256").update(INLINE_SCRIPT).digest("base64");
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(csp).toContain("img-src 'self' data: blob: https://*.tianditu.gov.cn");
    expect(csp).toContain("connect-src 'self' blob:");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(page.headers.get("x-content-type-options")).toBe("nosniff");
    expect(page.headers.get("cache-control")).toBe("no-cache");
  });

  it("scripts and missing files carry nosniff too; the API keeps its own rules", async () => {
    const script = await fetch(`${server.url}/js/app.js`);
    expect(script.status).toBe(200);
    expect(script.headers.get("x-content-type-options")).toBe("nosniff");
    expect(script.headers.get("content-security-policy")).toBeNull();
    const missing = await fetch(`${server.url}/js/missing.js`);
    expect(missing.status).toBe(404);
    expect(missing.headers.get("x-content-type-options")).toBe("nosniff");
    const api = await fetch(`${server.url}/api/v1/report-categories`);
    expect(api.headers.get("cache-control")).toBe("public, max-age=300");
    expect(api.headers.get("content-security-policy")).toBeNull();
  });
});
