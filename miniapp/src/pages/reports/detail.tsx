import { REJECT_REASON_LABELS, type ReportDetail } from "@civic/shared";
import { Button, Text, View } from "@tarojs/components";
import Taro, { useRouter } from "@tarojs/taro";
import { useState } from "react";
import { PageContainer } from "../../components/PageContainer";
import { PhotoStrip } from "../../components/PhotoStrip";
import { followReport, reportDetail } from "../../reports/api";
import { canJoinCase, caseName, peopleReporting, ratingLabel } from "../../reports/caseText";
import { Receipt } from "../../reports/components/Receipt";
import { RatePanel, ReopenPanel } from "../../reports/components/ReportFeedback";
import { StatusBadge } from "../../reports/components/ReportListItem";
import { ReportTimeline } from "../../reports/components/ReportTimeline";
import { goToLogin } from "../../services/loginRedirect";
import { getSession } from "../../services/session";
import { useApiLoad } from "../../services/useApiLoad";
import { formatCityTime } from "../../ui/formatTime";

/* One report: photos, what and where, the status timeline, the bureau's answer, and the reporter's rating or reopening. */

function InfoRow({ label, value, className }: { label: string; value: string; className: string }) {
  return (
    <View className={`info-row ${className}`}>
      <Text className="info-row__label">{label}</Text>
      <Text className="info-row__value">{value}</Text>
    </View>
  );
}

function FollowBar({ report, onFollowed }: { report: ReportDetail; onFollowed: (r: ReportDetail) => void }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const follow = async () => {
    if (!getSession()) {
      goToLogin();
      return;
    }
    setBusy(true);
    setError(null);
    const res = await followReport(report.id);
    setBusy(false);
    if (res.ok) onFollowed({ ...report, following: res.data.following, followers: res.data.followers });
    else setError(res.message);
  };
  return (
    <View className="card follow-bar">
      <Text className="report-followers">{peopleReporting(report.followers)} 人反映了这个问题</Text>
      {report.following ? (
        <Text className="report-following">您已关注，处理进展会通知您</Text>
      ) : !canJoinCase(report.status) ? null : (
        <Button className="btn btn-primary follow-button" disabled={busy || undefined} onClick={() => void follow()}>
          我也遇到了
        </Button>
      )}
      {error ? <Text className="field-error">{error}</Text> : null}
    </View>
  );
}

function ReportView({ report, onUpdated }: { report: ReportDetail; onUpdated: (r: ReportDetail) => void }) {
  const visible = report.photos.filter((p) => !p.hidden);
  const before = visible.filter((p) => p.kind === "report").map((p) => p.url);
  const after = visible.filter((p) => p.kind === "resolution").map((p) => p.url);
  return (
    <>
      <View className="card report-detail">
        <View className="report-item__head">
          <StatusBadge status={report.status} />
          <Text className="report-category">{report.category.name}</Text>
        </View>
        <InfoRow className="report-case-number" label="案件编号" value={caseName(report)} />
        <PhotoStrip urls={before} className="report-photos" />
        {report.description ? (
          <Text className="report-description">{report.description}</Text>
        ) : (
          <Text className="report-description report-description--withheld">该问题尚待城管受理，受理后可查看详情；进展会通知您。</Text>
        )}
        {report.viewer === "reporter" || report.viewer === "staff" ? (
          <InfoRow className="report-address" label="地址" value={report.address} />
        ) : null}
        <InfoRow className="report-district" label="区域" value={report.district} />
        <InfoRow className="report-created" label="上报时间" value={formatCityTime(report.createdAt)} />
        {report.department ? <InfoRow className="report-department" label="处置部门" value={report.department} /> : null}
        {report.rejectReason ? (
          <InfoRow className="report-reject-reason" label="不予立案原因" value={REJECT_REASON_LABELS[report.rejectReason]} />
        ) : null}
        {report.rating !== null ? (
          <InfoRow
            className="report-rating"
            label={ratingLabel(report.viewer)}
            value={`${"★".repeat(report.rating)}${report.ratingComment ? ` ${report.ratingComment}` : ""}`}
          />
        ) : null}
      </View>
      {report.resolutionNote || after.length > 0 ? (
        <View className="card report-resolution">
          <Text className="section-title">处理结果</Text>
          {report.resolutionNote ? <Text className="resolution-note">{report.resolutionNote}</Text> : null}
          <PhotoStrip urls={after} className="resolution-photos" />
        </View>
      ) : null}
      {report.canRate ? <RatePanel report={report} onUpdated={onUpdated} /> : null}
      {report.canReopen ? <ReopenPanel report={report} onUpdated={onUpdated} /> : null}
      {report.viewer === "reporter" || report.viewer === "staff" ? null : <FollowBar report={report} onFollowed={onUpdated} />}
      <ReportTimeline entries={report.timeline} />
    </>
  );
}

export default function ReportDetailPage() {
  const { params } = useRouter();
  const id = params.id ?? null;
  const { state, reload, replace } = useApiLoad(id, () => reportDetail(id!));
  const updated = (r: ReportDetail) => {
    replace(r);
    void Taro.showToast({ title: "已提交", icon: "success" });
  };
  return (
    <PageContainer
      className="report-detail-page"
      loading={state.status === "loading"}
      error={id === null ? "缺少上报编号，请从列表重新进入" : state.status === "error" ? state.error : null}
      onRetry={id === null ? undefined : reload}
    >
      {state.status === "ok" && params.receipt === "1" && state.data.viewer === "reporter" ? <Receipt report={state.data} /> : null}
      {state.status === "ok" ? <ReportView report={state.data} onUpdated={updated} /> : null}
    </PageContainer>
  );
}
