/**
 * A fake of WeChat's server API on a loopback ephemeral port, built to the documented behaviour:
 * GET /sns/jscode2session?appid&secret&js_code&grant_type=authorization_code
 *   -> {openid, session_key, unionid?} | {errcode, errmsg}
 *   errcodes: 40013 invalid appid, 40125 invalid secret, 40029 invalid code, 40163 code been used,
 *   45011 api minute-quota reached, -1 system busy.
 * GET /cgi-bin/token?grant_type=client_credential&appid&secret -> {access_token, expires_in: 7200} | {errcode, errmsg}
 * Every call below takes ?access_token= and answers 40001 for one this fake did not issue (or expired):
 * POST /wxa/msg_sec_check {content, version: 2, scene 1..4, openid}
 *   -> {errcode: 0, errmsg, result: {suggest: pass|review|risky, label}, detail: [{strategy, errcode, suggest, label, prob}], trace_id}
 * POST /wxa/media_check_async {media_url, media_type: 1|2, version: 2, scene, openid} -> {errcode: 0, errmsg, trace_id}
 *   (the verdict goes out later as the signed `wxa_media_check` push, when a callback URL is set)
 * POST /cgi-bin/message/subscribe/send {touser, template_id, page, data: {k: {value}}, miniprogram_state, lang}
 *   -> {errcode: 0, errmsg: "ok"} | 43101 (no subscription left) | 47003 (bad template data) | 40003 (bad openid)
 * POST /wxa/business/getuserphonenumber {code}   (the phone-number button's one-time code, valid once)
 *   -> {errcode: 0, errmsg: "ok", phone_info: {phoneNumber, purePhoneNumber, countryCode, watermark: {timestamp, appid}}}
 *   | 40029 (invalid, expired or used code) | 47001 (no code in the body)
 * Test controls (not WeChat's; see fakes/wechat-controls.ts for the client):
 *   POST /__test/codes {openid, unionid?} -> {code}
 *   POST /__test/phone-codes {phone, countryCode?} -> {code}   (a phone-number button code for that number)
 *   POST /__test/mode {mode: normal | busy | rate_limited | slow}   (code2session only)
 *   POST /__test/content {text?: auto|pass|review|risky|error|timeout, media?: pass|review|risky|error|timeout}
 *        text "auto" (the default): risky when the content contains 违禁词, review when it contains 待核实, else pass.
 *        media pass/review/risky is the verdict the push will carry; error makes the call answer -1; timeout answers late.
 *   POST /__test/subscribe {mode: ok | no_quota | error | timeout}
 *   POST /__test/expire-tokens      every issued access token becomes invalid (40001 on its next use)
 *   POST /__test/callback-url {url, token}   where to push media-check verdicts (signed with token); {url: ""} stops
 *   POST /__test/reset              controls back to their defaults, records emptied
 *   GET  /__test/calls -> {calls, tokens}   (code2session calls, access tokens issued)
 *   GET  /__test/messages -> {messages: [{touser, template_id, page, data, miniprogram_state, lang}]}
 *   GET  /__test/media-checks -> {checks: [{trace_id, media_url, openid, suggest}]}
 *   GET  /__test/text-checks -> {checks: [{content, openid, scene, suggest}]}
 *   POST /__test/publish {name, status?, body}   stands in for a third party's published document (e.g. a
 *        parking operator's ParkAPI JSON): GET /published/<name> then answers `body` (a string) with `status`
 *        (default 200); unknown names answer 404. Kept across /__test/reset, replaced by a new publish.
 */
import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export const FAKE_APPID = "wx-test-appid";
export const FAKE_SECRET = "wx-test-secret";
/** Content containing this answers 'risky' under the default text control. */
export const RISKY_WORD = "违禁词";
/** Content containing this answers 'review' under the default text control. */
export const REVIEW_WORD = "待核实";
/** How late a "timeout" answer comes: beyond every harness's WECHAT_TIMEOUT_MS (1000). */
export const FAKE_TIMEOUT_DELAY_MS = 1500;

export type FakeMode = "normal" | "busy" | "rate_limited" | "slow";
export type TextControl = "auto" | "pass" | "review" | "risky" | "error" | "timeout";
export type MediaControl = "pass" | "review" | "risky" | "error" | "timeout";
export type SubscribeControl = "ok" | "no_quota" | "error" | "timeout";

export interface MediaCheckRecord {
  trace_id: string;
  media_url: string;
  openid: string;
  /** The verdict the push carries ("error" = errcode -1 in the push). */
  suggest: "pass" | "review" | "risky" | "error";
}

