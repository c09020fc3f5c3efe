import type { AccountExport } from "@civic/shared";
import Taro from "@tarojs/taro";
import { isWeapp } from "../platform";

/*
 * Hands the exported JSON to the user: a file download in H5; in the weapp a file in the mini-program's
 * user folder, offered to forward to a chat (to reach a computer), or the text on the clipboard where
 * file sharing is unavailable.
 */
export type SavedExport = { how: "downloaded" | "shared" | "copied"; fileName: string };

export const exportFileName = (doc: AccountExport) => `civic-my-data-${doc.exportedAt.slice(0, 10)}.json`;

export async function saveExport(doc: AccountExport): Promise<SavedExport> {
  const fileName = exportFileName(doc);
  const text = JSON.stringify(doc, null, 2);
  if (!isWeapp()) {
    const url = URL.createObjectURL(new Blob([text], { type: "application/json" }));
    const a = document.createElement("a");
    a.href = url;
    a.download = fileName;
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
    return { how: "downloaded", fileName };
  }
  try {
    const dir = (Taro.env as { USER_DATA_PATH?: string } | undefined)?.USER_DATA_PATH;
    if (!dir) throw new Error("no user folder");
    const filePath = `${dir}/${fileName}`;
    Taro.getFileSystemManager().writeFileSync(filePath, text, "utf8");
    await Taro.shareFileMessage({ filePath, fileName });
    return { how: "shared", fileName };
  } catch {
    await Taro.setClipboardData({ data: text });
    return { how: "copied", fileName };
  }
}

/** The summary shown after an export: what kind of data, how many. */
export const EXPORT_COUNT_LABELS: Record<string, string> = {
  reports: "上报",
  follows: "关注",
  ratings: "评价",
  inbox: "消息",
  toiletFeedback: "公厕反馈",
  sessions: "登录记录",
  consents: "隐私政策同意记录",
  unattachedPhotos: "未使用的照片",
  notifications: "通知",
};
