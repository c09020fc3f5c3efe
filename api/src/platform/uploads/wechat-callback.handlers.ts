import type { ContentCheck } from "@civic/shared";
import type { Context } from "hono";
import type { AppEnv } from "../context";
import { errorBody } from "../errors";
import { uploadsFoundRisky } from "./attach";
import { uploadsRepo } from "./uploads.repo";

/*
 * WeChat's message push (消息推送), configured in the mini-program's console as: URL
 * `<PUBLIC_BASE_URL>/wechat/media-check`, Token = WECHAT_CALLBACK_TOKEN, message encryption 明文模式
 * (plain text), data format JSON. WeChat signs every push: `signature` = hex SHA-1 of the sorted
 * concatenation of [token, timestamp, nonce] from the query. Unsigned or badly signed pushes are refused
 * with a 403 envelope, and so is every push when no token is configured, except in demo mode (DEV_LOGIN=1
 * and no WECHAT_CALLBACK_TOKEN), where unsigned pushes are accepted so a demo can fake the callback.
 */

async function sha1Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-1", new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** The signature WeChat puts on a push for this token, timestamp and nonce. */
export async function wechatPushSignature(token: string, timestamp: string, nonce: string): Promise<string> {
  return sha1Hex([token, timestamp, nonce].sort().join(""));
}

function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

async function signatureOk(c: Context<AppEnv>): Promise<boolean> {
  const { config } = c.get("deps");
  const token = config.notifications.callbackToken;
  if (!token) return config.devLogin;
  const signature = c.req.query("signature") ?? "";
  const timestamp = c.req.query("timestamp") ?? "";
  const nonce = c.req.query("nonce") ?? "";
  if (!signature || !timestamp || !nonce) return false;
  return sameText(await wechatPushSignature(token, timestamp, nonce), signature.toLowerCase());
}

const refuse = (c: Context<AppEnv>) => c.json(errorBody("forbidden", "the push signature is missing or wrong"), 403);
const success = (c: Context<AppEnv>) => c.text("success", 200, { "Content-Type": "text/plain; charset=utf-8" });

/** GET: WeChat's URL check when the push is configured; answers `echostr` when the signature holds. */
export async function mediaCheckEcho(c: Context<AppEnv>) {
  if (!(await signatureOk(c))) return refuse(c);
  return c.text(c.req.query("echostr") ?? "", 200, { "Content-Type": "text/plain; charset=utf-8" });
}

interface MediaCheckPush {
  Event?: unknown;
  trace_id?: unknown;
  errcode?: unknown;
  result?: { suggest?: unknown };
}

function verdictOf(push: MediaCheckPush): ContentCheck {
  if (typeof push.errcode === "number" && push.errcode !== 0) return "error";
  const suggest = push.result?.suggest;
  return suggest === "pass" || suggest === "review" || suggest === "risky" ? suggest : "error";
}

/** POST: the `wxa_media_check` event. Idempotent; an unknown trace id is logged and still answered "success". */
export async function mediaCheckPush(c: Context<AppEnv>) {
  const { db, log } = c.get("deps");
  if (!(await signatureOk(c))) return refuse(c);
  let push: MediaCheckPush;
  try {
    push = (await c.req.json()) as MediaCheckPush;
  } catch {
    return c.json(errorBody("bad_request", "the push body is not JSON (configure the push's data format as JSON)"), 400);
  }
  if (!push || typeof push !== "object" || push.Event !== "wxa_media_check") {
    log.info("wechat push ignored", { event: String((push as MediaCheckPush | null)?.Event ?? "") });
    return success(c);
  }
  const traceId = typeof push.trace_id === "string" ? push.trace_id : "";
  if (!traceId) return c.json(errorBody("bad_request", "the push has no trace_id"), 400);
  const verdict = verdictOf(push);
  const repo = uploadsRepo(db);
  const touched = await repo.setCheckByTrace(traceId, verdict);
  if (touched.length === 0) {
    log.warn("media check for an unknown trace id", { traceId, verdict });
    return success(c);
  }
  if (verdict === "risky") await uploadsFoundRisky(db, touched);
  log.info("media check", { traceId, verdict, uploads: touched });
  return success(c);
}