export interface SentMessage {
  touser: string;
  template_id: string;
  page: string;
  data: Record<string, { value: string }>;
  miniprogram_state: string;
  lang: string;
}

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

const LABELS = { pass: 100, review: 21000, risky: 20006 } as const;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The signed push WeChat sends for a finished media check (JSON format, plain-text mode). */
export function mediaCheckPush(token: string, check: Pick<MediaCheckRecord, "trace_id" | "suggest">) {
  const timestamp = String(Math.floor(Date.now() / 1000));
  const nonce = String(Math.floor(Math.random() * 1e9));
  const signature = createHash("sha1").update([token, timestamp, nonce].sort().join("")).digest("hex");
  const suggest = check.suggest === "error" ? "review" : check.suggest;
  const body = {
    ToUserName: "gh_civic_fake",
    FromUserName: "o_fake_system",
    CreateTime: Number(timestamp),
    MsgType: "event",
    Event: "wxa_media_check",
    appid: FAKE_APPID,
    trace_id: check.trace_id,
    version: 2,
    detail: [{ strategy: "content_model", errcode: check.suggest === "error" ? -1 : 0, suggest, label: LABELS[suggest], prob: 90 }],
    errcode: check.suggest === "error" ? -1 : 0,
    errmsg: check.suggest === "error" ? "system error" : "ok",
    result: { suggest, label: LABELS[suggest] },
  };
  return { query: new URLSearchParams({ signature, timestamp, nonce }).toString(), body };
}

