import { Button, View } from "@tarojs/components";
import Taro from "@tarojs/taro";
import { PageContainer } from "../../components/PageContainer";
import { myReports } from "../../reports/api";
import { ReportListItem } from "../../reports/components/ReportListItem";
import { NEW_REPORT_PAGE } from "../../reports/navigation";
import { useSession } from "../../services/session";
import { useApiLoad } from "../../services/useApiLoad";

/* 我的上报: the reports I filed and the ones I follow ("我也遇到了"), newest first. */
export default function MyReportsPage() {
  const session = useSession();
  const { state, reload } = useApiLoad(session ? `mine:${session.token}` : null, myReports);
  const reports = state.status === "ok" ? state.data.reports : [];
  const newReport = () => void Taro.navigateTo({ url: NEW_REPORT_PAGE });
  return (
    <PageContainer
      className="my-reports-page"
      title="我的上报"
      needsLogin={!session}
      loginHint="登录后可以查看您上报和关注的问题"
      loading={state.status === "loading"}
      error={state.status === "error" ? state.error : null}
      onRetry={reload}
      empty={state.status === "ok" && reports.length === 0}
      emptyText="您还没有上报过问题。看到占道经营、乱贴小广告、垃圾暴露等问题，随手拍一下吧。"
      footer={
        session && state.status !== "loading" ? (
          <View className="page-actions">
            <Button className="btn btn-primary btn-large new-report-button" onClick={newReport}>
              随手拍
            </Button>
          </View>
        ) : null
      }
    >
      <View className="report-list">
        {reports.map((r) => (
          <ReportListItem key={r.id} report={r} />
        ))}
      </View>
    </PageContainer>
  );
}
