import type { AccountExport } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import { useState } from "react";
import { exportMyData } from "../../../account/api";
import { EXPORT_COUNT_LABELS, type SavedExport, saveExport } from "../../../account/exportFile";
import type { ApiFailure } from "../../../services/request";

/* 导出我的数据: one JSON document of everything held about the user, saved or shared, with a summary. */

type State =
  | { status: "idle" }
  | { status: "loading" }
  | { status: "error"; error: ApiFailure | string }
  | { status: "done"; doc: AccountExport; saved: SavedExport | null };

const SAVED_TEXT: Record<SavedExport["how"], string> = {
  downloaded: "已下载",
  shared: "已发送",
  copied: "已复制到剪贴板",
};

export function ExportCard() {
  const [state, setState] = useState<State>({ status: "idle" });
  const run = async () => {
    setState({ status: "loading" });
    const res = await exportMyData();
    if (!res.ok) {
      setState({ status: "error", error: res });
      return;
    }
    let saved: SavedExport | null = null;
    try {
      saved = await saveExport(res.data);
    } catch {
      // The summary still shows; the user can try saving again.
    }
    setState({ status: "done", doc: res.data, saved });
  };
  const counts = state.status === "done" ? Object.entries(state.doc.counts).filter(([k]) => k in EXPORT_COUNT_LABELS) : [];
  return (
    <View className="card privacy-export">
      <Text className="card-title">导出我的数据</Text>
      <Text className="privacy-note">包括账号信息、上报（含照片链接，30 分钟内有效）、关注、评价、消息、公厕反馈和同意记录。</Text>
      <Button className="btn btn-primary export-button" disabled={state.status === "loading" || undefined} onClick={run}>
        {state.status === "loading" ? "正在导出…" : "导出我的数据"}
      </Button>
      {state.status === "error" ? (
        <Text className="state-text export-error">{typeof state.error === "string" ? state.error : state.error.message}</Text>
      ) : null}
      {state.status === "done" ? (
        <View className="export-summary">
          <Text className="privacy-note">
            {state.saved ? `${SAVED_TEXT[state.saved.how]}：${state.saved.fileName}` : "未能保存文件，请重试"}
          </Text>
          {counts.every(([, n]) => n === 0) ? <Text className="privacy-note export-empty">除账号信息外，暂无其他数据</Text> : null}
          {counts.map(([k, n]) => (
            <View key={k} className="export-count">
              <Text>{EXPORT_COUNT_LABELS[k]}</Text>
              <Text className="export-count__n">{n}</Text>
            </View>
          ))}
        </View>
      ) : null}
    </View>
  );
}
