/**
 * The fake WeChat's test controls over HTTP, and the signed `wxa_media_check` push, for any harness.
 * No Node APIs: contract suites and the workerd harness use this too.
 */
import type { MediaCheckRecord, MediaControl, SentMessage, SubscribeControl, TextControl } from "./wechat";

/** The message-push token every test harness configures (WECHAT_CALLBACK_TOKEN). */
export const TEST_CALLBACK_TOKEN = "civic-test-callback-token";
/** The public origin every test harness configures (PUBLIC_BASE_URL), so media URLs are absolute. */
export const TEST_PUBLIC_BASE_URL = "https://civic.example";

export interface WechatControls {
  /** What msgSecCheck / mediaCheckAsync answer next (see fakes/wechat.ts). */
  setContent(c: { text?: TextControl; media?: MediaControl }): Promise<void>;
  setSubscribe(mode: SubscribeControl): Promise<void>;
  /** Invalidates every access token the fake issued (the next call answers 40001). */
  expireTokens(): Promise<void>;
  /** Controls back to defaults and records emptied (the fake is shared by a whole test file). */
  reset(): Promise<void>;
  mediaChecks(): Promise<MediaCheckRecord[]>;
  textChecks(): Promise<{ content: string; openid: string; scene: number; suggest: string }[]>;
  messages(): Promise<SentMessage[]>;
  /** How many access tokens the fake has issued. */
  tokensIssued(): Promise<number>;
  /** A phone-number button code (one use) that getuserphonenumber answers with `phone`. */
  issuePhoneCode(phone: string, countryCode?: string): Promise<string>;
  /** Let the fake POST signed pushes itself (live servers only: it needs a URL it can reach). */
  setCallbackUrl(url: string, token: string): Promise<void>;
  /** A third party's document served at the returned URL (e.g. a ParkAPI pull feed); `body` as given. */
  publish(name: string, body: string, status?: number): Promise<string>;
}

export function wechatControls(baseUrl: string): WechatControls {
  const post = async (path: string, body: unknown) => {
    const res = await fetch(`${baseUrl}${path}`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`fake WeChat ${path} answered ${res.status}`);
    return (await res.json()) as Record<string, unknown>;
  };
  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(`${baseUrl}${path}`);
    if (!res.ok) throw new Error(`fake WeChat ${path} answered ${res.status}`);
    return (await res.json()) as T;
  };
  return {
    setContent: async (c) => {
      await post("/__test/content", c);
    },
    setSubscribe: async (mode) => {
      await post("/__test/subscribe", { mode });
    },
    expireTokens: async () => {
      await post("/__test/expire-tokens", {});
    },
    reset: async () => {
      await post("/__test/reset", {});
    },
    mediaChecks: async () => (await get<{ checks: MediaCheckRecord[] }>("/__test/media-checks")).checks,
    textChecks: async () =>
      (await get<{ checks: { content: string; openid: string; scene: number; suggest: string }[] }>("/__test/text-checks")).checks,
    messages: async () => (await get<{ messages: SentMessage[] }>("/__test/messages")).messages,
    tokensIssued: async () => (await get<{ tokens: number }>("/__test/calls")).tokens,
    issuePhoneCode: async (phone, countryCode) => String((await post("/__test/phone-codes", { phone, countryCode })).code),
    setCallbackUrl: async (url, token) => {
      await post("/__test/callback-url", { url, token });
    },
    publish: async (name, body, status) => `${baseUrl}${(await post("/__test/publish", { name, body, status })).url}`,
  };
}

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/**
 * The `wxa_media_check` push WeChat sends for a finished check: the query (signature, timestamp, nonce)
 * and the JSON body. `token` defaults to the harnesses' TEST_CALLBACK_TOKEN; pass another to forge one.
 */
export async function signedMediaCheckPush(
  check: { trace_id: string; suggest: "pass" | "review" | "risky" | "error" },
  opts: { token?: string; timestamp?: string; nonce?: string } = {},
): Promise<{ query: string; body: Record<string, unknown> }> {
  const token = opts.token ?? TEST_CALLBACK_TOKEN;
  const timestamp = opts.timestamp ?? String(Math.floor(Date.now() / 1000));
  const nonce = opts.nonce ?? String(Math.floor(Math.random() * 1e9));
  const signature = await sha1Hex([token, timestamp, nonce].sort().join(""));
  const failed = check.suggest === "error";
  const suggest = failed ? "review" : check.suggest;
  const label = suggest === "pass" ? 100 : suggest === "risky" ? 20006 : 21000;
  return {
    query: new URLSearchParams({ signature, timestamp, nonce }).toString(),
    body: {
      ToUserName: "gh_civic_fake",
      FromUserName: "o_fake_system",
      CreateTime: Number(timestamp),
      MsgType: "event",
      Event: "wxa_media_check",
      appid: "wx-test-appid",
      trace_id: check.trace_id,
      version: 2,
      detail: [{ strategy: "content_model", errcode: failed ? -1 : 0, suggest, label, prob: 90 }],
      errcode: failed ? -1 : 0,
      errmsg: failed ? "system error" : "ok",
      result: { suggest, label },
    },
  };
}
