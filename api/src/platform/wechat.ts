/*
 * The one client for WeChat's server API, at a configurable base URL (a loopback fake in tests).
 * code2session: GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 * answers {openid, session_key, unionid?} or {errcode, errmsg} (40029 invalid code, 40163 code used,
 * 45011 rate limited, -1 busy).
 *
 * The server-to-server calls below need an access token:
 *   GET  /cgi-bin/token?grant_type=client_credential&appid&secret -> {access_token, expires_in} | {errcode, errmsg}
 *        (kept in memory until a minute before it expires; on 40001 / 42001 / 40014 a call refreshes it once and retries)
 *   POST /wxa/msg_sec_check?access_token=  {content, version: 2, scene, openid}
 *        -> {errcode, errmsg, result: {suggest: pass|review|risky, label}, detail: [...], trace_id}
 *   POST /wxa/media_check_async?access_token=  {media_url, media_type: 2 (image), version: 2, scene, openid}
 *        -> {errcode, errmsg, trace_id}; the verdict arrives later as the `wxa_media_check` message push
 *   POST /cgi-bin/message/subscribe/send?access_token=
 *        {touser, template_id, page, data: {key: {value}}, miniprogram_state, lang} -> {errcode, errmsg}
 *        (43101: the user has no subscription left for this template: refused, or the one-time grant is used)
 *   POST /wxa/business/getuserphonenumber?access_token=  {code}   (the phone-number button's one-time code)
 *        -> {errcode: 0, errmsg, phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark: {timestamp, appid}}}
 *        (40029: the code is invalid, expired or used; 45011: rate limited; -1: busy)
 * Scenes: 1 profile, 2 comment, 3 forum, 4 social log. Every failure is a WechatError.
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

/** The subscribe-message errcode for "this user has no subscription left for the template". */
export const NO_SUBSCRIPTION_QUOTA = 43101;

export type SecCheckSuggest = "pass" | "review" | "risky";

/** 1 profile, 2 comment, 3 forum, 4 social log (Civic's reports are forum-like posts: 3). */
export type SecCheckScene = 1 | 2 | 3 | 4;

export interface MsgSecCheckResult {
  suggest: SecCheckSuggest;
  label: number;
  traceId: string;
}

export interface SubscribeMessage {
  /** The recipient's openid. */
  toUser: string;
  templateId: string;
  /** The mini-program page the message opens, with its query. */
  page: string;
  /** Template fields: `{thing1: "...", time3: "..."}`; sent as `{thing1: {value: "..."}}`. */
  data: Record<string, string>;
  miniprogramState: "formal" | "trial" | "developer";
  lang?: "zh_CN" | "en_US" | "zh_HK" | "zh_TW";
}

export interface WechatClient {
  code2session(code: string): Promise<Code2SessionResult>;
  msgSecCheck(input: { content: string; openid: string; scene?: SecCheckScene }): Promise<MsgSecCheckResult>;
  /** Starts an asynchronous image check; returns the trace id its callback will carry. */
  mediaCheckAsync(input: { mediaUrl: string; openid: string; scene?: SecCheckScene }): Promise<{ traceId: string }>;
  sendSubscribeMessage(message: SubscribeMessage): Promise<void>;
  /** The phone number behind a phone-number button's one-time code. */
  getPhoneNumber(code: string): Promise<PhoneInfo>;
}

export interface PhoneInfo {
  /** With the country code for numbers outside the mainland. */
  phoneNumber: string;
  purePhoneNumber: string;
  countryCode: string;
}

export interface WechatClientOptions {
  apiBase: string;
  appId: string;
  secret: string;
  timeoutMs: number;
  fetch?: typeof fetch;
}

/** errcodes meaning the access token is invalid or expired: refresh once and retry. */
const STALE_TOKEN = new Set([40001, 40014, 42001]);

