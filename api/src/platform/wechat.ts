/*
 * The one client for WeChat's server API, at a configurable base URL (a loopback fake in tests).
 * code2session: GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 * answers {openid, session_key, unionid?} or {errcode, errmsg} (40029 invalid code, 40163 code used,
 * 45011 rate limited, -1 busy).
 */
export interface Code2SessionResult {
  openid: string;
  sessionKey: string;
  unionid?: string;
}

export class WechatError extends Error {
  constructor(
    readonly errcode: number | "timeout" | "network" | "bad_response",
    message: string,
  ) {
    super(message);
  }
  /** The code itself was rejected (bad, expired or reused): the caller's fault, not WeChat's. */
  get isBadCode(): boolean {
    return this.errcode === 40029 || this.errcode === 40163 || this.errcode === 40226;
  }
}

export interface WechatClient {
  code2session(code: string): Promise<Code2SessionResult>;
}

export interface WechatClientOptions {
  apiBase: string;
  appId: string;
  secret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

export function createWechatClient(opts: WechatClientOptions): WechatClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));
  async function getJson(path: string, params: Record<string, string>): Promise<Record<string, unknown>> {
    const url = `${opts.apiBase}${path}?${new URLSearchParams(params).toString()}`;
    let res: Response;
    try {
      res = await doFetch(url, { signal: AbortSignal.timeout(opts.timeoutMs) });
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      throw new WechatError(timedOut ? "timeout" : "network", timedOut ? "WeChat did not answer in time" : "WeChat unreachable");
    }
    try {
      return (await res.json()) as Record<string, unknown>;
    } catch {
      throw new WechatError("bad_response", `WeChat answered ${res.status} without JSON`);
    }
  }
  return {
    async code2session(code) {
      const body = await getJson("/sns/jscode2session", {
        appid: opts.appId,
        secret: opts.secret,
        js_code: code,
        grant_type: "authorization_code",
      });
      const errcode = typeof body.errcode === "number" ? body.errcode : 0;
      if (errcode !== 0) throw new WechatError(errcode, String(body.errmsg ?? "code2session failed"));
      if (typeof body.openid !== "string" || typeof body.session_key !== "string") {
        throw new WechatError("bad_response", "code2session answered without openid/session_key");
      }
      return {
        openid: body.openid,
        sessionKey: body.session_key,
        ...(typeof body.unionid === "string" ? { unionid: body.unionid } : {}),
      };
    },
  };
}
