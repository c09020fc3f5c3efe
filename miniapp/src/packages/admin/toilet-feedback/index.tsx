import { canAdminister, type ToiletFeedback } from "@civic/shared";
import { View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { useState } from "react";
import { Chip } from "../../../components/Chip";
import { PageContainer } from "../../../components/PageContainer";
import { adminToiletFeedback } from "../../../finders/api";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { FeedbackCard } from "./FeedbackCard";
import "./toilet-feedback.css";

/* Admin: residents' reports that a toilet is closed or wrongly described, and closing them. */
type Status = "open" | "resolved";

export default function ToiletFeedbackAdminPage() {
  const session = useSession();
  const isAdmin = canAdminister(session?.user);
  const [status, setStatus] = useState<Status>("open");
  const key = session && isAdmin ? `${status}:${session.token}` : null;
  const { state, reload, replace } = useApiLoad(key, () => adminToiletFeedback(status));
  const items = state.status === "ok" ? state.data.feedback : [];

  const resolved = (updated: ToiletFeedback) => {
    replace({ feedback: items.filter((i) => i.id !== updated.id) });
    void Taro.showToast({ title: "已处理", icon: "success" });
  };

  return (
    <PageContainer
      className="admin-feedback-page"
      title="厕所问题反馈"
      subtitle="居民报告的关闭、信息有误等问题"
      needsLogin={!session}
      loginHint="请使用系统管理员账号登录"
      toolbar={
        <View className="chip-row">
          <Chip label="待处理" className="status-open" active={status === "open"} onTap={() => setStatus("open")} />
          <Chip label="已处理" className="status-resolved" active={status === "resolved"} onTap={() => setStatus("resolved")} />
        </View>
      }
      loading={state.status === "loading"}
      error={session && !isAdmin ? "此页面仅限系统管理员使用" : state.status === "error" ? state.error : null}
      onRetry={session && !isAdmin ? undefined : reload}
      empty={state.status === "ok" && items.length === 0}
      emptyText={status === "open" ? "没有待处理的反馈" : "还没有已处理的反馈"}
    >
      <View className="feedback-list">
        {items.map((item) => (
          <FeedbackCard key={item.id} item={item} onResolved={resolved} />
        ))}
      </View>
    </PageContainer>
  );
}
