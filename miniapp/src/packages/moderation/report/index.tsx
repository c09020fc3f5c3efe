import type { ReportDetail } from "@civic/shared";
import { Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../../components/PageContainer";
import { useSession } from "../../../services/session";
import { useApiLoad } from "../../../services/useApiLoad";
import { reportCategories, staffReport } from "../api";
import "../moderation.css";
import { canRetry, isStaff, pageError } from "../staffAccess";
import { ActionPanel } from "./ActionPanel";
import { CaseHeader, CaseInfo, CaseText } from "./CaseFacts";
import { CASE_ACTIONS } from "./caseActions";
import { PhotoGrid } from "./PhotoGrid";
import { TextReview } from "./TextReview";
import { Timeline } from "./Timeline";
import { useCaseAction } from "./useCaseAction";

/* 案件详情与处置: everything staff see about one case, and the actions its status allows. */
type Notice = { kind: "done" | "conflict"; text: string };

const PHOTO_ACTION_LABELS: Record<string, string> = {
  hide_photo: "照片已隐藏",
  show_photo: "照片已恢复显示",
  pass_photo: "照片复核通过",
  pass_text: "描述复核通过",
};

export default function ModerationReportPage() {
  const session = useSession();
  const staff = isStaff(session);
  const id = useRouter().params.id ?? "";
  const key = staff && session && id ? `${id}:${session.token}` : null;
  const { state, reload, replace } = useApiLoad(key, () => staffReport(id));
  const categories = useApiLoad(staff ? "categories" : null, reportCategories);
  const [notice, setNotice] = useState<Notice | null>(null);

  /** Reads the case again without blanking the page; falls back to a full reload if that fails. */
  const refetch = async () => {
    const fresh = await staffReport(id);
    if (fresh.ok) replace(fresh.data);
    else reload();
  };
  const { busy, run } = useCaseAction({
    onDone: (name: string, report: ReportDetail) => {
      replace(report);
      const label = CASE_ACTIONS.find((a) => a.name === name)?.label;
      const text = PHOTO_ACTION_LABELS[name] ?? `已${label ?? "完成"}`;
      setNotice({ kind: "done", text });
      void Taro.showToast({ title: text, icon: "success" });
      void refetch();
    },
    onConflict: (message: string) => {
      setNotice({ kind: "conflict", text: message });
      void Taro.showToast({ title: message, icon: "none" });
      void refetch();
    },
  });

  const report = state.status === "ok" ? state.data : null;
  const categoryList = categories.state.status === "ok" ? categories.state.data.categories : [];
  const category = report ? categoryList.find((c) => c.code === report.category.code) : undefined;
  const departments = [...new Set(categoryList.map((c) => c.department))];
  const error = !id ? "没有指定案件" : pageError(session, state.status === "error" ? state.error : null);

  return (
    <PageContainer
      className="moderation-page moderation-report-page"
      title="案件详情"
      needsLogin={!session}
      loginHint="请使用城管局工作人员账号登录"
      loading={staff && state.status === "loading"}
      error={error}
      onRetry={canRetry(error) && id ? reload : undefined}
    >
      {report ? (
        <View className="case-layout" data-version={report.version}>
          {notice ? (
            <Text className={`notice notice--${notice.kind}${notice.kind === "conflict" ? " conflict-message" : " action-done"}`}>
              {notice.text}
            </Text>
          ) : null}
          <View className="case-layout__main">
            <CaseHeader report={report} />
            <CaseText report={report} />
            <TextReview report={report} busy={busy} run={run} />
            <View className="card case-photos">
              <Text className="section-title">照片</Text>
              <PhotoGrid report={report} busy={busy} run={run} />
            </View>
            <CaseInfo report={report} category={category} />
          </View>
          <View className="case-layout__side">
            <ActionPanel report={report} departments={departments} defaultDepartment={category?.department ?? ""} busy={busy} run={run} />
            <View className="card case-timeline">
              <Text className="section-title">处置记录</Text>
              <Timeline entries={report.timeline} />
            </View>
          </View>
        </View>
      ) : null}
    </PageContainer>
  );
}