export async function startFakeWechat(): Promise<FakeWechat> {
  const codes = new Map<string, { openid: string; unionid?: string; used: boolean }>();
  const phoneCodes = new Map<string, { phone: string; countryCode: string; used: boolean }>();
  let mode: FakeMode = "normal";
  let calls = 0;
  const tokens = new Map<string, number>();
  let tokensIssued = 0;
  let textControl: TextControl = "auto";
  let mediaControl: MediaControl = "pass";
  let subscribeControl: SubscribeControl = "ok";
  let callback: { url: string; token: string } | null = null;
  let messages: SentMessage[] = [];
  let mediaChecks: MediaCheckRecord[] = [];
  let textChecks: { content: string; openid: string; scene: number; suggest: string }[] = [];
  const rid = () => randomBytes(4).toString("hex");
  const traceId = () => `${randomBytes(4).toString("hex")}-${randomBytes(4).toString("hex")}-${randomBytes(4).toString("hex")}`;
  const issueCode = (openid: string, unionid?: string) => {
    const code = `code-${randomBytes(12).toString("hex")}`;
    codes.set(code, { openid, ...(unionid ? { unionid } : {}), used: false });
    return code;
  };

  const send = (res: ServerResponse, body: unknown, status = 200) => {
    if (res.destroyed) return;
    // No keep-alive: a pooled connection that this server closes for idleness just as workerd reuses it
    // surfaces there as "Network connection lost" (seen on a loaded CI machine). A connection per call is
    // cheap on loopback and leaves no such race.
    res.writeHead(status, { "content-type": "application/json", connection: "close" });
    res.end(JSON.stringify(body));
  };

  const tokenValid = (url: URL) => {
    const t = url.searchParams.get("access_token") ?? "";
    const until = tokens.get(t);
    return until !== undefined && until > Date.now();
  };
  const invalidToken = { errcode: 40001, errmsg: "invalid credential, access_token is invalid or not latest" };

  const pushVerdict = async (check: MediaCheckRecord) => {
    if (!callback?.url) return;
    const { query, body } = mediaCheckPush(callback.token, check);
    try {
      await fetch(`${callback.url}${callback.url.includes("?") ? "&" : "?"}${query}`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify(body),
      });
    } catch {
      // WeChat would retry; the fake only logs nothing and moves on.
    }
  };

  const published = new Map<string, { status: number; body: string }>();

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://fake");
    const path = url.pathname;
    if (req.method === "POST" && path === "/__test/codes") {
      const body = await readJson(req);
      return send(res, { code: issueCode(String(body.openid), body.unionid ? String(body.unionid) : undefined) });
    }
    if (req.method === "POST" && path === "/__test/phone-codes") {
      const body = await readJson(req);
      const code = `phone-${randomBytes(12).toString("hex")}`;
      phoneCodes.set(code, { phone: String(body.phone), countryCode: String(body.countryCode ?? "86"), used: false });
      return send(res, { code });
    }
    if (req.method === "POST" && path === "/__test/mode") {
      mode = (await readJson(req)).mode as FakeMode;
      return send(res, { mode });
    }
    if (req.method === "POST" && path === "/__test/content") {
      const body = await readJson(req);
      if (body.text) textControl = body.text as TextControl;
      if (body.media) mediaControl = body.media as MediaControl;
      return send(res, { text: textControl, media: mediaControl });
    }
    if (req.method === "POST" && path === "/__test/subscribe") {
      subscribeControl = (await readJson(req)).mode as SubscribeControl;
      return send(res, { mode: subscribeControl });
    }
    if (req.method === "POST" && path === "/__test/expire-tokens") {
      tokens.clear();
      return send(res, { ok: true });
    }
    if (req.method === "POST" && path === "/__test/callback-url") {
      const body = await readJson(req);
      callback = body.url ? { url: String(body.url), token: String(body.token ?? "") } : null;
      return send(res, { ok: true });
    }
    if (req.method === "POST" && path === "/__test/publish") {
      const body = await readJson(req);
      published.set(String(body.name), { status: Number(body.status ?? 200), body: String(body.body ?? "") });
      return send(res, { url: `/published/${String(body.name)}` });
    }
    if (req.method === "GET" && path.startsWith("/published/")) {
      const doc = published.get(decodeURIComponent(path.slice("/published/".length)));
      res.writeHead(doc?.status ?? 404, { "content-type": "application/json", connection: "close" });
      return res.end(doc?.body ?? "{}");
    }
    if (req.method === "POST" && path === "/__test/reset") {
      mode = "normal";
      textControl = "auto";
      mediaControl = "pass";
      subscribeControl = "ok";
      messages = [];
      mediaChecks = [];
      textChecks = [];
      return send(res, { ok: true });
    }
    if (req.method === "GET" && path === "/__test/calls") return send(res, { calls, tokens: tokensIssued });
    if (req.method === "GET" && path === "/__test/messages") return send(res, { messages });
    if (req.method === "GET" && path === "/__test/media-checks") return send(res, { checks: mediaChecks });
    if (req.method === "GET" && path === "/__test/text-checks") return send(res, { checks: textChecks });

    if (req.method === "GET" && path === "/sns/jscode2session") {
      calls++;
      const p = url.searchParams;
      if (mode === "busy") return send(res, { errcode: -1, errmsg: `system error, rid: ${rid()}` });
      if (mode === "rate_limited") return send(res, { errcode: 45011, errmsg: `api minute-quota reach limit, rid: ${rid()}` });
      if (mode === "slow") await sleep(3000);
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

    if (req.method === "GET" && path === "/cgi-bin/token") {
      const p = url.searchParams;
      if (p.get("grant_type") !== "client_credential") return send(res, { errcode: 40002, errmsg: "invalid grant_type" });
      if (p.get("appid") !== FAKE_APPID) return send(res, { errcode: 40013, errmsg: `invalid appid, rid: ${rid()}` });
      if (p.get("secret") !== FAKE_SECRET) return send(res, { errcode: 40125, errmsg: `invalid appsecret, rid: ${rid()}` });
      const token = `fake-token-${randomBytes(16).toString("hex")}`;
      tokens.set(token, Date.now() + 7200_000);
      tokensIssued++;
      return send(res, { access_token: token, expires_in: 7200 });
    }

    if (req.method === "POST" && path === "/wxa/msg_sec_check") {
      const body = await readJson(req);
      if (!tokenValid(url)) return send(res, invalidToken);
      if (body.version !== 2) return send(res, { errcode: 40097, errmsg: "invalid args: version" });
      if (typeof body.openid !== "string" || !body.openid) return send(res, { errcode: 40003, errmsg: "invalid openid" });
      if (![1, 2, 3, 4].includes(body.scene as number)) return send(res, { errcode: 40097, errmsg: "invalid args: scene" });
      if (typeof body.content !== "string") return send(res, { errcode: 40097, errmsg: "invalid args: content" });
      const content = body.content;
      if (textControl === "error") return send(res, { errcode: -1, errmsg: `system error, rid: ${rid()}` });
      if (textControl === "timeout") await sleep(FAKE_TIMEOUT_DELAY_MS);
      const suggest =
        textControl === "auto" || textControl === "timeout"
          ? content.includes(RISKY_WORD)
            ? "risky"
            : content.includes(REVIEW_WORD)
              ? "review"
              : "pass"
          : textControl;
      textChecks.push({ content, openid: body.openid, scene: body.scene as number, suggest });
      const label = LABELS[suggest];
      return send(res, {
        errcode: 0,
        errmsg: "ok",
        result: { suggest, label },
        detail: [
          { strategy: "content_model", errcode: 0, suggest, label, prob: 90 },
          ...(suggest === "risky" ? [{ strategy: "keyword", errcode: 0, suggest, label, level: 20, keyword: RISKY_WORD }] : []),
        ],
        trace_id: traceId(),
      });
    }

    if (req.method === "POST" && path === "/wxa/media_check_async") {
      const body = await readJson(req);
      if (!tokenValid(url)) return send(res, invalidToken);
      if (body.version !== 2) return send(res, { errcode: 40097, errmsg: "invalid args: version" });
      if (body.media_type !== 1 && body.media_type !== 2) return send(res, { errcode: 40097, errmsg: "invalid args: media_type" });
      if (typeof body.openid !== "string" || !body.openid) return send(res, { errcode: 40003, errmsg: "invalid openid" });
      if (typeof body.media_url !== "string" || !body.media_url) return send(res, { errcode: 40097, errmsg: "invalid args: media_url" });
      if (mediaControl === "error") return send(res, { errcode: -1, errmsg: `system error, rid: ${rid()}` });
      if (mediaControl === "timeout") await sleep(FAKE_TIMEOUT_DELAY_MS);
      const check: MediaCheckRecord = {
        trace_id: traceId(),
        media_url: body.media_url,
        openid: body.openid,
        suggest: mediaControl === "timeout" ? "pass" : mediaControl,
      };
      mediaChecks.push(check);
      send(res, { errcode: 0, errmsg: "ok", trace_id: check.trace_id });
      if (mediaControl !== "timeout") setTimeout(() => void pushVerdict(check), 50);
      return;
    }

    if (req.method === "POST" && path === "/cgi-bin/message/subscribe/send") {
      const body = await readJson(req);
      if (!tokenValid(url)) return send(res, invalidToken);
      if (typeof body.touser !== "string" || !body.touser) return send(res, { errcode: 40003, errmsg: "invalid openid" });
      if (typeof body.template_id !== "string" || !body.template_id) return send(res, { errcode: 40037, errmsg: "invalid template_id" });
      const data = body.data as Record<string, { value?: unknown }> | undefined;
      if (!data || typeof data !== "object") return send(res, { errcode: 47003, errmsg: "argument invalid! data is empty" });
      for (const [key, entry] of Object.entries(data)) {
        const value = entry?.value;
        const length = typeof value === "string" ? Array.from(value).length : -1;
        const bad =
          length < 0 ||
          (key.startsWith("thing") && length > 20) ||
          (key.startsWith("phrase") && length > 5) ||
          (key.startsWith("time") && !/^\d{4}年\d{2}月\d{2}日 \d{2}:\d{2}$/.test(String(value)));
        if (bad) return send(res, { errcode: 47003, errmsg: `argument invalid! data.${key}.value invalid` });
      }
      if (subscribeControl === "no_quota") return send(res, { errcode: 43101, errmsg: `user refuse to accept the msg rid: ${rid()}` });
      if (subscribeControl === "error") return send(res, { errcode: -1, errmsg: `system error, rid: ${rid()}` });
      if (subscribeControl === "timeout") await sleep(FAKE_TIMEOUT_DELAY_MS);
      messages.push({
        touser: body.touser,
        template_id: body.template_id,
        page: String(body.page ?? ""),
        data: data as Record<string, { value: string }>,
        miniprogram_state: String(body.miniprogram_state ?? "formal"),
        lang: String(body.lang ?? "zh_CN"),
      });
      return send(res, { errcode: 0, errmsg: "ok" });
    }
    if (req.method === "POST" && path === "/wxa/business/getuserphonenumber") {
      const body = await readJson(req);
      if (!tokenValid(url)) return send(res, invalidToken);
      if (typeof body.code !== "string" || !body.code) return send(res, { errcode: 47001, errmsg: "data format error" });
      const entry = phoneCodes.get(body.code);
      if (!entry || entry.used) return send(res, { errcode: 40029, errmsg: `invalid code, rid: ${rid()}` });
      entry.used = true;
      return send(res, {
        errcode: 0,
        errmsg: "ok",
        phone_info: {
          phoneNumber: entry.countryCode === "86" ? entry.phone : `+${entry.countryCode}${entry.phone}`,
          purePhoneNumber: entry.phone,
          countryCode: entry.countryCode,
          watermark: { timestamp: Math.floor(Date.now() / 1000), appid: FAKE_APPID },
        },
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
