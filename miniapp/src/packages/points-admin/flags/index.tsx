import { FLAG_KIND_LABELS, type PointsFlag } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { mayOpen, pageError } from "../access";
import { pointsAdminMessage, pointsFlags, reverseEntry, reviewFlag } from "../api";
import "../points-admin.css";

/*
 * 积分异常: open flags (households by label and account id only): dismiss, confirm, or reverse the entry
 * the flag is about (refused when the points were already spent).
 */

const STATUS_LABELS: Record<PointsFlag["status"], string> = { open: "待处理", dismissed: "已排除", confirmed: "已确认" };

export default function PointsFlagsPage() {
  const session = useSession();
  const allowed = mayOpen(session);
  const [status, setStatus] = useState<"open" | "dismissed" | "confirmed">("open");
  const { state, reload } = useApiLoad(session && allowed ? `points-flags:${status}` : null, () => pointsFlags(status));
  const [message, setMessage] = useState<string | null>(null);
  const flags = state.status === "ok" ? state.data.items : [];

  const review = async (f: PointsFlag, decision: "dismiss" | "confirm") => {
    const res = await reviewFlag(f.id, { decision });
    setMessage(res.ok ? (decision === "dismiss" ? "已排除" : "已确认") : pointsAdminMessage(res));
    reload();
  };
  const reverse = async (f: PointsFlag) => {
    if (!f.entryId) return;
    const answer = await Taro.showModal({ title: "冲正积分", content: `冲正 ${f.householdLabel ?? "该住户"} 的这笔积分吗？` });
    if (!answer.confirm) return;
    const res = await reverseEntry(f.entryId, `异常核实：${FLAG_KIND_LABELS[f.kind] ?? f.kind}`);
    setMessage(res.ok ? `已冲正 ${-res.data.amount} 分` : pointsAdminMessage(res));
  };

  return (
    <PageContainer
      className="points-flags-page"
      title="积分异常"
      needsLogin={!session}
      toolbar={
        allowed ? (
          <View className="points-flag__actions">
            {(["open", "dismissed", "confirmed"] as const).map((s) => (
              <Button key={s} className={`btn flags-status-${s}${s === status ? " btn-primary" : ""}`} onClick={() => setStatus(s)}>
                {STATUS_LABELS[s]}
              </Button>
            ))}
          </View>
        ) : null
      }
      loading={state.status === "loading"}
      error={pageError(session, state.status === "error" ? state.error : null)}
      onRetry={allowed ? reload : undefined}
      empty={state.status === "ok" && flags.length === 0}
      emptyText="没有这类异常"
    >
      {message ? <Text className="hint-text flags-message">{message}</Text> : null}
      {flags.map((f) => (
        <View key={f.id} className="card points-flag" data-id={f.id}>
          <View className="points-flag__head">
            <Text>{FLAG_KIND_LABELS[f.kind] ?? f.kind}</Text>
            <Text>{STATUS_LABELS[f.status]}</Text>
          </View>
          <Text className="hint-text">
            {f.householdLabel ?? "住户"} · 账号 {f.accountId ?? "—"} · {f.at.slice(0, 10)}
          </Text>
          <Text className="hint-text points-flag__detail">{JSON.stringify(f.detail)}</Text>
          {f.status === "open" ? (
            <View className="points-flag__actions">
              <Button className="btn flag-dismiss" onClick={() => void review(f, "dismiss")}>
                排除
              </Button>
              <Button className="btn flag-confirm" onClick={() => void review(f, "confirm")}>
                确认异常
              </Button>
              {f.entryId ? (
                <Button className="btn btn-danger flag-reverse" onClick={() => void reverse(f)}>
                  冲正积分
                </Button>
              ) : null}
            </View>
          ) : null}
        </View>
      ))}
    </PageContainer>
  );
}
