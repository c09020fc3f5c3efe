import { REPORT_STATUS_LABELS, type ReportStatus, type ReportSummary } from "@civic/shared";
import { Image, Text, View } from "@tarojs/components";
import { formatCityTime } from "../../ui/formatTime";
import { photoSrc } from "../api";
import { caseName } from "../caseText";
import { openReportDetail } from "../navigation";

/* A report in a list (我的上报): status, category, when, where, a thumbnail; tap opens the detail. */

export function StatusBadge({ status }: { status: ReportStatus }) {
  return <Text className={`status-badge status-badge--${status}`}>{REPORT_STATUS_LABELS[status]}</Text>;
}

const RELATION_LABELS: Record<ReportSummary["relation"], string> = { reporter: "我反映的", follower: "我关注的", staff: "我处理的" };

export function ReportListItem({ report }: { report: ReportSummary }) {
  return (
    <View className="card report-item" data-id={report.id} onClick={() => openReportDetail(report.id)}>
      {report.thumbnailUrl ? <Image className="report-thumb" src={photoSrc(report.thumbnailUrl)} mode="aspectFill" /> : null}
      <View className="report-item__body">
        <View className="report-item__head">
          <StatusBadge status={report.status} />
          <Text className={`report-relation report-relation--${report.relation}`}>{RELATION_LABELS[report.relation]}</Text>
        </View>
        <Text className="report-category">{report.categoryName}</Text>
        <Text className="report-description">{report.description}</Text>
        <Text className="report-address">{report.address}</Text>
        <Text className="report-time">
          {formatCityTime(report.createdAt)} · <Text className="report-case-number">{caseName(report)}</Text>
        </Text>
      </View>
    </View>
  );
}
