/**
 * A fake of WeChat's server API on a loopback ephemeral port, built to the documented behaviour:
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 *   -> {openid, session_key, unionid?} | {errcode, errmsg}
 *   errcodes: 40013 invalid appid, 40125 invalid secret, 40029 invalid code, 40163 code been used,
 *   45011 api minute-quota reached, -1 system busy.
 * Test controls (not WeChat's): POST /__test/codes {openid, unionid?} -> {code};
 * POST /__test/mode {mode: "normal" | "busy" | "rate_limited" | "slow"}; GET /__test/calls -> {calls}.
 */
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_APPID = "wx-test-appid";
export const FAKE_SECRET = "wx-test-secret";

export type FakeMode = "normal" | "busy" | "rate_limited" | "slow";

export interface FakeWechat {
  url: string;
  issueCode(openid: string, unionid?: string): string;
  setMode(mode: FakeMode): void;
  calls(): number;
  close(): Promise<void>;
}

async function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  try {
    return JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>;
  } catch {
    return {};
  }
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const codes = new Map<string, { openid: string; unionid?: string; used: boolean }>();
  let mode: FakeMode = "normal";
  let calls = 0;
  const rid = () => randomBytes(4).toString("hex");
  const issueCode = (openid: string, unionid?: string) => {
    const code = `code-${randomBytes(12).toString("hex")}`;
    codes.set(code, { openid, ...(unionid ? { unionid } : {}), used: false });
    return code;
  };

  const send = (res: ServerResponse, body: unknown, status = 200) => {
    res.writeHead(status, { "content-type": "application/json" });
    res.end(JSON.stringify(body));
  };

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    if (req.method === "POST" && url.pathname === "/__test/codes") {
      const body = await readJson(req);
      return send(res, { code: issueCode(String(body.openid), body.unionid ? String(body.unionid) : undefined) });
    }
    if (req.method === "POST" && url.pathname === "/__test/mode") {
      mode = (await readJson(req)).mode as FakeMode;
      return send(res, { mode });
    }
    if (req.method === "GET" && url.pathname === "/__test/calls") return send(res, { calls });
    if (req.method === "GET" && url.pathname === "/sns/jscode2session") {
      calls++;
      const p = url.searchParams;
      if (mode === "busy") return send(res, { errcode: -1, errmsg: `system error, rid: ${rid()}` });
      if (mode === "rate_limited") return send(res, { errcode: 45011, errmsg: `api minute-quota reach limit, rid: ${rid()}` });
      if (mode === "slow") await new Promise((r) => setTimeout(r, 3000));
      if (p.get("appid") !== FAKE_APPID) return send(res, { errcode: 40013, errmsg: `invalid appid, rid: ${rid()}` });
      if (p.get("secret") !== FAKE_SECRET) return send(res, { errcode: 40125, errmsg: `invalid appsecret, rid: ${rid()}` });
      if (p.get("grant_type") !== "authorization_code") return send(res, { errcode: 40002, errmsg: "invalid grant_type" });
      const entry = codes.get(p.get("js_code") ?? "");
      if (!entry) return send(res, { errcode: 40029, errmsg: `invalid code, rid: ${rid()}` });
      if (entry.used) return send(res, { errcode: 40163, errmsg: `code been used, rid: ${rid()}` });
      entry.used = true;
      return send(res, {
        openid: entry.openid,
        session_key: randomBytes(16).toString("base64"),
        ...(entry.unionid ? { unionid: entry.unionid } : {}),
      });
    }
    send(res, { errcode: 40066, errmsg: "invalid url" }, 404);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    issueCode,
    setMode: (m) => {
      mode = m;
    },
    calls: () => calls,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