export function createWechatClient(opts: WechatClientOptions): WechatClient {
  const doFetch = opts.fetch ?? ((input, init) => fetch(input, init));

  async function request(path: string, params: Record<string, string>, body?: unknown): Promise<Record<string, unknown>> {
    const url = `${opts.apiBase}${path}?${new URLSearchParams(params).toString()}`;
    let res: Response;
    try {
      res = await doFetch(
        url,
        body === undefined
          ? { signal: AbortSignal.timeout(opts.timeoutMs) }
          : {
              method: "POST",
              headers: { "content-type": "application/json" },
              body: JSON.stringify(body),
              signal: AbortSignal.timeout(opts.timeoutMs),
            },
      );
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      throw new WechatError(timedOut ? "timeout" : "network", timedOut ? "WeChat did not answer in time" : "WeChat unreachable");
    }
    try {
      return (await res.json()) as Record<string, unknown>;
    } catch (err) {
      const timedOut = err instanceof Error && (err.name === "TimeoutError" || err.name === "AbortError");
      if (timedOut) throw new WechatError("timeout", "WeChat did not answer in time");
      throw new WechatError("bad_response", `WeChat answered ${res.status} without JSON`);
    }
  }
  const getJson = (path: string, params: Record<string, string>) => request(path, params);
  const errcodeOf = (body: Record<string, unknown>) => (typeof body.errcode === "number" ? body.errcode : 0);

  let token: { value: string; expiresAt: number } | null = null;
  let pending: Promise<string> | null = null;

  async function fetchToken(): Promise<string> {
    const body = await getJson("/cgi-bin/token", { grant_type: "client_credential", appid: opts.appId, secret: opts.secret });
    const errcode = errcodeOf(body);
    if (errcode !== 0) throw new WechatError(errcode, String(body.errmsg ?? "token failed"));
    if (typeof body.access_token !== "string" || !body.access_token)
      throw new WechatError("bad_response", "token answered without access_token");
    const ttlS = typeof body.expires_in === "number" ? body.expires_in : 7200;
    // Refresh a minute early (or at half-life for very short tokens) so a token never expires mid-call.
    token = { value: body.access_token, expiresAt: Date.now() + Math.max(ttlS - 60, ttlS / 2) * 1000 };
    return body.access_token;
  }

  /** One in-flight token request per client, however many calls want one at once. */
  function accessToken(forceRefresh = false): Promise<string> {
    if (!forceRefresh && token && token.expiresAt > Date.now()) return Promise.resolve(token.value);
    if (forceRefresh) token = null;
    pending ??= fetchToken().finally(() => {
      pending = null;
    });
    return pending;
  }

  /** POST with the access token; on a stale-token errcode, one refresh and one retry. Non-zero errcodes throw. */
  async function postWithToken(path: string, body: unknown, what: string): Promise<Record<string, unknown>> {
    let answer = await request(path, { access_token: await accessToken() }, body);
    if (STALE_TOKEN.has(errcodeOf(answer))) {
      answer = await request(path, { access_token: await accessToken(true) }, body);
    }
    const errcode = errcodeOf(answer);
    if (errcode !== 0) throw new WechatError(errcode, String(answer.errmsg ?? `${what} failed`));
    return answer;
  }

  return {
    async code2session(code) {
      const body = await getJson("/sns/jscode2session", {
        appid: opts.appId,
        secret: opts.secret,
        js_code: code,
        grant_type: "authorization_code",
      });
      const errcode = errcodeOf(body);
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

    async msgSecCheck({ content, openid, scene = 3 }) {
      const body = await postWithToken("/wxa/msg_sec_check", { content, version: 2, scene, openid }, "msg_sec_check");
      const result = body.result as { suggest?: unknown; label?: unknown } | undefined;
      const suggest = result?.suggest;
      if (suggest !== "pass" && suggest !== "review" && suggest !== "risky") {
        throw new WechatError("bad_response", "msg_sec_check answered without result.suggest");
      }
      return { suggest, label: Number(result?.label ?? 0), traceId: String(body.trace_id ?? "") };
    },

    async mediaCheckAsync({ mediaUrl, openid, scene = 3 }) {
      const body = await postWithToken(
        "/wxa/media_check_async",
        { media_url: mediaUrl, media_type: 2, version: 2, scene, openid },
        "media_check_async",
      );
      // The HTTPS API answers trace_id; cloud calls answer traceId. Accept either.
      const traceId = body.trace_id ?? body.traceId;
      if (typeof traceId !== "string" || !traceId) throw new WechatError("bad_response", "media_check_async answered without trace_id");
      return { traceId };
    },

    async sendSubscribeMessage(m) {
      await postWithToken(
        "/cgi-bin/message/subscribe/send",
        {
          touser: m.toUser,
          template_id: m.templateId,
          page: m.page,
          data: Object.fromEntries(Object.entries(m.data).map(([k, value]) => [k, { value }])),
          miniprogram_state: m.miniprogramState,
          lang: m.lang ?? "zh_CN",
        },
        "subscribe/send",
      );
    },

    async getPhoneNumber(code) {
      const body = await postWithToken("/wxa/business/getuserphonenumber", { code }, "getuserphonenumber");
      const info = body.phone_info as { phoneNumber?: unknown; purePhoneNumber?: unknown; countryCode?: unknown } | undefined;
      if (typeof info?.purePhoneNumber !== "string" || !info.purePhoneNumber) {
        throw new WechatError("bad_response", "getuserphonenumber answered without phone_info.purePhoneNumber");
      }
      return {
        phoneNumber: typeof info.phoneNumber === "string" ? info.phoneNumber : info.purePhoneNumber,
        purePhoneNumber: info.purePhoneNumber,
        countryCode: typeof info.countryCode === "string" ? info.countryCode : "86",
      };
    },
  };
}
