import type { AppDeps } from "@civic/api";
import type { WechatControls } from "../fakes/wechat-controls";

/**
 * What a contract suite needs from a host: a way to send requests to the app, the fake WeChat, and a
 * settable clock. The Node runner (tests/api) and the workerd runner (tests/workerd) each provide one, so
 * the same suites prove the same behaviour on better-sqlite3 and on D1 + R2. No Node APIs here.
 */
export interface ContractHarness {
  request(path: string, init?: RequestInit): Promise<Response>;
  wechat: {
    url: string;
    issueCode(openid: string): Promise<string>;
    setMode(mode: "normal" | "busy" | "rate_limited" | "slow"): Promise<void>;
    /**
     * Content checks, subscribe messages and their records (fakes/wechat-controls.ts). The app under test
     * has WECHAT_CALLBACK_TOKEN = TEST_CALLBACK_TOKEN; build a push with signedMediaCheckPush() and POST it
     * to /wechat/media-check through request().
     */
    controls: WechatControls;
    /** Runs the notification dispatcher once, as the Node timer / Workers cron would (at the harness clock). */
    dispatch(): Promise<{ sent: number; inboxOnly: number; failed: number }>;
  };
  setNow(iso: string): void;
  /** Runs the retention job once at the harness clock, as the Node timer / Workers cron would; returns reports unlinked. */
  runRetention(): Promise<number>;
  /**
   * Runs `fn` with the app's own deps (drizzle over the host's database, the harness clock), for fixtures
   * no route writes yet (communities, bin rooms, households, residents' codes). Portable drizzle only.
   */
  withDeps<T>(fn: (deps: AppDeps) => Promise<T>): Promise<T>;
}

export type GetHarness = () => ContractHarness;

export interface Session {
  token: string;
  user: { id: string; roles: string[] };
}

export async function call(
  h: ContractHarness,
  method: string,
  path: string,
  opts: { body?: unknown; token?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...(opts.headers ?? {}) };
  if (opts.token) headers.authorization = `Bearer ${opts.token}`;
  let body: string | undefined;
  if (opts.body !== undefined) {
    body = typeof opts.body === "string" ? opts.body : JSON.stringify(opts.body);
    headers["content-type"] ??= "application/json";
  }
  const res = await h.request(path, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await res.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  // biome-ignore lint/suspicious/noExplicitAny: tests read response fields freely
  return { status: res.status, headers: res.headers, json: json as any };
}

/** Signs in through dev-login (DEV_LOGIN is on in every harness). */
export async function loginAs(h: ContractHarness, openid: string, role?: string): Promise<Session> {
  const res = await call(h, "POST", "/api/v1/auth/dev-login", { body: role ? { openid, role } : { openid } });
  if (res.status !== 200) throw new Error(`dev-login failed: ${res.status} ${JSON.stringify(res.json)}`);
  return res.json as Session;
}

export function expectEnvelope(res: { json: unknown }, code: string) {
  const body = res.json as { error?: { code?: string; message?: string } };
  if (!body?.error || body.error.code !== code || typeof body.error.message !== "string") {
    throw new Error(`expected error envelope with code ${code}, got ${JSON.stringify(res.json)}`);
  }
}
