import { type ErrorCode, ErrorEnvelope, UploadResponse } from "@civic/shared";
import Taro from "@tarojs/taro";
import { apiBase } from "../platform";
import { ERROR_MESSAGES_ZH, httpStatusMessageZh, INVALID_RESPONSE_MESSAGE_ZH, NETWORK_MESSAGE_ZH } from "./errorMessages";
import { clearSession, getSession } from "./session";

/*
 * One photo to POST /api/v1/uploads as multipart field `file`, with progress. Taro.uploadFile resolves
 * for any HTTP answer (the body as text), so the status and body are judged here; it never throws.
 */
export type UploadOutcome = { ok: true; photo: UploadResponse } | { ok: false; message: string };

interface UploadTaskLike {
  onProgressUpdate?: (cb: (res: { progress: number }) => void) => void;
  progress?: (cb: (res: { progress: number }) => void) => unknown;
}

const UPLOAD_MESSAGES_ZH: Partial<Record<ErrorCode, string>> = {
  payload_too_large: "照片太大（不能超过 10 MB），请换一张",
  unsupported_media_type: "只能上传 JPG、PNG 或 WebP 照片",
};

function parse(data: unknown): unknown {
  if (typeof data !== "string") return data;
  try {
    return JSON.parse(data);
  } catch {
    return data;
  }
}

export async function uploadPhoto(filePath: string, onProgress: (percent: number) => void): Promise<UploadOutcome> {
  const session = getSession();
  const header: Record<string, string> = {};
  if (session) header.Authorization = `Bearer ${session.token}`;
  try {
    const task = Taro.uploadFile({ url: `${apiBase()}/api/v1/uploads`, filePath, name: "file", header, timeout: 60_000 });
    const progressTask = task as unknown as UploadTaskLike;
    const listen = (res: { progress: number }) => onProgress(res.progress);
    if (typeof progressTask.onProgressUpdate === "function") progressTask.onProgressUpdate(listen);
    else if (typeof progressTask.progress === "function") progressTask.progress(listen);
    const res = await task;
    const body = parse(res.data);
    if (res.statusCode >= 200 && res.statusCode < 300) {
      const photo = UploadResponse.safeParse(body, { jitless: true });
      return photo.success ? { ok: true, photo: photo.data } : { ok: false, message: INVALID_RESPONSE_MESSAGE_ZH };
    }
    if (res.statusCode === 401) clearSession();
    const envelope = ErrorEnvelope.safeParse(body, { jitless: true });
    if (!envelope.success) return { ok: false, message: httpStatusMessageZh(res.statusCode) };
    const code = envelope.data.error.code;
    return { ok: false, message: UPLOAD_MESSAGES_ZH[code] ?? ERROR_MESSAGES_ZH[code] };
  } catch {
    return { ok: false, message: NETWORK_MESSAGE_ZH };
  }
}
