import type { ContentCheck } from "@civic/shared";
import { eq } from "drizzle-orm";
import { users } from "../db/schema";
import type { AppDb } from "../db/types";
import type { AppDeps } from "../deps";
import { signedPhotoUrl } from "./uploads/photo-urls";
import { uploadsRepo } from "./uploads/uploads.repo";
import { WechatError } from "./wechat";

/*
 * WeChat content safety for any domain. Text: msgSecCheck (v2, synchronous) answers a verdict the caller
 * stores on its own object (reports: reports.text_check, see reports/text-check.ts). Images:
 * mediaCheckAsync starts a check whose verdict arrives at POST /wechat/media-check (see
 * uploads/wechat-callback.handlers.ts) and sets uploads.content_check. Anything but 'pass' (review, risky,
 * or an error/timeout recorded as 'error') keeps the object held for a moderator; a failure is never a pass.
 * Neither function throws: the caller's request goes on, and the held state shows in the queue.
 */

/**
 * A demo without WeChat credentials (DEV_LOGIN=1 and no WECHAT_APPID) has no checker to ask: its content
 * goes straight to a human ('review') instead of waiting on a call that cannot succeed.
 */
const checkerConfigured = (deps: Pick<AppDeps, "config">) => deps.config.wechat.appId !== "";

/** msgSecCheck scene: 3 = forum post (a public report is closest to it). */
const SCENE_FORUM = 3;

/** The user's WeChat openid (needed by the v2 checks), or null. */
export async function openidOf(db: AppDb, userId: string | null): Promise<string | null> {
  if (!userId) return null;
  const [row] = await db.select({ openid: users.openid }).from(users).where(eq(users.id, userId));
  return row?.openid ?? null;
}

const describe = (err: unknown) => (err instanceof WechatError ? `wechat ${err.errcode}: ${err.message}` : String(err));

/**
 * Checks a text for the object `subject` names (for logs): 'pass' | 'review' | 'risky', or 'error' on any
 * failure. Without an openid (e.g. an Open311 request) the v2 API cannot be called: 'review'. Never throws.
 */
export async function checkText(
  deps: Pick<AppDeps, "wechat" | "log" | "config">,
  input: { subject: Record<string, string>; text: string; openid: string | null },
): Promise<ContentCheck> {
  if (!input.openid || !checkerConfigured(deps)) return "review";
  try {
    return (await deps.wechat.msgSecCheck({ content: input.text, openid: input.openid, scene: SCENE_FORUM })).suggest;
  } catch (err) {
    deps.log.warn("text check failed; holding the content", { ...input.subject, error: describe(err) });
    return "error";
  }
}

/**
 * Starts WeChat's asynchronous image check for an upload with an absolute signed URL WeChat can fetch
 * (PUBLIC_BASE_URL), and stores the trace id its callback will carry. A failure to start marks the upload
 * 'error'; without an openid it is left for a human ('review'). Never throws.
 */
export async function startImageCheck(
  deps: Pick<AppDeps, "db" | "wechat" | "log" | "config" | "clock">,
  input: { uploadId: string; openid: string | null },
): Promise<void> {
  const repo = uploadsRepo(deps.db);
  try {
    if (!input.openid || !checkerConfigured(deps)) {
      await repo.setCheck(input.uploadId, "review");
      return;
    }
    if (!deps.config.media.publicBaseUrl) {
      deps.log.warn("PUBLIC_BASE_URL is not set: WeChat cannot fetch the photo for its check", { uploadId: input.uploadId });
    }
    const mediaUrl = await signedPhotoUrl(deps.config.media, input.uploadId, deps.clock(), true);
    try {
      const { traceId } = await deps.wechat.mediaCheckAsync({ mediaUrl, openid: input.openid, scene: SCENE_FORUM });
      await repo.setTraceId(input.uploadId, traceId);
    } catch (err) {
      deps.log.warn("image check not started; holding the photo", { uploadId: input.uploadId, error: describe(err) });
      await repo.setCheck(input.uploadId, "error");
    }
  } catch (err) {
    deps.log.error("image check state not saved", { uploadId: input.uploadId, error: String(err) });
  }
}
