import { maxBody } from "../middleware";
import type { createRouter } from "../router";
import { mediaCheckEcho, mediaCheckPush } from "./wechat-callback.handlers";

/** Where WeChat's message push for image checks lands (outside /api: WeChat's format, not ours; not in the OpenAPI document). */
export const MEDIA_CHECK_CALLBACK_PATH = "/wechat/media-check";

/** WeChat's server calls these, never a client: signature-checked, see wechat-callback.handlers.ts. */
export function registerWechatCallbacks(app: ReturnType<typeof createRouter>) {
  app.get(MEDIA_CHECK_CALLBACK_PATH, mediaCheckEcho);
  app.post(MEDIA_CHECK_CALLBACK_PATH, maxBody(64 * 1024), mediaCheckPush);
}
